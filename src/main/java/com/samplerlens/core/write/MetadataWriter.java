package com.samplerlens.core.write;

import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.container.jpeg.JpegExifWriter;
import com.samplerlens.core.container.png.PngChunkRewriter;
import com.samplerlens.core.container.webp.WebpExifWriter;
import com.samplerlens.core.fallback.FallbackSettings;
import com.samplerlens.core.fallback.FallbackStage;
import com.samplerlens.core.fallback.JpegFallbackPlanner;
import com.samplerlens.core.fallback.JpegStagePlan;
import com.samplerlens.core.fallback.WritePlan;
import com.samplerlens.core.fallback.WritePlanner;
import com.samplerlens.core.io.AtomicFileWriter;
import com.samplerlens.core.json.CompactJson;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Writes a {@link MetadataBundle} into a target image without touching its pixels: PNG text
 * chunks, JPEG EXIF by the fallback plan (or a COM segment), WebP EXIF. The file is written
 * atomically, read back before it takes its name, and refused if what is read back differs.
 */
public final class MetadataWriter {
    private MetadataWriter() {}

    /**
     * @param target   the image whose pixels are kept
     * @param output   where to write; null: {@code <target name>_meta.<ext>} beside the target (ignored in place)
     * @param format   the output format; null: the target's own. PNG↔JPEG re-encodes the pixels
     * @param settings the JPEG limits
     * @param inPlace  rewrite the target itself (through the same atomic path)
     * @param force    replace an existing output file
     */
    public record Request(Path target, Path output, ContainerFormat format, FallbackSettings settings, boolean inPlace, boolean force) {
        public Request {
            Objects.requireNonNull(target);
            Objects.requireNonNull(settings);
        }
    }

    /**
     * @param written the file written
     * @param plan    the plan it followed (for JPEG, {@code plan.chosen()} is the stage written)
     * @param bytes   its size
     * @param notices things the user should know (pixels re-encoded, parameters cut)
     */
    public record Result(Path written, WritePlan plan, long bytes, List<String> notices) {}

    /**
     * The plan a {@link #write} with this request would follow, with the same sizes, without
     * writing anything (the {@code stages} command and the app's preview).
     */
    public static WritePlan preview(MetadataBundle bundle, Request request) throws UnreadableFileException, IOException {
        Pixels pixels = pixels(request, new ArrayList<>());
        try {
            return WritePlanner.plan(pixels.format(), bundle, request.settings(), pixels.bytes());
        } catch (IllegalArgumentException damaged) {
            throw new UnreadableFileException(request.target(), damaged.getMessage());
        }
    }

    public static Result write(MetadataBundle bundle, Request request) throws UnreadableFileException, IOException {
        Path target = request.target();
        List<String> notices = new ArrayList<>();
        Pixels image = pixels(request, notices);
        ContainerFormat format = image.format();
        byte[] pixels = image.bytes();
        Path output = request.inPlace() ? target : request.output() != null ? request.output() : defaultOutput(target, format);
        boolean replace = request.inPlace() || request.force();
        if (!replace && Files.exists(output)) {
            throw new FileAlreadyExistsException(output.toString(), null, "already exists (use --force to replace it)");
        }

        WritePlan plan;
        byte[] bytes;
        try {
            plan = WritePlanner.plan(format, bundle, request.settings(), pixels);
            refuseIfNothingFits(target, bundle, plan);
            bytes = encode(bundle, format, pixels, plan, notices);
        } catch (IllegalArgumentException damaged) {
            // The byte-level writers refuse a target they cannot parse (truncated JPEG, broken RIFF …).
            throw new UnreadableFileException(target, damaged.getMessage());
        }
        Expected expected = expected(bundle, plan);
        // in place: a link is followed (its file rewritten, the link kept); --out: a link is replaced, never followed
        AtomicFileWriter.Replace mode = request.force() ? AtomicFileWriter.Replace.EVEN_READ_ONLY
                : replace ? AtomicFileWriter.Replace.WRITABLE : AtomicFileWriter.Replace.NEVER;
        AtomicFileWriter.Written written = AtomicFileWriter.write(output, bytes, mode, request.inPlace(), w -> verify(output, w, expected));
        notices.addAll(written.notices());
        return new Result(written.path(), plan, bytes.length, List.copyOf(notices));
    }

    /** A JPEG plan with no fitting stage and no parameters would write only a fallback marker. */
    private static void refuseIfNothingFits(Path target, MetadataBundle bundle, WritePlan plan) throws IOException {
        boolean noParameters = bundle.parameters() == null || bundle.parameters().isBlank();
        if (noParameters && plan.chosen().filter(chosen -> !chosen.fits()).isPresent()) {
            JpegStagePlan full = plan.entries().stream().map(JpegStagePlan.class::cast).findFirst().orElseThrow();
            throw new IOException(target.getFileName() + ": the metadata does not fit a JPEG (" + full.note()
                    + ") and there are no parameters to fall back to; write PNG or WebP, or raise --max-jpeg-exif-kb");
        }
    }

