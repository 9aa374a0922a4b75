package com.samplerlens.cli;

import com.samplerlens.core.fallback.FallbackSettings;
import com.samplerlens.core.inspect.BundleSource;
import com.samplerlens.core.write.BatchReembed;
import com.samplerlens.core.write.NamePairing;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code write --from-dir ORIGINALS --into-dir EDITED --out-dir OUT}: the batch form of write.
 * Files pair by name ({@link NamePairing}); unpaired ones are listed, each pair is one progress
 * line, a summary ends the run; exit 1 when any file failed.
 */
public final class BatchOptions {

    private static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "webp");

    @Option(names = "--from-dir", paramLabel = "ORIGINALS", description = "Batch: folder of originals (images or workflow JSON) the metadata comes from.")
    Path fromDir;

    @Option(names = "--into-dir", paramLabel = "EDITED", description = "Batch: folder of edited images, paired with the originals by name (docs/editing.md).")
    Path intoDir;

    @Option(names = "--out-dir", paramLabel = "OUT", description = "Batch: folder for the results, named as the edited images (created if missing).")
    Path outDir;

    boolean active() { return fromDir != null || intoDir != null || outDir != null; }

    int run(CommandSpec spec, BundleSource source, FallbackSettings settings, boolean force) {
        if (fromDir == null || intoDir == null || outDir == null) {
            throw new ParameterException(spec.commandLine(), "a batch needs --from-dir, --into-dir and --out-dir");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CliGuards.refuseOverInput(spec, "--out-dir", outDir, "--from-dir", fromDir, "--into-dir", intoDir);
        List<Path> originals = list(spec, fromDir, true);
        List<Path> edited = list(spec, intoDir, false);
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            err.println(outDir + ": cannot create the folder (" + e.getMessage() + ")");
            return SamplerLensCommand.FILE_FAILED;
        }
        NamePairing.Result pairing = NamePairing.pair(originals, edited);
        for (Path e : pairing.unmatchedEdited()) {
            err.println("unmatched: " + e.getFileName() + (pairing.ambiguous().contains(e) ? " (more than one original fits its name)" : " (no original with its name)"));
        }
        for (Path o : pairing.unmatchedOriginals()) err.println("unmatched original: " + o.getFileName());
        BatchReembed.Summary s = new BatchReembed(source, settings, force).run(pairing.pairs(), outDir, step -> {
            String head = "[" + step.index() + "/" + step.total() + "] " + step.pair().edited().getFileName();
            switch (step.outcome()) {
                case WRITTEN -> out.println(head + " → " + step.output());
                case SKIPPED -> out.println(head + ": skipped, " + step.message() + " (use --force to replace it)");
                case FAILED -> out.println(head + ": failed, " + CliGuards.oneLine(step.message()));
            }
            out.flush();
        }, () -> false);
        out.printf(Locale.ROOT, "done: %d written, %d skipped, %d failed; unmatched %d edited, %d originals; %.1f s%n",
                s.written(), s.skipped(), s.failed(), pairing.unmatchedEdited().size(), pairing.unmatchedOriginals().size(),
                s.elapsed().toMillis() / 1000.0);
        out.flush();
        return s.anyFailed() ? SamplerLensCommand.FILE_FAILED : SamplerLensCommand.OK;
    }

    private static List<Path> list(CommandSpec spec, Path folder, boolean withJson) {
        if (!Files.isDirectory(folder)) throw new ParameterException(spec.commandLine(), folder + ": not a folder");
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                int dot = n.lastIndexOf('.');
                String ext = dot > 0 ? n.substring(dot + 1) : "";
                return IMAGES.contains(ext) || (withJson && ext.equals("json"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), folder + ": cannot list the folder (" + e.getMessage() + ")");
        }
    }
}
