package com.samplerlens.core.container.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.inspect.LoadedSource;
import com.samplerlens.core.inspect.Pipeline;
import com.samplerlens.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workflow file is scanned once on its way to a graph; the shape handed over is the one a fresh pass finds. */
class JsonReadOnceTest {

    @TempDir Path tmp;

    private static long passes() {
        return JsonShape.PASSES.sum();
    }

    private static Path wrapped(Path dir, Path prompt) throws Exception {
        Path f = dir.resolve("wrapped.json");
        Files.writeString(f, "{\"client_id\": \"abc\", \"prompt\": " + Files.readString(prompt) + ", \"extra_data\": {\"prompt\": 1}}");
        return f;
    }

    /**
     * A file of up to JsonShape.TREE_LIMIT chars is parsed into trees, which need no streaming pass;
     * only a wrapped prompt, whose text is cut out by offsets, takes one.
     */
    @Test
    void eachKindOfSmallWorkflowFileTakesAStreamingPassOnlyWhenWrapped() throws Exception {
        Pipeline pipeline = Pipeline.build(Map.of(), List.of(), null, null);
        Map<Path, Integer> files = Map.of(
                Fixtures.bundled("workflows/api/ce_flux_dev_example.prompt.json"), 0,
                Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_5B.json"), 0,
                wrapped(tmp, Fixtures.bundled("workflows/api/ce_lora_multiple.prompt.json")), 1);
        files.forEach((f, scans) -> {
            long before = passes();
            LoadedSource s;
            try {
                s = pipeline.load(f, false);
            } catch (Exception e) {
                throw new AssertionError(f + " loads", e);
            }
            assertNotNull(s.graph(), f + " has its graph");
            assertEquals((long) scans, passes() - before, f + ": streaming passes before the graph is built");
        });
    }

    @Test
    void theHandedOverShapeIsAFreshPasssShape() throws Exception {
        Path inner = Fixtures.bundled("workflows/api/ce_lora_multiple.prompt.json");
        for (Path f : List.of(inner, wrapped(tmp, inner), Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_5B.json"))) {
            EmbeddedMetadata m = JsonFileReader.read(f, Files.readAllBytes(f));
            String text = m.entries().getFirst().text();
            JsonShape handed = JsonShape.of(text);
            JsonShape fresh = JsonShape.of(new String(text.toCharArray())); // an equal text, not the same one: no memo
            assertEquals(fresh, handed, f.toString());
        }
        // the wrapped file's entry is the inner prompt, byte for byte
        EmbeddedMetadata m = JsonFileReader.read(tmp.resolve("wrapped.json"), Files.readAllBytes(tmp.resolve("wrapped.json")));
        assertEquals(Files.readString(inner), m.entries().getFirst().text());
    }

    /** A text of any size is scanned once (a 49 MB prompt was scanned twice), yet the memo never keeps it alive. */
    @Test
    void aBigTextIsScannedOnceAndNotHeld() throws Exception {
        StringBuilder sb = new StringBuilder("{\"1\": {\"class_type\": \"KSampler\", \"inputs\": {\"seed\": 1}}, \"pad\": [0");
        while (sb.length() <= 5 << 20) sb.append(",0");
        sb.append("]}");
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        long before = passes();
        EmbeddedMetadata m = JsonFileReader.read(Path.of("big.json"), bytes);
        JsonShape shape = JsonShape.of(m.entries().getFirst().text());
        assertTrue(shape.apiPrompt());
        assertEquals(1, passes() - before, "the reader's shape is handed to the loader");

        // a text read but never asked about again: once its reader lets it go, the memo does not keep it
        java.lang.ref.WeakReference<String> text = new java.lang.ref.WeakReference<>(
                JsonFileReader.read(Path.of("big.json"), bytes).entries().getFirst().text());
        for (int i = 0; i < 20 && text.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(text.get(), "the 5 MB text is still reachable after the read");
    }
}