    private static byte[] encode(MetadataBundle bundle, ContainerFormat format, byte[] pixels, WritePlan plan, List<String> notices) {
        return switch (format) {
            case PNG -> PngChunkRewriter.rewrite(pixels, WritePlanner.pngTexts(bundle));
            case WEBP -> WebpExifWriter.write(pixels, WritePlanner.webpExif(bundle, pixels));
            case JPEG -> {
                JpegStagePlan stage = plan.chosen().orElseThrow();
                if (!stage.fits()) notices.add(stage.note());
                yield JpegExifWriter.write(pixels, stage.app1Payload(), stage.comText());
            }
            case JSON -> throw new IllegalStateException("a JSON target is refused when it is read");
        };
    }

    /** The target's bytes in the output format. */
    private record Pixels(ContainerFormat format, byte[] bytes) {}

    private static Pixels pixels(Request request, List<String> notices) throws UnreadableFileException, IOException {
        Path target = request.target();
        byte[] targetBytes = readImage(target);
        ContainerFormat targetFormat = formatOf(target, targetBytes);
        ContainerFormat format = request.format() != null ? request.format() : targetFormat;
        if (format == targetFormat) return new Pixels(format, targetBytes);
        if (request.inPlace()) {
            throw new IllegalArgumentException("--in-place cannot change the format of " + target.getFileName() + " (it is " + targetFormat.id() + ")");
        }
        notices.add("pixels re-encoded from " + targetFormat.id() + " to " + format.id() + " (a format change cannot keep them byte for byte)");
        return new Pixels(format, PixelConverter.convert(target, targetBytes, targetFormat, format));
    }

    /** {@code photo.png} → {@code photo_meta.png}; with a format change, that format's extension. */
    public static Path defaultOutput(Path target, ContainerFormat format) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot + 1) : format.extension();
        boolean sameFormat = dot > 0 && safeParse(ext) == format;
        return target.resolveSibling(stem + "_meta." + (sameFormat ? ext : format.extension()));
    }

    /** What the file must hold when read back; null: not written, not checked. */
    private record Expected(String parameters, String prompt, String workflow, String samplersDetail, UnaryOperator<String> jsonForm) {}

    private static Expected expected(MetadataBundle bundle, WritePlan plan) {
        if (plan.format() == ContainerFormat.PNG) {
            return new Expected(bundle.parameters(), bundle.prompt(), bundle.workflow(), bundle.samplersDetail(), UnaryOperator.identity());
        }
        JpegStagePlan stage = plan.chosen().orElse(null);
        if (stage == null || stage.stage() == FallbackStage.FULL) {
            return new Expected(bundle.parameters(), bundle.prompt(), bundle.workflow(), bundle.samplersDetail(), CompactJson::of);
        }
        return new Expected(stage.parameters(), null, null, null, CompactJson::of);
    }

    private static void verify(Path output, Path written, Expected expected) throws IOException {
        EmbeddedMetadata read;
        try {
            read = MetadataReaders.read(written);
        } catch (UnreadableFileException e) {
            // the message names our temporary file; the user knows the output's name
            String why = String.valueOf(e.getMessage()).replace(written.toString(), output.getFileName().toString());
            throw new IOException(output.getFileName() + ": the file written cannot be read back (" + why + ")", e);
        }
        check(output, read, MetadataKeys.PARAMETERS, expected.parameters(), UnaryOperator.identity());
        check(output, read, MetadataKeys.PROMPT, expected.prompt(), expected.jsonForm());
        check(output, read, MetadataKeys.WORKFLOW, expected.workflow(), expected.jsonForm());
        check(output, read, MetadataKeys.SAMPLERS_DETAIL, expected.samplersDetail(), expected.jsonForm());
    }

    private static void check(Path output, EmbeddedMetadata read, String key, String expected, UnaryOperator<String> form) throws IOException {
        if (expected == null) return;
        String actual = read.text(key).orElse(null);
        if (actual == null) throw new IOException(output.getFileName() + ": " + key + " is missing when the file written is read back; nothing was written");
        if (!form.apply(actual).equals(form.apply(expected))) {
            throw new IOException(output.getFileName() + ": " + key + " read back differs from what was written; nothing was written");
        }
    }

    /** Through the readers' gate: a file that is no image, or a huge one, is refused before it is read whole. */
    private static byte[] readImage(Path target) throws UnreadableFileException {
        return MetadataReaders.readBytes(target);
    }

    private static ContainerFormat formatOf(Path target, byte[] bytes) throws UnreadableFileException {
        ContainerFormat f = MetadataReaders.detect(bytes).orElse(ContainerFormat.JSON);
        if (f == ContainerFormat.JSON) throw new UnreadableFileException(target, "not a PNG, JPEG or WebP image");
        return f;
    }

    private static ContainerFormat safeParse(String ext) {
        try {
            return ContainerFormat.parse(ext);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
