package com.samplerlens.core.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.png.PngChunkRewriter;
import com.samplerlens.core.fallback.FallbackSettings;
import com.samplerlens.core.write.BundleSource;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class BatchReembedTest {

    @TempDir Path dir;

    /** n originals with their own parameters text and n stripped "edited" copies. */
    public static List<NamePairing.Pair> make(Path dir, int n) throws Exception {
        byte[] base = Files.readAllBytes(Fixtures.bundled("images/sdp_comfyui_img2img_cropped.png"));
        Path o = Files.createDirectories(dir.resolve("originals"));
        Path e = Files.createDirectories(dir.resolve("edited"));
        List<NamePairing.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // A1111-style originals: their parameters alone (no graph), so the text written is theirs verbatim
            LinkedHashMap<String, String> texts = new LinkedHashMap<>(Map.of(MetadataKeys.PARAMETERS, parameters(i)));
            texts.put(MetadataKeys.PROMPT, null);
            texts.put(MetadataKeys.WORKFLOW, null);
            Path original = Files.write(o.resolve("img_" + i + ".png"), PngChunkRewriter.rewrite(base, texts));
            Path edited = Files.write(e.resolve("img_" + i + ".png"), MetadataStripper.strip(original, Files.readAllBytes(original)));
            pairs.add(new NamePairing.Pair(original, edited));
        }
        return pairs;
    }

    public static String parameters(int i) {
        return "photo number " + i + "\nNegative prompt: \nSteps: " + (i + 1) + ", Seed: " + (1000 + i);
    }

    @Test
    void everyPairGetsItsOwnOriginalsMetadataAndABadOneDoesNotStopTheRest() throws Exception {
        List<NamePairing.Pair> pairs = new ArrayList<>(make(dir, 4));
        Files.writeString(pairs.get(1).edited(), "broken");
        Path out = Files.createDirectories(dir.resolve("out"));
        List<BatchReembed.Step> steps = new ArrayList<>();
        BatchReembed.Summary s = new BatchReembed(BundleSource.asRead(), FallbackSettings.fromEnvironment(null), false)
                .run(pairs, out, steps::add, () -> false);
        assertEquals(3, s.written());
        assertEquals(1, s.failed());
        assertEquals(List.of(1, 2, 3, 4), steps.stream().map(BatchReembed.Step::index).toList());
        assertTrue(s.problems().getFirst().message().contains("img_1.png"), s.problems().getFirst().message());
        for (int i : List.of(0, 2, 3)) {
            assertEquals(parameters(i), MetadataReaders.read(out.resolve("img_" + i + ".png")).text(MetadataKeys.PARAMETERS).orElseThrow());
        }
        BatchReembed.Summary again = new BatchReembed(BundleSource.asRead(), FallbackSettings.fromEnvironment(null), false)
                .run(pairs, out, x -> {}, () -> false);
        assertEquals(3, again.skipped(), "existing outputs are not replaced");
    }

    @Test
    void cancellingStopsBeforeTheNextFile() throws Exception {
        List<NamePairing.Pair> pairs = make(dir, 5);
        AtomicInteger done = new AtomicInteger();
        BatchReembed.Summary s = new BatchReembed(BundleSource.asRead(), FallbackSettings.fromEnvironment(null), false)
                .run(pairs, Files.createDirectories(dir.resolve("out")), x -> done.incrementAndGet(), () -> done.get() >= 2);
        assertEquals(2, s.written());
        assertEquals(3, s.cancelled());
    }
}
