package com.samplerlens.core.write;

import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.fallback.FallbackSettings;
import com.samplerlens.core.inspect.BundleSource;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Re-embeds a folder of edited images from their originals: for each pair the original's
 * metadata (as read, or traced and edited — the {@link BundleSource} decides) goes into a copy of
 * the edited image in the output folder, under the edited image's name. One bad file never stops
 * the batch; an output that exists is skipped unless replacing is asked for. Progress goes to a
 * listener after every file, and a cancel check runs before each.
 */
public final class BatchReembed {

    public enum Outcome { WRITTEN, SKIPPED, FAILED }

    /** What happened to one pair; {@code message} says why for SKIPPED and FAILED (one line, naming the file). */
    public record Step(int index, int total, NamePairing.Pair pair, Path output, Outcome outcome, String message) {}

    @FunctionalInterface
    public interface Listener {
        void done(Step step);
    }

    /** @param cancelled pairs not attempted because the batch was cancelled */
    public record Summary(int written, int skipped, int failed, int cancelled, Duration elapsed, List<Step> problems) {
        public boolean anyFailed() { return failed > 0; }
    }

    private final BundleSource source;
    private final FallbackSettings settings;
    private final boolean replace;

    public BatchReembed(BundleSource source, FallbackSettings settings, boolean replace) {
        this.source = source;
        this.settings = settings;
        this.replace = replace;
    }

    public Summary run(List<NamePairing.Pair> pairs, Path outDir, Listener listener, BooleanSupplier cancel) {
        long start = System.nanoTime();
        int written = 0;
        int skipped = 0;
        int failed = 0;
        List<Step> problems = new ArrayList<>();
        int i = 0;
        for (; i < pairs.size() && !cancel.getAsBoolean(); i++) {
            NamePairing.Pair pair = pairs.get(i);
            Path output = outDir.resolve(pair.edited().getFileName().toString());
            Step step = one(i + 1, pairs.size(), pair, output);
            switch (step.outcome()) {
                case WRITTEN -> written++;
                case SKIPPED -> skipped++;
                case FAILED -> failed++;
            }
            if (step.outcome() != Outcome.WRITTEN) problems.add(step);
            listener.done(step);
        }
        return new Summary(written, skipped, failed, pairs.size() - i, Duration.ofNanos(System.nanoTime() - start), problems);
    }

    private Step one(int index, int total, NamePairing.Pair pair, Path output) {
        try {
            MetadataBundle bundle = source.bundle(pair.original());
            MetadataWriter.write(bundle, new MetadataWriter.Request(pair.edited(), output, null, settings, false, replace));
            return new Step(index, total, pair, output, Outcome.WRITTEN, null);
        } catch (FileAlreadyExistsException e) {
            return new Step(index, total, pair, output, Outcome.SKIPPED, output + ": already exists");
        } catch (UnreadableFileException e) {
            return new Step(index, total, pair, output, Outcome.FAILED, e.getMessage());
        } catch (com.samplerlens.core.io.UnsafeTargetException e) {
            return new Step(index, total, pair, output, Outcome.FAILED, e.getMessage());
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // one bad file must not end the batch; the message names it, the run goes on
            return new Step(index, total, pair, output, Outcome.FAILED, pair.edited().getFileName() + ": " + com.samplerlens.core.io.Failures.describe(e));
        }
    }
}
