package com.samplerlens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.samplerlens.core.container.json.JsonShape;
import com.samplerlens.core.graph.ApiPromptLoader;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.json.LenientJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Any text fed to the JSON graph loader either loads or fails with a JSON/argument error; it never
 * throws anything else, and the streamed loader ({@link JsonShape}, {@code ApiPromptLoader.load(String, …)})
 * gives the same graph and warnings as the tree. Regression mode replays ApiPromptFuzzTestInputs/; JAZZER_FUZZ=1 fuzzes.
 */
class ApiPromptFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void loadsOrRejects(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            var root = LenientJson.parse(text);
            JsonShape shape = JsonShape.of(text);
            if (shape.apiPrompt() != (root != null && ApiPromptLoader.isApiPrompt(root))) throw new AssertionError("streamed shape differs: " + shape);
            if (!shape.apiPrompt()) return;
            List<String> treeWarnings = new ArrayList<>();
            Graph g = ApiPromptLoader.load(root, treeWarnings);
            for (String id : g.nodes().keySet()) {
                g.incoming(id).forEach(e -> { if (!g.contains(e.from())) throw new AssertionError("edge from missing node " + e.from()); });
            }
            // the streamed loader the CLI uses gives the same graph and warnings
            List<String> streamedWarnings = new ArrayList<>();
            Graph streamed = ApiPromptLoader.load(text, streamedWarnings);
            if (!List.copyOf(g.nodes().values()).equals(List.copyOf(streamed.nodes().values())) || !g.edges().equals(streamed.edges())
                    || !treeWarnings.equals(streamedWarnings)) {
                throw new AssertionError("streamed load differs from the tree's");
            }
        } catch (JsonProcessingException | IllegalArgumentException expected) {
            // rejected with a message: fine
        }
    }
}
