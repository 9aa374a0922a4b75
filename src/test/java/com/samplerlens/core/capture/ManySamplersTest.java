package com.samplerlens.core.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.InputValue;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.trace.MultiSamplerOverride;
import com.samplerlens.core.trace.TraceOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every sampler traced (--force-multi) in a chain of 3,000 KSamplers, each with its own seed, steps
 * and prompt: each sampler's fields are its own. The per-sampler snapshots visit only the sampler's
 * scope (issue 14: with every captured value scanned per sampler, 50,000 samplers took > 10 min).
 */
class ManySamplersTest {

    @Test
    void eachOfThousandsOfTracedSamplersGetsItsOwnValues() {
        int k = 3_000;
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node("ckpt", "CheckpointLoaderSimple", null, Map.of("ckpt_name", new InputValue.Literal(TextNode.valueOf("m.safetensors"))), 0, null));
        String latent = null;
        for (int i = 1; i <= k; i++) {
            nodes.add(new Node("p" + i, "CLIPTextEncode", null, Map.of("text", new InputValue.Literal(TextNode.valueOf("prompt " + i)),
                    "clip", new InputValue.Link("ckpt", 1)), 0, null));
            Map<String, InputValue> in = new LinkedHashMap<>();
            in.put("model", new InputValue.Link("ckpt", 0));
            in.put("positive", new InputValue.Link("p" + i, 0));
            in.put("negative", new InputValue.Link("p" + i, 0));
            if (latent != null) in.put("latent_image", new InputValue.Link(latent, 0));
            in.put("seed", new InputValue.Literal(IntNode.valueOf(1000 + i)));
            in.put("steps", new InputValue.Literal(IntNode.valueOf(i % 50 + 1)));
            in.put("cfg", new InputValue.Literal(IntNode.valueOf(7)));
            in.put("sampler_name", new InputValue.Literal(TextNode.valueOf("euler")));
            in.put("scheduler", new InputValue.Literal(TextNode.valueOf("normal")));
            in.put("denoise", new InputValue.Literal(IntNode.valueOf(1)));
            nodes.add(new Node("s" + i, "KSampler", null, in, 0, null));
            latent = "s" + i;
        }
        nodes.add(new Node("save", "SaveImage", null, Map.of("images", new InputValue.Link(latent, 0)), 0, null));
        ComposedMetadata m = MetadataComposer.bundled().compose(new Graph(nodes),
                TraceOptions.defaults().withMaxSamplers(2).withOverride(MultiSamplerOverride.FORCE_MULTI), HashLookup.NONE);
        assertEquals(k, m.samplers().size());
        for (SamplerFields f : m.samplers()) {
            int i = Integer.parseInt(f.nodeId().substring(1));
            assertEquals(1000 + i, f.seed().asInt(), f.nodeId());
            assertEquals(i % 50 + 1, f.steps(), f.nodeId());
            assertEquals("prompt " + i, f.positive(), f.nodeId());
            assertEquals("m.safetensors", f.model(), f.nodeId());
            assertEquals(i, f.number(), "farthest is Sampler_1");
        }
    }
}
