package com.samplerlens.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.capture.CaptureRules;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.InputValue;
import com.samplerlens.core.graph.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracerTest {

    private static final Tracer TRACER = new Tracer(CaptureRules.bundled().classifier(SamplerTable.bundled()), ValueRules.bundled());

    private static TraceResult multi(Graph g, int x) {
        return TRACER.trace(g, TraceOptions.defaults().withMaxSamplers(x));
    }

    private static SamplerAttribution sampler(TraceResult r, String id) {
        return r.samplers().stream().filter(s -> s.nodeId().equals(id)).findFirst().orElseThrow();
    }

    /** Seed example 1: n1→n2→s1→s2 (→ save). */
    @Test
    void chainBeforeFirstSamplerBelongsToItOnly() {
        Graph g = TestGraphs.api("""
            {"1": {"class_type": "Thing", "inputs": {}},
             "2": {"class_type": "Thing", "inputs": {"x": ["1", 0]}},
             "3": {"class_type": "KSampler", "inputs": {"latent_image": ["2", 0]}},
             "4": {"class_type": "KSampler", "inputs": {"latent_image": ["3", 0]}},
             "5": {"class_type": "SaveImage", "inputs": {"images": ["4", 0]}}}""");
        TraceResult r = multi(g, 4);
        assertEquals(TraceMode.MULTI, r.mode());
        assertEquals(List.of("1", "2"), sampler(r, "3").attributed());
        assertEquals(List.of(), sampler(r, "4").attributed());
        assertEquals(1, sampler(r, "3").number());
        assertEquals(2, sampler(r, "4").number());
        assertEquals(List.of(), r.shared());
    }

    /**
     * The attributed lists are the tracer's own arrays, not copies: no caller may change them,
     * whether the ids were sorted (a small set) or read off in id order (a large share of the graph).
     */
    @Test
    void attributedListsCannotBeChanged() {
        StringBuilder json = new StringBuilder("{\"1\": {\"class_type\": \"Thing\", \"inputs\": {}}");
        for (int i = 2; i <= 40; i++)
            json.append(", \"").append(i).append("\": {\"class_type\": \"Thing\", \"inputs\": {\"x\": [\"").append(i - 1).append("\", 0]}}");
        json.append("""
            , "41": {"class_type": "KSampler", "inputs": {"latent_image": ["40", 0]}},
             "42": {"class_type": "Thing", "inputs": {}},
             "43": {"class_type": "KSampler", "inputs": {"latent_image": ["41", 0], "positive": ["42", 0]}},
             "44": {"class_type": "SaveImage", "inputs": {"images": ["43", 0]}}}""");
        TraceResult r = multi(TestGraphs.api(json.toString()), 2);
        List<String> large = sampler(r, "41").attributed();
        List<String> small = sampler(r, "43").attributed();
        assertEquals(40, large.size());
        assertEquals("1", large.getFirst());
        assertEquals("40", large.getLast());
        assertEquals(List.of("42"), small);
        for (List<String> ids : List.of(large, small)) {
            assertThrows(UnsupportedOperationException.class, () -> ids.set(0, "x"));
            assertThrows(UnsupportedOperationException.class, () -> ids.add("x"));
            assertThrows(UnsupportedOperationException.class, () -> ids.remove(0));
            assertThrows(UnsupportedOperationException.class, ids::clear);
        }
    }

    /** Seed example 2: n1→s1→n2→s2→n3→s3. */
    @Test
    void eachNodeBelongsToTheNextSamplerOnly() {
        Graph g = TestGraphs.api("""
            {"1": {"class_type": "Thing", "inputs": {}},
             "2": {"class_type": "KSampler", "inputs": {"latent_image": ["1", 0]}},
             "3": {"class_type": "Thing", "inputs": {"x": ["2", 0]}},
             "4": {"class_type": "KSampler", "inputs": {"latent_image": ["3", 0]}},
             "5": {"class_type": "Thing", "inputs": {"x": ["4", 0]}},
             "6": {"class_type": "KSampler", "inputs": {"latent_image": ["5", 0]}},
             "7": {"class_type": "VAEDecode", "inputs": {"samples": ["6", 0]}},
             "8": {"class_type": "SaveImage", "inputs": {"images": ["7", 0]}}}""");
        TraceResult r = multi(g, 3);
        assertEquals(List.of("1"), sampler(r, "2").attributed());
        assertEquals(List.of("3"), sampler(r, "4").attributed());
        assertEquals(List.of("5"), sampler(r, "6").attributed());
        assertEquals(List.of(1, 2, 3), List.of(sampler(r, "2").number(), sampler(r, "4").number(), sampler(r, "6").number()));
        assertEquals(List.of("7"), r.shared());
    }

    /** Seed example 3: n1→s1→n2→s2 and n1→s2. */
    @Test
    void nodeFeedingTwoSamplersDirectlyBelongsToBoth() {
        Graph g = TestGraphs.api("""
            {"1": {"class_type": "Thing", "inputs": {}},
             "2": {"class_type": "KSampler", "inputs": {"model": ["1", 0]}},
             "3": {"class_type": "Thing", "inputs": {"x": ["2", 0]}},
             "4": {"class_type": "KSampler", "inputs": {"model": ["1", 0], "latent_image": ["3", 0]}},
             "5": {"class_type": "SaveImage", "inputs": {"images": ["4", 0]}}}""");
        TraceResult r = multi(g, 2);
        assertEquals(List.of("1"), sampler(r, "2").attributed());
        assertEquals(List.of("1", "3"), sampler(r, "4").attributed());
        assertEquals(List.of(2), r.tracedSamplersOf("3"));
        assertEquals(List.of(1, 2), r.tracedSamplersOf("1"));
    }

    @Test
    void equalDistancesGiveTheLowerIdTheLowerNumber() {
        Graph g = TestGraphs.api("""
            {"20": {"class_type": "KSampler", "inputs": {}},
             "7": {"class_type": "KSampler", "inputs": {}},
             "9": {"class_type": "ImageBlend", "inputs": {"image1": ["20", 0], "image2": ["7", 0]}},
             "10": {"class_type": "SaveImage", "inputs": {"images": ["9", 0]}}}""");
        TraceResult r = multi(g, 2);
        assertEquals(1, sampler(r, "7").number());
        assertEquals(2, sampler(r, "20").number());
        assertEquals(List.of("7", "20"), r.samplers().stream().map(SamplerAttribution::nodeId).toList());
    }

    /** s1→s2→s3→s4→save with x = 2: only the two nearest are traced, numbered 1 (farther) and 2. */
    @Test
    void maxSamplersKeepsTheNearest() {
        Graph g = TestGraphs.api("""
            {"1": {"class_type": "KSampler", "inputs": {}},
             "2": {"class_type": "KSampler", "inputs": {"latent_image": ["1", 0]}},
             "3": {"class_type": "KSampler", "inputs": {"latent_image": ["2", 0]}},
             "4": {"class_type": "KSampler", "inputs": {"latent_image": ["3", 0]}},
             "5": {"class_type": "SaveImage", "inputs": {"images": ["4", 0]}}}""");
        TraceResult r = multi(g, 2);
        assertEquals(0, sampler(r, "1").number());
        assertEquals(0, sampler(r, "2").number());
        assertEquals(1, sampler(r, "3").number());
        assertEquals(2, sampler(r, "4").number());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("4 samplers found")));
        // single mode: the anchor's Farthest default picks node 1
        TraceResult single = TRACER.trace(g, TraceOptions.defaults());
        assertEquals(TraceMode.SINGLE, single.mode());
        assertEquals(List.of("1"), single.traced().stream().map(SamplerAttribution::nodeId).toList());
        TraceResult nearest = TRACER.trace(g, TraceOptions.defaults().withSelection(SamplerSelection.NEAREST));
        assertEquals("4", nearest.traced().getFirst().nodeId());
    }

    @Test
    void forceAndDisableOverrides() {
        Graph one = TestGraphs.api("""
            {"1": {"class_type": "KSampler", "inputs": {}},
             "2": {"class_type": "SaveImage", "inputs": {"images": ["1", 0]}}}""");
        TraceResult auto = multi(one, 4);
        assertEquals(TraceMode.SINGLE, auto.mode());
        assertTrue(auto.warnings().stream().anyMatch(w -> w.contains("only one sampler")));
        TraceResult forced = TRACER.trace(one, TraceOptions.defaults().withOverride(MultiSamplerOverride.FORCE_MULTI));
        assertEquals(TraceMode.MULTI, forced.mode());
        assertEquals(1, forced.traced().getFirst().number());

        Graph two = TestGraphs.api("""
            {"1": {"class_type": "KSampler", "inputs": {}},
             "2": {"class_type": "KSampler", "inputs": {"latent_image": ["1", 0]}},
             "3": {"class_type": "SaveImage", "inputs": {"images": ["2", 0]}}}""");
        assertEquals(TraceMode.SINGLE, TRACER.trace(two, TraceOptions.defaults().withMaxSamplers(2).withOverride(MultiSamplerOverride.SINGLE)).mode());
        assertEquals(MultiSamplerOverride.SINGLE, MultiSamplerOverride.fromEnvironment(Map.of("METADATA_WAN_MOE_FORCE", "1", "METADATA_WAN_MOE_DISABLE", "1")));
        // FORCE traces every sampler found, even beyond max samplers
        assertEquals(2, TRACER.trace(two, TraceOptions.defaults().withOverride(MultiSamplerOverride.FORCE_MULTI)).traced().size());
    }

    @Test
    void noSamplerIsAWarningNotAFailure() {
        Graph g = TestGraphs.api("""
            {"1": {"class_type": "LoadImage", "inputs": {"image": "a.png"}},
             "2": {"class_type": "SaveImage", "inputs": {"images": ["1", 0]}}}""");
        TraceResult r = multi(g, 3);
        assertEquals(List.of(), r.samplers());
        assertEquals(List.of("1"), r.shared());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("no sampler found")));
    }

    @Test
    void notSamplersAndHeuristic() {
        SamplerClassifier c = CaptureRules.bundled().classifier(SamplerTable.bundled());
        for (String no : List.of("KSamplerSelect", "BasicScheduler", "RandomNoise", "ModelSamplingSD3", "ModelSamplingFlux",
                "MelBandRoFormerSampler", "WanVideoSamplerSettings", "SaveImage")) {
            assertTrue(!c.isSampler(no), no);
        }
        for (String yes : List.of("KSampler", "WanVideoSampler", "WanVideoSamplerv2", "WanVideoSamplerFromSettings",
                "WanVideoDiffusionForcingSampler", "KSampler (Efficient)", "KSampler //Inspire", "easy fullkSampler",
                "SeargeSDXLSampler", "ClownsharKSampler_Beta", "KSampler (WAS)")) {
            assertTrue(c.isExplicit(yes), yes);
        }
        // the heuristic: rules with a sampler name, or with both steps and cfg
        CaptureRules user = CaptureRules.bundled().merge(TestJson.parse("""
            {"MySampler": {"STEPS": {"field_name": "steps"}, "CFG": {"field_name": "cfg"}},
             "MyStepper": {"STEPS": {"field_name": "steps"}}}"""));
        SamplerClassifier u = user.classifier(SamplerTable.bundled());
        assertTrue(u.isHeuristic("MySampler"));
        assertTrue(!u.isSampler("MyStepper"));
    }

    @Test
    void explicitSamplerBeatsHeuristicOneEvenWhenNearer() {
        CaptureRules user = CaptureRules.bundled().merge(TestJson.parse("""
            {"MySampler": {"SAMPLER_NAME": {"field_name": "sampler_name"}}}"""));
        Tracer t = new Tracer(user.classifier(SamplerTable.bundled()), ValueRules.bundled());
        Graph g = TestGraphs.api("""
            {"1": {"class_type": "KSampler", "inputs": {}},
             "2": {"class_type": "MySampler", "inputs": {"latent": ["1", 0]}},
             "3": {"class_type": "MySampler", "inputs": {"latent": ["2", 0]}},
             "4": {"class_type": "SaveImage", "inputs": {"images": ["3", 0]}}}""");
        TraceResult nearest = t.trace(g, TraceOptions.defaults().withSelection(SamplerSelection.NEAREST));
        assertEquals("1", nearest.traced().getFirst().nodeId());
        TraceResult byId = t.trace(g, TraceOptions.defaults().withSelection(SamplerSelection.byNodeId("2")));
        assertEquals("2", byId.traced().getFirst().nodeId());
        TraceResult badId = t.trace(g, TraceOptions.defaults().withSelection(SamplerSelection.byNodeId("4")));
        assertTrue(badId.traced().isEmpty());
        assertTrue(badId.warnings().contains("Sampler node not found; falling back to partial metadata"));
    }

    @Test
    void defaultSaveNodePrefersTheMetadataSaverThenTheHigherIdOfATie() {
        Graph g = TestGraphs.api("""
            {"30": {"class_type": "SaveImage", "inputs": {}},
             "12": {"class_type": "PreviewImage", "inputs": {}},
             "25": {"class_type": "SaveImage", "inputs": {}},
             "40": {"class_type": "SaveImageWithMetaDataUniversal", "inputs": {}}}""");
        assertEquals("40", TRACER.trace(g, TraceOptions.defaults()).saveNodeId());
        assertEquals(List.of("12", "25", "30", "40"), TRACER.trace(g, TraceOptions.defaults()).outputNodeIds());
        Graph h = TestGraphs.api("""
            {"30": {"class_type": "SaveImage", "inputs": {}},
             "12": {"class_type": "PreviewImage", "inputs": {}},
             "25": {"class_type": "SaveImage", "inputs": {}}}""");
        // no sampler upstream of any: a tie of three, the higher id (the later output) wins
        assertEquals("30", TRACER.trace(h, TraceOptions.defaults()).saveNodeId());
        assertEquals("30", TRACER.trace(h, TraceOptions.defaults().withSaveNode("30")).saveNodeId());
    }

    @Test
    void cyclesAndMissingNodesAreHarmless() {
        Graph g = TestGraphs.api("""
            {"1": {"class_type": "Thing", "inputs": {"a": ["2", 0], "gone": ["99", 0]}},
             "2": {"class_type": "Thing", "inputs": {"b": ["1", 0]}},
             "3": {"class_type": "KSampler", "inputs": {"model": ["1", 0]}},
             "4": {"class_type": "SaveImage", "inputs": {"images": ["3", 0]}}}""");
        TraceResult r = multi(g, 2);
        assertEquals(Map.of("4", 0, "3", 1, "1", 2, "2", 3), r.distances());
        assertEquals(List.of("1", "2"), sampler(r, "3").attributed());
    }

    @Test
    void sixtyThousandNodeChainDoesNotOverflow() {
        int n = 60_000;
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, InputValue> in = new LinkedHashMap<>();
            if (i > 0) in.put("x", new InputValue.Link(String.valueOf(i - 1), 0));
            String cls = i == n / 2 || i == n - 2 ? "KSampler" : i == n - 1 ? "SaveImage" : "Thing";
            nodes.add(new Node(String.valueOf(i), cls, null, in, 0, null));
        }
        TraceResult r = multi(new Graph(nodes), 2);
        assertEquals(n, r.distances().size());
        assertEquals(n - 1, r.distances().get("0"));
        assertEquals(n / 2, sampler(r, String.valueOf(n / 2)).attributed().size());
        assertEquals(n - 2 - n / 2 - 1, sampler(r, String.valueOf(n - 2)).attributed().size());
        assertEquals(List.of(), r.shared());
    }

    /**
     * Issue 12 item 7: x = 2, one sampler at distance 2 and two at distance 3, room for one of
     * them. Spec §2 numbers ties lower id first from the farthest, so the higher id is the nearer
     * and is traced; ids 9 and 10 also check that ids compare as numbers, not strings.
     */
    @Test
    void tieAtTheCutTracesTheHigherId() {
        Graph g = TestGraphs.api("""
            {"9":  {"class_type": "KSampler", "inputs": {}},
             "10": {"class_type": "KSampler", "inputs": {}},
             "5":  {"class_type": "KSampler", "inputs": {"a": ["9", 0], "b": ["10", 0]}},
             "3":  {"class_type": "VAEDecode", "inputs": {"samples": ["5", 0]}},
             "1":  {"class_type": "SaveImage", "inputs": {"images": ["3", 0]}}}""");
        TraceResult r = multi(g, 2);
        assertEquals(TraceMode.MULTI, r.mode());
        assertEquals(2, sampler(r, "5").number());
        assertEquals(1, sampler(r, "10").number());
        assertEquals(0, sampler(r, "9").number());
        // with room for all three, the tie is numbered lower id first (farthest = Sampler_1)
        TraceResult all = multi(g, 3);
        assertEquals(1, sampler(all, "9").number());
        assertEquals(2, sampler(all, "10").number());
        assertEquals(3, sampler(all, "5").number());
    }

    /** Many samplers, few traced: every sampler is still attributed exactly (scratch walk reset per start). */
    @Test
    void chainedSamplersAttributeOnlyTheirOwnPrompt() {
        int k = 2_000;
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node("0", "CheckpointLoaderSimple", null, Map.of(), 0, null));
        String prev = null;
        for (int i = 1; i <= k; i++) {
            Map<String, InputValue> in = new LinkedHashMap<>();
            in.put("model", new InputValue.Link("0", 0));
            nodes.add(new Node("p" + i, "CLIPTextEncode", null, Map.of("clip", new InputValue.Link("0", 1)), 0, null));
            in.put("positive", new InputValue.Link("p" + i, 0));
            if (prev != null) in.put("latent_image", new InputValue.Link(prev, 0));
            nodes.add(new Node("s" + i, "KSampler", null, in, 0, null));
            prev = "s" + i;
        }
        nodes.add(new Node("save", "SaveImage", null, Map.of("images", new InputValue.Link(prev, 0)), 0, null));
        TraceResult r = multi(new Graph(nodes), 2);
        assertEquals(k, r.samplers().size());
        for (int i = 1; i <= k; i++) assertEquals(List.of("0", "p" + i), sampler(r, "s" + i).attributed(), "s" + i);
        assertEquals(2, sampler(r, "s" + k).number());
        assertEquals(1, sampler(r, "s" + (k - 1)).number());
    }
}
