package com.samplerlens.cli;

import com.samplerlens.core.inspect.Choices;
import com.samplerlens.core.inspect.Pipeline;
import com.samplerlens.core.io.Failures;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code inspect [--json] FILE…} without picocli. This plain form is what scripts and image
 * browsers run once per file, and picocli building the {@code inspect} model by reflection was a
 * large share of such a run's start-up (docs/benchmarks.md). Any other form (another option,
 * {@code --}, an {@code @file}, help) goes to picocli; for the plain form the output and exit
 * code are the picocli path's, byte for byte (PlainInspectTest). Names no picocli type, so none
 * is loaded.
 */
final class PlainInspect {

    private PlainInspect() {}

    /** The files of a plain {@code inspect [--json] FILE…}, or null when {@code args} is any other form. */
    record Plain(boolean json, List<Path> files) {}

    static Plain parse(String[] args) {
        if (args.length < 2 || !args[0].equals("inspect")) return null;
        boolean json = false;
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--json")) {
                if (json) return null; // picocli's "specified only once" error
                json = true;
            } else if (a.isEmpty() || a.startsWith("-") || a.startsWith("@")) {
                // options, "--" and picocli's @argument files are picocli's to read; an empty
                // argument too, which picocli's own Path conversion has the final word on
                return null;
            } else {
                try {
                    files.add(Path.of(a));
                } catch (InvalidPathException e) {
                    return null; // picocli reports it as a bad parameter
                }
            }
        }
        return files.isEmpty() ? null : new Plain(json, files);
    }

    /**
     * Runs the plain form as {@link SamplerLensCommand#run} would through picocli: the same usage
     * error text and exit code 2 for a bad rules setup, the same one line and exit code 1 for a failure.
     */
    static int run(Plain plain, PrintWriter out, PrintWriter err, Map<String, String> env) {
        try {
            Pipeline pipeline;
            try {
                pipeline = Pipeline.build(env, List.of(), null, null);
            } catch (Pipeline.SetupException e) {
                return usage(e.getMessage(), err);
            }
            try {
                return new InspectRun(plain.json(), false, new ExportOptions(), UsageError::new)
                        .run(plain.files(), pipeline, Choices.NONE, out, err);
            } catch (UsageError e) {
                return usage(e.getMessage(), err);
            }
        } catch (RuntimeException e) {
            err.println(CliGuards.oneLine("samplerlens: " + Failures.describe(e)));
            return SamplerLensCommand.FILE_FAILED;
        } catch (StackOverflowError | OutOfMemoryError e) {
            err.println("samplerlens: " + Failures.describe(e));
            return SamplerLensCommand.FILE_FAILED;
        }
    }

    private static int usage(String message, PrintWriter err) {
        err.println("samplerlens: " + message);
        err.println("Try 'samplerlens inspect --help'.");
        return SamplerLensCommand.USAGE;
    }

    private static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message, null, false, false);
        }
    }
}
