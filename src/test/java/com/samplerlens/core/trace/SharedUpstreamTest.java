package com.samplerlens.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.capture.CaptureRules;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.NodeIds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Nodes upstream of several samplers (one checkpoint, one prompt) belong to each of them, and the
 * tracer's array walks give exactly what the spec's definition gives when computed the slow way:
 * a string breadth-first walk per sampler that records no other sampler (spec §2.3).
 */
class SharedUpstreamTest {

    private static final SamplerClassifier CLASSIFIER = CaptureRules.bundled().classifier(SamplerTable.bundled());
    private static final Tracer TRACER = new Tracer(CLASSIFIER, ValueRules.bundled());

    /** Base and refiner share the checkpoint and both prompts; the refiner's latent comes from the base. */
    @Test
    void checkpointAndPromptSharedByTwoSamplersBelongToBoth() {
        Graph g = TestGraphs.api("""
            {"1": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "a.safetensors"}},
             "2": {"class_type": "CLIPTextEncode", "inputs": {"text": "cat", "clip": ["1", 1]}},
             "3": {"class_type": "CLIPTextEncode", "inputs": {"text": "", "clip": ["1", 1]}},
             "4": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 512, "batch_size": 1}},
             "5": {"class_type": "KSampler", "inputs": {"model": ["1", 0], "positive": ["2", 0], "negative": ["3", 0], "latent_image": ["4", 0], "seed": 1}},
             "6": {"class_type": "LatentUpscale", "inputs": {"samples": ["5", 0]}},
             "7": {"class_type": "KSampler", "inputs": {"model": ["1", 0], "positive": ["2", 0], "negative": ["3", 0], "latent_image": ["6", 0], "seed": 2}},
             "8": {"class_type": "VAEDecode", "inputs": {"samples": ["7", 0], "vae": ["1", 2]}},
             "9": {"class_type": "SaveImage", "inputs": {"images": ["8", 0]}}}""");
        TraceResult r = TRACER.trace(g, TraceOptions.defaults().withMaxSamplers(4));
        assertEquals(TraceMode.MULTI, r.mode());
        assertEquals(List.of("7", "5"), r.samplers().stream().map(SamplerAttribution::nodeId).toList());
        assertEquals(List.of("1", "2", "3", "6"), sampler(r, "7").attributed());
        assertEquals(List.of("1", "2", "3", "4"), sampler(r, "5").attributed());
        assertEquals(2, sampler(r, "7").number());
        assertEquals(1, sampler(r, "5").number());
        assertEquals(List.of("8"), r.shared());
        assertEquals(List.of(1, 2), r.tracedSamplersOf("1"));
        assertEquals(Map.of("9", 0, "8", 1, "7", 2, "1", 2, "2", 3, "3", 3, "6", 3, "5", 4, "4", 5), r.distances());
    }

    /**
     * A switch whose condition is known only when ComfyUI runs (it comes from a node that is not a
     * constant) cuts no branch: both stay live. This used to end the whole inspection with a
     * NullPointerException.
     */
    @Test
    void aSwitchWithARunTimeConditionKeepsBothBranchesLive() {
        Graph g = TestGraphs.api("""
            {"2": {"class_type": "SomethingDynamic", "inputs": {}},
             "4": {"class_type": "FloatConstant", "inputs": {"value": 4.5}},
             "5": {"class_type": "ComfySwitchNode", "inputs": {"switch": ["2", 0], "on_true": ["4", 0], "on_false": ["6", 0]}},
             "6": {"class_type": "PrimitiveFloat", "inputs": {"value": 9}},
             "10": {"class_type": "KSampler", "inputs": {"cfg": ["5", 0], "seed": 1}},
             "11": {"class_type": "SaveImage", "inputs": {"images": ["10", 0]}}}""");
        TraceResult r = TRACER.trace(g, TraceOptions.defaults());
        assertEquals(r.distances(), r.liveDistances());
        assertEquals(Set.of("2", "4", "5", "6", "10", "11"), r.liveDistances().keySet());
        var composed = com.samplerlens.core.capture.MetadataComposer.bundled().compose(g, TraceOptions.defaults().withMaxSamplers(2),
                com.samplerlens.core.capture.HashLookup.NONE);
        assertEquals("10", composed.trace().traced().getFirst().nodeId());
    }

