package com.samplerlens.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.inspect.SourceLoader;
import com.samplerlens.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphLayouterTest {

    private final SourceLoader loader = new SourceLoader(NodeDefinitions.bundled());

    @Test
    void usesTheWorkflowsOwnPositions() throws Exception {
        Graph g = loader.load(Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json")).graph();
        GraphGeometry geo = GraphLayouter.layout(g);
        assertTrue(geo.fromWorkflow());
        // node 58 in the file: "pos": [1262.509765625, -26.73247528076172], "size": [304.748046875, 334]
        GraphGeometry.Box b = geo.boxes().get("58");
        assertEquals(1262.509765625, b.x());
        assertEquals(-26.73247528076172 - 30, b.y(), 1e-9, "the title bar above the body");
        assertEquals(304.748046875, b.width());
        assertTrue(b.height() < 334, "tall preview areas are not drawn");
        // node 47 SaveWEBM: "pos": [2530, -20], "size": [763.67041015625, 885.67041015625]
        assertEquals(2530, geo.boxes().get("47").x());
        assertTrue(geo.boxes().get("47").width() < 763, "wide preview nodes are narrowed");
    }

    @Test
    void layersAnApiPromptLeftToRightWithoutOverlaps() throws Exception {
        Graph g = loader.load(Fixtures.bundled("workflows/api/ce_wan22_text_to_video_wan22_14B.prompt.json")).graph();
        GraphGeometry geo = GraphLayouter.layout(g);
        assertFalse(geo.fromWorkflow());
        assertEquals(g.size(), geo.boxes().size());
        for (Graph.Edge e : g.edges()) {
            GraphGeometry.Box from = geo.boxes().get(e.from());
            GraphGeometry.Box to = geo.boxes().get(e.to());
            assertTrue(from.x() + from.width() <= to.x(), e + " should run left to right");
        }
        List<GraphGeometry.Box> boxes = new ArrayList<>(geo.boxes().values());
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                GraphGeometry.Box a = boxes.get(i);
                GraphGeometry.Box b = boxes.get(j);
                boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
                        || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
                assertTrue(apart, "boxes " + i + " and " + j + " overlap");
            }
        }
        assertEquals(g.edges().size(), geo.links().size());
    }
}
