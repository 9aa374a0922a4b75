package com.samplerlens.core.write;

import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.container.jpeg.JpegStripper;
import com.samplerlens.core.container.png.PngChunkRewriter;
import com.samplerlens.core.container.webp.WebpStripper;
import com.samplerlens.core.io.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A copy of an image without generation metadata, for sharing; the pixels are not touched.
 * <ul>
 *   <li>PNG: every tEXt, zTXt and iTXt chunk except XMP ({@code XML:com.adobe.xmp}). Text chunks
 *       are where every generator writes (ComfyUI {@code prompt}/{@code workflow}, A1111
 *       {@code parameters}, our {@code Samplers detail}, NovelAI {@code Description}/{@code Comment},
 *       InvokeAI, Fooocus …); the few others ({@code Software}, {@code Creation Time}) are not
 *       worth a leaked prompt.</li>
 *   <li>JPEG: every COM segment; in EXIF, UserComment, ImageDescription, the XP text tags and our
 *       prefixed Make/Model ({@link com.samplerlens.core.container.exif.ExifStripper}); other EXIF
 *       (Orientation, camera, GPS) stays.</li>
 *   <li>WebP: the same EXIF rule for the EXIF chunk.</li>
 * </ul>
 * XMP, ICC profiles and C2PA data are kept. Before the copy takes its name it is read back and
 * must show no metadata text but XMP.
 */
public final class MetadataStripper {
    private MetadataStripper() {}

    /** The PNG text keyword that is not generation data. */
    public static final String XMP_KEYWORD = "XML:com.adobe.xmp";

    /** The file's bytes without generation metadata. */
    public static byte[] strip(Path file, byte[] bytes) throws UnreadableFileException {
        ContainerFormat format = MetadataReaders.detect(bytes)
                .orElseThrow(() -> new UnreadableFileException(file, "not a PNG, JPEG or WebP image"));
        try {
            return switch (format) {
                case PNG -> PngChunkRewriter.remove(bytes, keyword -> !keyword.equals(XMP_KEYWORD));
                case JPEG -> JpegStripper.strip(bytes);
                case WEBP -> WebpStripper.strip(bytes);
                default -> throw new UnreadableFileException(file, "is " + format.id() + ", not an image; nothing to strip");
            };
        } catch (IllegalArgumentException e) {
            throw new UnreadableFileException(file, e.getMessage());
        }
    }

    /**
     * Writes a stripped copy of {@code source} to {@code target} atomically (target may be the
     * source itself, with {@code replaceExisting}).
     */
    public static void stripFile(Path source, Path target, boolean replaceExisting) throws IOException, UnreadableFileException {
        stripFile(source, target, replaceExisting ? AtomicFileWriter.Replace.WRITABLE : AtomicFileWriter.Replace.NEVER, false);
    }

    /**
     * As above, with the writer's choices: what may be replaced, and whether a link at the target
     * is followed (in place) or replaced (a new output). Returns the notices for the user.
     */
    public static List<String> stripFile(Path source, Path target, AtomicFileWriter.Replace replace, boolean followLink)
            throws IOException, UnreadableFileException {
        // the readers' checks: a FIFO or device is refused before it is opened, a huge file before it is read
        byte[] bytes = MetadataReaders.readBytes(source);
        byte[] stripped = strip(source, bytes);
        return AtomicFileWriter.write(target, stripped, replace, followLink, written -> {
            List<String> left;
            try {
                left = leftovers(written);
            } catch (IOException e) {
                // name the output, not our temporary file
                throw new IOException(String.valueOf(e.getMessage()).replace(written.toString(), target.getFileName().toString()), e);
            }
            if (!left.isEmpty()) throw new IOException(target.getFileName() + ": metadata still there after stripping: " + String.join(", ", left));
        }).notices();
    }

    /** The metadata texts the readers still find in a file, XMP aside. */
    public static List<String> leftovers(Path file) throws IOException {
        try {
            EmbeddedMetadata m = MetadataReaders.read(file);
            return m.entries().stream().filter(e -> !e.key().equals(XMP_KEYWORD)).map(MetadataStripper::describe).toList();
        } catch (UnreadableFileException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** {@code photo.png} → {@code photo_clean.png}. */
    public static Path defaultTarget(Path source) {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String clean = dot > 0 ? name.substring(0, dot) + "_clean" + name.substring(dot) : name + "_clean";
        return source.resolveSibling(clean);
    }

    private static String describe(MetadataEntry e) {
        return e.key() + " (" + e.location().toLowerCase(Locale.ROOT) + ")";
    }
}
