package com.samplerlens.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.InputValue;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.trace.SamplerAttribution;
import com.samplerlens.core.trace.TraceMode;
import com.samplerlens.core.trace.TraceResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seed's third example, n1→s1→n2→s2 and n1→s2, then s2→save; plus a node "x" that is not
 * upstream and a shared VAE decode "d" between s2 and the save node. Traces are written by hand.
 */
class AttributionLooksTest {

    private static final Graph GRAPH = new Graph(List.of(
            node("n1", Map.of()),
            node("s1", Map.of("model", link("n1"))),
            node("n2", Map.of("latent", link("s1"))),
            node("s2", Map.of("model", link("n1"), "latent", link("n2"))),
            node("d", Map.of("samples", link("s2"))),
            node("save", Map.of("images", link("d"))),
            node("x", Map.of())));

    private static final Map<String, Integer> DISTANCES = Map.of("save", 0, "d", 1, "s2", 2, "n2", 3, "n1", 3, "s1", 4);

    @Test
    void bothSamplersTracedColourTheirOwnNodesAndShareN1() {
        TraceResult trace = new TraceResult("save", List.of("save"), TraceMode.MULTI, DISTANCES,
                List.of(new SamplerAttribution("s2", "KSampler", 2, 2, List.of("n1", "n2")),
                        new SamplerAttribution("s1", "KSampler", 4, 1, List.of("n1"))),
                List.of("d"), List.of());
        Map<String, NodeLook> looks = AttributionLooks.looks(GRAPH, trace);

        // farthest first: s1 gets colour 0 and is S1, s2 colour 1 and S2
        assertEquals(List.of("s1", "s2"), ids(looks.get("n1")));
        assertEquals(List.of("S1", "S2"), looks.get("n1").memberships().stream().map(NodeLook.SamplerMark::badge).toList());
        assertEquals(List.of("s2"), ids(looks.get("n2")));
        assertEquals(1, looks.get("n2").memberships().getFirst().colourIndex());
        assertEquals("s1", looks.get("s1").sampler().nodeId());
        assertNull(looks.get("n1").sampler());
        assertTrue(looks.get("d").shared());
        assertTrue(looks.get("save").save());
        assertFalse(looks.get("x").upstream());
        assertTrue(looks.get("n2").upstream());
    }

    @Test
    void lowerMaxSamplersKeepsColoursButMarksTheFarSamplerUntraced() {
        // max samplers 1, selection Nearest: s2 is Sampler 1, s1 is found but not traced
        TraceResult trace = new TraceResult("save", List.of("save"), TraceMode.SINGLE, DISTANCES,
                List.of(new SamplerAttribution("s2", "KSampler", 2, 1, List.of("n1", "n2")),
                        new SamplerAttribution("s1", "KSampler", 4, 0, List.of("n1"))),
                List.of("d"), List.of());
        Map<String, NodeLook> looks = AttributionLooks.looks(GRAPH, trace);

        NodeLook.SamplerMark s1 = looks.get("s1").sampler();
        NodeLook.SamplerMark s2 = looks.get("s2").sampler();
        assertFalse(s1.traced());
        assertEquals("S–", s1.badge());
        assertEquals(0, s1.colourIndex());
        assertTrue(s2.traced());
        assertEquals("S1", s2.badge());
        assertEquals(1, s2.colourIndex());
    }

    @Test
    void withoutASaveNodeNothingIsFaded() {
        TraceResult none = new TraceResult(null, List.of(), TraceMode.SINGLE, Map.of(), List.of(), List.of(), List.of("no output node"));
        Map<String, NodeLook> looks = AttributionLooks.looks(GRAPH, none);
        assertTrue(looks.values().stream().allMatch(NodeLook::upstream));
        assertTrue(looks.values().stream().allMatch(l -> l.memberships().isEmpty()));
    }

    private static List<String> ids(NodeLook look) {
        return look.memberships().stream().map(NodeLook.SamplerMark::nodeId).toList();
    }

    static Node node(String id, Map<String, InputValue> inputs) {
        return new Node(id, id.startsWith("s") && !id.equals("save") ? "KSampler" : "Thing", null, new LinkedHashMap<>(inputs), 0, null);
    }

    static InputValue link(String id) {
        return new InputValue.Link(id, 0);
    }
}
