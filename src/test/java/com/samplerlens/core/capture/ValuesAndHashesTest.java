package com.samplerlens.core.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.trace.Resolution;
import com.samplerlens.core.trace.TestGraphs;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.core.trace.ValueResolver;
import com.samplerlens.core.trace.ValueRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValuesAndHashesTest {

    private static final Graph LINKED = TestGraphs.api("""
        {"1": {"class_type": "PrimitiveInt", "inputs": {"value": 30}},
         "2": {"class_type": "Reroute", "inputs": {"": ["1", 0]}},
         "3": {"class_type": "PrimitiveBoolean", "inputs": {"value": true}},
         "4": {"class_type": "FloatConstant", "inputs": {"value": 4.5}},
         "5": {"class_type": "ComfySwitchNode", "inputs": {"switch": ["3", 0], "on_true": ["4", 0], "on_false": ["6", 0]}},
         "6": {"class_type": "PrimitiveFloat", "inputs": {"value": 9}},
         "7": {"class_type": "ImpactSwitch", "inputs": {"select": 2, "input1": ["1", 0], "input2": ["8", 0]}},
         "8": {"class_type": "easy int", "inputs": {"value": 777}},
         "9": {"class_type": "ComfyMathExpression", "inputs": {"expression": "a+1"}},
         "10": {"class_type": "KSampler", "inputs": {"steps": ["2", 0], "cfg": ["5", 0], "seed": ["7", 0], "denoise": ["9", 0],
                "sampler_name": "euler", "scheduler": "karras", "gone": ["99", 0]}},
         "11": {"class_type": "SaveImage", "inputs": {"images": ["10", 0]}}}""");

    @Test
    void resolvesThroughReroutesConstantsAndSwitches() {
        ValueResolver v = new ValueResolver(LINKED, ValueRules.bundled());
        var ks = LINKED.node("10");
        assertEquals(30, ((Resolution.Value) v.resolve(ks, "steps")).value().asInt());
        assertEquals(4.5, ((Resolution.Value) v.resolve(ks, "cfg")).value().asDouble());
        assertEquals(777, ((Resolution.Value) v.resolve(ks, "seed")).value().asInt());
        assertTrue(v.resolve(ks, "denoise") instanceof Resolution.Unresolved u && u.note().contains("ComfyMathExpression node 9"));
        assertNull(v.resolve(ks, "missing"));
        assertTrue(v.resolve(ks, "gone") instanceof Resolution.Unresolved u && u.note().contains("node 99, which is not in the graph"));
    }

    @Test
    void unresolvedValuesAreLeftOutWithANote() {
        ComposedMetadata m = MetadataComposer.bundled().compose(LINKED, TraceOptions.defaults(), HashLookup.NONE);
        assertEquals(30L, m.flat().steps());
        assertEquals(4.5, m.flat().cfg());
        assertNull(m.flat().denoise());
        assertTrue(m.notes().get("10").getFirst().startsWith("denoise: value comes from ComfyMathExpression node 9"), m.notes().toString());
        // the dead branch (6) of the switch belongs to no sampler and is not shared either
        assertTrue(!m.trace().samplers().getFirst().attributed().contains("6"));
        assertTrue(!m.trace().shared().contains("6"));
    }

    @Test
    void knownHashesMatchTheirOwnFilesOnly() {
        KnownHashes k = KnownHashes.parse("a cat\nNegative prompt: \nSteps: 8, Model: wan_high.safetensors, Model hash: 5519e566e6, "
                + "VAE: wan_2.1_vae.safetensors, VAE hash: 2fc39d3135, Lora_0 Model name: l1.safetensors, Lora_0 Model hash: 37d4921854, "
                + "Hashes: {\"model\": \"5519e566e6\", \"lora:other\": \"0123456789\", \"embed:EasyNegative\": \"c74b4e810b\"}, Metadata generator version: 1.3.0");
        assertEquals(Optional.of("5519e566e6"), k.hash(HashKind.MODEL, "folder\\wan_high.safetensors"));
        assertEquals(Optional.empty(), k.hash(HashKind.MODEL, "wan_low.safetensors"));
        assertEquals(Optional.of("2fc39d3135"), k.hash(HashKind.VAE, "wan_2.1_vae.safetensors"));
        assertEquals(Optional.of("37d4921854"), k.hash(HashKind.LORA, "loras/l1.safetensors"));
        assertEquals(Optional.of("0123456789"), k.hash(HashKind.LORA, "other.safetensors"));
        assertEquals(Optional.of("c74b4e810b"), k.hash(HashKind.EMBEDDING, "EasyNegative"));
        assertTrue(KnownHashes.parse(null).isEmpty());
        HashLookup folder = HashLookup.of(name -> name.endsWith("wan_low.safetensors") ? "aaaaaaaaaa" : null);
        assertEquals(Optional.of("aaaaaaaaaa"), k.orElse(folder).hash(HashKind.MODEL, "wan_low.safetensors"));
    }

    @Test
    void userRuleFilesAddClasses(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("user_captures.json");
        Files.writeString(f, """
            {"MyLoader": {"MODEL_NAME": {"field_name": "path"}, "MODEL_HASH": {"field_name": "path", "format": "model_hash"}}}""");
        CaptureRules rules = CaptureRules.bundled().withUserFile(f);
        assertTrue(rules.of("MyLoader").containsKey(MetaField.MODEL_NAME));
        assertTrue(rules.of("KSampler").containsKey(MetaField.SEED));
        Files.writeString(f, "{\"MyLoader\": {\"NOT_A_FIELD\": {\"field_name\": \"x\"}}}");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> CaptureRules.bundled().withUserFile(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("NOT_A_FIELD"), e.getMessage());
    }

    @Test
    void metaFieldValuesAreTheAnchorsWithStartStepAppended() {
        assertEquals(0, MetaField.MODEL_NAME.value());
        assertEquals(23, MetaField.parse("SAMPLER").value());
        assertEquals(30, MetaField.parse("WIDTH").value());
        assertEquals(54, MetaField.END_STEP.value());
        assertEquals(55, MetaField.START_STEP.value());
        assertEquals(MetaField.START_STEP, MetaField.values()[MetaField.values().length - 1]);
        assertEquals(MetaField.SHIFT, MetaField.parse("36"));
    }

    @Test
    void embeddingNamesFromPromptText() {
        assertEquals(java.util.List.of("EasyNegative", "bad_hand"),
                FieldCapture.embeddingNames("(low quality:1.4), embedding:EasyNegative, (embedding:sub\\bad_hand:1.2), embedding:easynegative."));
    }
}
