package com.samplerlens.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.InputValue;
import com.samplerlens.core.graph.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's chain n1→s1→n2→s2→n3→s3→save: each node's path reaches its own sampler only. */
class AttributionPathTest {

    private static final Graph CHAIN = new Graph(List.of(
            node("n1", Map.of()), node("s1", Map.of("in", link("n1"))),
            node("n2", Map.of("in", link("s1"))), node("s2", Map.of("in", link("n2"))),
            node("n3", Map.of("in", link("s2"))), node("s3", Map.of("in", link("n3"))),
            node("save", Map.of("in", link("s3")))));

    private static final TraceResult TRACE = new TraceResult("save", List.of("save"), TraceMode.MULTI,
            Map.of("save", 0, "s3", 1, "n3", 2, "s2", 3, "n2", 4, "s1", 5, "n1", 6),
            List.of(new SamplerAttribution("s3", "KSampler", 1, 3, List.of("n3")),
                    new SamplerAttribution("s2", "KSampler", 3, 2, List.of("n2")),
                    new SamplerAttribution("s1", "KSampler", 5, 1, List.of("n1"))),
            List.of(), List.of());

    @Test
    void pathToOwnSampler() {
        assertEquals(List.of("n1", "s1"), AttributionPath.toSampler(CHAIN, TRACE, "n1", "s1"));
        assertEquals(List.of("n3", "s3"), AttributionPath.toSampler(CHAIN, TRACE, "n3", "s3"));
    }

    @Test
    void noPathThroughAnotherSampler() {
        assertEquals(List.of(), AttributionPath.toSampler(CHAIN, TRACE, "n1", "s3"));
    }

    @Test
    void pathToTheSaveNodeFollowsTheDistances() {
        assertEquals(List.of("n2", "s2", "n3", "s3", "save"), AttributionPath.toSaveNode(CHAIN, TRACE, "n2"));
    }

    private static Node node(String id, Map<String, InputValue> inputs) {
        return new Node(id, "X", null, new LinkedHashMap<>(inputs), 0, null);
    }

    private static InputValue link(String id) {
        return new InputValue.Link(id, 0);
    }
}