    /** The live distances skip a switch's dead branch; the all-links distances keep it (both from one trace). */
    @Test
    void liveDistancesLeaveOutADeadSwitchBranch() {
        Graph g = TestGraphs.api("""
            {"3": {"class_type": "PrimitiveBoolean", "inputs": {"value": true}},
             "4": {"class_type": "FloatConstant", "inputs": {"value": 4.5}},
             "5": {"class_type": "ComfySwitchNode", "inputs": {"switch": ["3", 0], "on_true": ["4", 0], "on_false": ["6", 0]}},
             "6": {"class_type": "PrimitiveFloat", "inputs": {"value": 9}},
             "10": {"class_type": "KSampler", "inputs": {"cfg": ["5", 0], "seed": 1}},
             "11": {"class_type": "SaveImage", "inputs": {"images": ["10", 0]}}}""");
        TraceResult r = TRACER.trace(g, TraceOptions.defaults());
        ValueResolver values = new ValueResolver(g, ValueRules.bundled());
        assertEquals(Reach.distances(g, "11", values::isLive, x -> true), new HashMap<>(r.liveDistances()));
        assertEquals(Reach.distances(g, "11"), new HashMap<>(r.distances()));
        assertTrue(r.distances().containsKey("6"));
        assertTrue(!r.liveDistances().containsKey("6"), r.liveDistances().toString());
        assertEquals(3, r.liveDistances().get("4"));
    }

    /** SDXL base + refiner, Wan 2.2 high + low noise, and other multi-sampler fixtures: the slow definition agrees. */
    @ParameterizedTest
    @CsvSource({"ce_sdxl_refiner_prompt_example.prompt.json, false", "ce_wan22_text_to_video_wan22_14B.prompt.json, true",
            "ce_wan22_image_to_video_wan22_14B.prompt.json, true", "ce_hiresfix_latent_workflow.prompt.json, true",
            "ce_noisy_latents_3_subjects.prompt.json, true"})
    void fixtureAttributionMatchesThePerSamplerDefinition(String name, boolean sharesNodes) {
        Graph g = TestGraphs.file(Path.of("src/test/resources/fixtures/workflows/api", name));
        TraceResult r = TRACER.trace(g, TraceOptions.defaults().withMaxSamplers(16));
        ValueResolver values = new ValueResolver(g, ValueRules.bundled());
        assertEquals(Reach.distances(g, r.saveNodeId()), new HashMap<>(r.distances()));
        assertEquals(Reach.distances(g, r.saveNodeId(), values::isLive, x -> true), new HashMap<>(r.liveDistances()));

        List<String> samplerIds = new ArrayList<>();
        for (String id : Reach.distances(g, r.saveNodeId()).keySet())
            if (CLASSIFIER.isSampler(g.node(id).classType())) samplerIds.add(id);
        assertTrue(samplerIds.size() >= 2, name + " has at least two samplers");
        samplerIds.sort(java.util.Comparator.<String>comparingInt(r.distances()::get).thenComparing(NodeIds.ORDER));
        assertEquals(samplerIds, r.samplers().stream().map(SamplerAttribution::nodeId).toList());

        Set<String> attributedToAny = new HashSet<>();
        Map<String, Integer> owners = new HashMap<>();
        for (String s : samplerIds) {
            List<String> expected = new ArrayList<>();
            for (String id : Reach.distances(g, s, values::isLive, id -> id.equals(s) || !isSampler(g, id)).keySet())
                if (!id.equals(s) && !isSampler(g, id)) expected.add(id);
            expected.sort(NodeIds.ORDER);
            assertEquals(expected, sampler(r, s).attributed(), name + " sampler " + s);
            attributedToAny.addAll(expected);
            for (String id : expected) owners.merge(id, 1, Integer::sum);
        }
        // SDXL's refiner has its own checkpoint and prompts; the others share loaders or encoders
        assertEquals(sharesNodes, owners.values().stream().anyMatch(n -> n >= 2), name + ": a node belongs to two samplers");

        List<String> shared = new ArrayList<>();
        for (String id : Reach.distances(g, r.saveNodeId(), values::isLive, x -> true).keySet())
            if (!id.equals(r.saveNodeId()) && !isSampler(g, id) && !attributedToAny.contains(id)) shared.add(id);
        shared.sort(NodeIds.ORDER);
        assertEquals(shared, r.shared(), name + " shared");
    }

    private static boolean isSampler(Graph g, String id) { return CLASSIFIER.isSampler(g.node(id).classType()); }

    private static SamplerAttribution sampler(TraceResult r, String id) {
        return r.samplers().stream().filter(s -> s.nodeId().equals(id)).findFirst().orElseThrow();
    }
}
