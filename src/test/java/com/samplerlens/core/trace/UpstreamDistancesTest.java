package com.samplerlens.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.bench.TracerBenchmark;
import com.samplerlens.core.capture.CaptureRules;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The int walks give what the id-keyed walks gave, in the same order, from every node of real
 * prompts and of a 2,000-node random graph, with one walker reused for all starts (so a walk that
 * did not reset what the previous one reached would show).
 */
class UpstreamDistancesTest {

    private static final SamplerClassifier CLASSIFIER = CaptureRules.bundled().classifier(SamplerTable.bundled());

    private static List<Graph> graphs() {
        List<Graph> graphs = new ArrayList<>();
        for (Path p : Fixtures.bundledIn("workflows/api")) graphs.add(TestGraphs.file(p));
        graphs.add(TestGraphs.api("""
            {"3": {"class_type": "PrimitiveBoolean", "inputs": {"value": true}},
             "4": {"class_type": "FloatConstant", "inputs": {"value": 4.5}},
             "5": {"class_type": "ComfySwitchNode", "inputs": {"switch": ["3", 0], "on_true": ["4", 0], "on_false": ["6", 0]}},
             "6": {"class_type": "PrimitiveFloat", "inputs": {"value": 9}},
             "10": {"class_type": "KSampler", "inputs": {"cfg": ["5", 0], "seed": 1, "latent_image": ["11", 0]}},
             "11": {"class_type": "SaveImage", "inputs": {"images": ["10", 0]}}}"""));
        graphs.add(TracerBenchmark.synthetic(2000, 7));
        return graphs;
    }

    @Test
    void everyStartGivesReachsDistancesInReachsOrder() {
        int walks = 0;
        for (Graph g : graphs()) {
            ValueResolver values = new ValueResolver(g, ValueRules.bundled());
            UpstreamDistances walker = new UpstreamDistances(g);
            Predicate<Graph.Edge> liveNotFromSampler = e -> values.isLive(e) && !CLASSIFIER.isSampler(g.node(e.from()).classType());
            for (String id : g.nodes().keySet()) {
                assertEquals(entries(Reach.distances(g, id)), entries(walker.from(id, e -> true)), "all links from " + id);
                assertEquals(entries(Reach.distances(g, id, liveNotFromSampler, x -> true)),
                        entries(walker.from(id, e -> liveNotFromSampler.test(g.edgeAt(e)))), "live links not from a sampler, from " + id);
                walks += 2;
            }
        }
        assertTrue(walks > 4000, walks + " walks");
    }

    /** Through one input: the model path of a sampler, as the composer walked it by ids before. */
    @Test
    void throughTheModelInputGivesTheIdWalksDistances() {
        int samplers = 0;
        for (Graph g : graphs()) {
            ValueResolver values = new ValueResolver(g, ValueRules.bundled());
            UpstreamDistances walker = new UpstreamDistances(g);
            for (String id : g.nodes().keySet()) {
                if (!CLASSIFIER.isSampler(g.node(id).classType())) continue;
                boolean hasModel = g.incoming(id).stream().anyMatch(e -> e.inputName().equals("model"));
                Map<String, Integer> walked = walker.through(id,
                        e -> (!hasModel || g.edgeAt(e).inputName().equals("model")) && values.isLive(g.edgeAt(e)),
                        e -> values.isLive(g.edgeAt(e)));
                assertEquals(entries(modelPathByIds(g, values, id)), entries(walked), "model path of " + id);
                assertTrue(!walked.containsKey(id), "the start is not in its own model path");
                samplers++;
            }
        }
        assertTrue(samplers > 20, samplers + " samplers");
    }

    @Test
    void aWalksMapCannotBeReadOnceTheNextWalkBegan() {
        Graph g = TestGraphs.file(Fixtures.bundled("workflows/api/ce_sdxl_refiner_prompt_example.prompt.json"));
        UpstreamDistances walker = new UpstreamDistances(g);
        Map<String, Integer> first = walker.from("19", e -> true);
        assertEquals(0, first.get("19"));
        Map<String, Integer> second = walker.from("10", e -> true);
        assertThrows(IllegalStateException.class, () -> first.get("19"));
        assertThrows(IllegalStateException.class, first::size);
        assertEquals(0, second.get("10"));
        assertEquals(Map.of(), walker.from("no such node", e -> true));
        assertThrows(UnsupportedOperationException.class, () -> second.put("x", 1));
    }

    private static List<Map.Entry<String, Integer>> entries(Map<String, Integer> m) {
        List<Map.Entry<String, Integer>> list = new ArrayList<>();
        for (Map.Entry<String, Integer> e : m.entrySet()) list.add(Map.entry(e.getKey(), e.getValue()));
        assertEquals(m.size(), list.size());
        return list;
    }

    /** The walk SamplerFieldResolver made before (ids, hash sets), every link kept by liveness only. */
    private static Map<String, Integer> modelPathByIds(Graph g, ValueResolver values, String samplerId) {
        List<Graph.Edge> in = g.incoming(samplerId);
        List<Graph.Edge> starts = in.stream().filter(e -> e.inputName().equals("model")).toList();
        if (starts.isEmpty()) starts = in;
        Map<String, Integer> dist = new LinkedHashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>(Set.of(samplerId));
        for (Graph.Edge e : starts) {
            if (values.isLive(e) && seen.add(e.from())) {
                dist.put(e.from(), 1);
                queue.add(e.from());
            }
        }
        while (!queue.isEmpty()) {
            String id = queue.poll();
            for (Graph.Edge e : g.incoming(id)) {
                if (values.isLive(e) && seen.add(e.from())) {
                    dist.put(e.from(), dist.get(id) + 1);
                    queue.add(e.from());
                }
            }
        }
        return dist;
    }
}
