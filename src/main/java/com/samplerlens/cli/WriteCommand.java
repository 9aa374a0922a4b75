package com.samplerlens.cli;

import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.fallback.FallbackSettings;
import com.samplerlens.core.write.MetadataWriter;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code samplerlens write SOURCE --into IMAGE}: metadata from SOURCE, pixels from IMAGE, to a new file. */
@Command(name = "write", mixinStandardHelpOptions = true,
        description = "Write SOURCE's metadata into a copy of IMAGE (pixels untouched; PNG/JPEG conversion re-encodes them).")
public final class WriteCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "SOURCE", description = "Image or workflow JSON the metadata comes from.")
    Path source;

    @Option(names = "--into", paramLabel = "IMAGE", description = "Image whose pixels are kept.")
    Path into;

    @Option(names = "--out", paramLabel = "PATH", description = "Output file (default: IMAGE's name + _meta, beside it).")
    Path out;

    @Option(names = "--format", paramLabel = "jpeg|png|webp", description = "Output format (default: IMAGE's).")
    String format;

    @Option(names = "--max-jpeg-exif-kb", paramLabel = "K", description = "JPEG EXIF limit in KB (default 60; clamped to 4 … METADATA_JPEG_EXIF_HARD_MAX_KB).")
    Integer maxJpegExifKb;

    @Option(names = "--in-place", description = "Rewrite IMAGE itself (atomically).")
    boolean inPlace;

    @Option(names = "--force", description = "Replace the output file if it exists, a read-only one too (also with --in-place).")
    boolean force;

    @Mixin EditOptions editing;

    @Mixin BatchOptions batch;

    @Override
    public Integer call() throws UnreadableFileException, IOException {
        if (inPlace && out != null) throw new ParameterException(spec.commandLine(), "--in-place and --out cannot be used together");
        if (batch.active()) {
            if (source != null || into != null || out != null || inPlace || format != null) {
                throw new ParameterException(spec.commandLine(), "a batch (--from-dir/--into-dir/--out-dir) takes no SOURCE, --into, --out, --in-place or --format");
            }
            return batch.run(spec, editing.bundleSource(spec, spec.commandLine().getErr()), FallbackSettings.fromEnvironment(maxJpegExifKb), force);
        }
        if (source == null || into == null) throw new ParameterException(spec.commandLine(), "write needs SOURCE and --into IMAGE (or a batch: --from-dir, --into-dir, --out-dir)");
        ContainerFormat requested = CliFormats.outputFormat(spec, format);
        if (out != null) {
            CliGuards.refuseOverInput(spec, "--out", out, "SOURCE", source);
            if (CliGuards.same(out, into)) throw new ParameterException(spec.commandLine(), "--out " + out + " is --into " + into + "; use --in-place to rewrite it");
        }
        if (out == null && !inPlace) {
            // the default name (IMAGE_meta.EXT) may be SOURCE itself: photo_meta.png --into photo.png
            ContainerFormat f = requested != null ? requested : CliGuards.formatByName(into);
            if (f != null && CliGuards.same(MetadataWriter.defaultOutput(into, f), source)) {
                throw new ParameterException(spec.commandLine(), "the default output " + MetadataWriter.defaultOutput(into, f)
                        + " is SOURCE; give --out; SamplerLens never writes over its inputs");
            }
        }
        var err = spec.commandLine().getErr();
        MetadataBundle bundle;
        try {
            bundle = editing.bundleSource(spec, err).bundle(source);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            if (e instanceof ParameterException p) throw p;
            err.println(CliGuards.failure(source, e));
            return SamplerLensCommand.FILE_FAILED;
        }
        var request = new MetadataWriter.Request(into, out, requested, FallbackSettings.fromEnvironment(maxJpegExifKb), inPlace, force);
        MetadataWriter.Result result;
        try {
            result = MetadataWriter.write(bundle, request);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (FileAlreadyExistsException e) {
            err.println("samplerlens: " + e.getFile() + ": " + (e.getReason() != null ? e.getReason() : "already exists"));
            return SamplerLensCommand.FILE_FAILED;
        } catch (com.samplerlens.core.io.UnsafeTargetException e) {
            err.println("samplerlens: " + e.getMessage());
            return SamplerLensCommand.FILE_FAILED;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            err.println(CliGuards.failure(into, e));
            return SamplerLensCommand.FILE_FAILED;
        }
        result.notices().forEach(n -> spec.commandLine().getErr().println("samplerlens: note: " + n));
        String stage = result.plan().chosen().map(s -> ", stage " + s.name()).orElse("");
        spec.commandLine().getOut().printf("wrote %s (%d bytes%s)%n", result.written(), result.bytes(), stage);
        return SamplerLensCommand.OK;
    }
}
