package com.samplerlens.cli;

import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.io.AtomicFileWriter;
import com.samplerlens.core.io.UnsafeTargetException;
import com.samplerlens.core.write.MetadataStripper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code samplerlens strip FILE…}: copies without generation metadata, for sharing. */
@Command(name = "strip", mixinStandardHelpOptions = true,
        description = {"Write a copy of each image without generation metadata (pixels untouched): PNG text chunks,",
                "JPEG comments and the EXIF UserComment/ImageDescription/XP tags and prompt:/workflow: Make/Model,",
                "WebP EXIF likewise. Orientation, camera EXIF, XMP and ICC stay. Default output: NAME_clean.EXT beside it.",
                "Exit codes: 0 all stripped, 1 some file failed, 2 bad usage."})
public final class StripCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "PNG, JPEG or WebP images.")
    List<Path> files;

    @Option(names = "--out", paramLabel = "PATH", description = "Output file (one FILE) or existing folder (several).")
    Path out;

    @Option(names = "--in-place", description = "Strip the files themselves (atomically).")
    boolean inPlace;

    @Option(names = "--force", description = "Replace output files that exist, read-only ones too.")
    boolean force;

    @Override
    public Integer call() {
        if (inPlace && out != null) throw new ParameterException(spec.commandLine(), "--in-place and --out cannot be used together");
        if (out != null && files.size() > 1 && !Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "--out must be an existing folder when stripping several files");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean failed = false;
        for (Path f : files) {
            Path target = inPlace ? f : out == null ? MetadataStripper.defaultTarget(f)
                    : Files.isDirectory(out) ? out.resolve(MetadataStripper.defaultTarget(f).getFileName()) : out;
            if (!inPlace && CliGuards.same(target, f)) {
                err.println(target + ": is the file being stripped; use --in-place to strip it itself");
                failed = true;
                continue;
            }
            try {
                AtomicFileWriter.Replace replace = force ? AtomicFileWriter.Replace.EVEN_READ_ONLY
                        : inPlace ? AtomicFileWriter.Replace.WRITABLE : AtomicFileWriter.Replace.NEVER;
                // in place, a link is followed (the file it points to is stripped, the link kept)
                List<String> notices = MetadataStripper.stripFile(f, target, replace, inPlace);
                notices.forEach(n -> err.println("samplerlens: note: " + n));
                stdout.println("stripped " + f + " → " + target);
            } catch (FileAlreadyExistsException e) {
                err.println(target + ": already exists (use --force to replace it)");
                failed = true;
            } catch (UnreadableFileException | UnsafeTargetException e) {
                err.println(CliGuards.oneLine(e.getMessage()));
                failed = true;
            } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
                err.println(CliGuards.failure(f, e));
                failed = true;
            }
        }
        stdout.flush();
        return failed ? SamplerLensCommand.FILE_FAILED : SamplerLensCommand.OK;
    }
}
