package com.samplerlens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.samplerlens.core.graph.ApiPromptLoader;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.json.LenientJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * Any text fed to the JSON graph loader either loads or fails with a JSON/argument error; it never
 * throws anything else. Regression mode replays ApiPromptFuzzTestInputs/; JAZZER_FUZZ=1 fuzzes.
 */
class ApiPromptFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void loadsOrRejects(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            var root = LenientJson.parse(text);
            if (root == null || !ApiPromptLoader.isApiPrompt(root)) return;
            Graph g = ApiPromptLoader.load(root, new ArrayList<>());
            for (String id : g.nodes().keySet()) {
                g.incoming(id).forEach(e -> { if (!g.contains(e.from())) throw new AssertionError("edge from missing node " + e.from()); });
            }
        } catch (JsonProcessingException | IllegalArgumentException expected) {
            // rejected with a message: fine
        }
    }
}
