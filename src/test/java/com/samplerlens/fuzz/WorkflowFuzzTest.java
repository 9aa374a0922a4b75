package com.samplerlens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.graph.UiWorkflowConverter;
import com.samplerlens.core.json.LenientJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Any text given to the UI-workflow converter either converts (with warnings) or is rejected as
 * JSON; nothing else escapes, no input hangs (subgraphs that contain themselves, reroute loops,
 * link cycles), and every edge of the result joins two nodes of the graph. Seeds:
 * WorkflowFuzzTestInputs/uiWorkflow (made by scripts/make-fuzz-seeds.py).
 */
class WorkflowFuzzTest {

    private static final NodeDefinitions DEFS = NodeDefinitions.bundled();

    @FuzzTest(maxDuration = "10m")
    @Timeout(10)
    void uiWorkflow(byte[] data) {
        try {
            var root = LenientJson.parse(new String(data, StandardCharsets.UTF_8));
            if (!UiWorkflowConverter.isUiWorkflow(root)) return;
            Graph g = UiWorkflowConverter.convert(root, DEFS).graph();
            for (Graph.Edge e : g.edges()) {
                if (!g.contains(e.from()) || !g.contains(e.to())) throw new AssertionError("edge to or from a missing node: " + e);
            }
        } catch (JsonProcessingException rejected) {
            // not JSON: the reader reports it as one line
        }
    }
}
