package com.samplerlens.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.capture.ComposedMetadata;
import com.samplerlens.core.capture.HashLookup;
import com.samplerlens.core.capture.MetadataComposer;
import com.samplerlens.core.capture.SamplerFields;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.core.trace.SamplerAttribution;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The files of {@code ../shared/fixtures/realworld/} whose graph side went wrong, converted from
 * their UI workflow alone. Every expected value was read by hand from the file's JSON (the
 * comment says where); the test fails, not skips, when the shared fixtures are missing.
 */
class RealWorldGraphTest {

    private static final NodeDefinitions DEFS = NodeDefinitions.bundled();

    static Path realworld(String name) {
        Path root = Fixtures.sharedRoot();
        if (root == null) throw new AssertionError("../shared/fixtures is missing: the real-world fixtures are read from there");
        Path p = root.resolve("realworld").resolve(name);
        if (!Files.exists(p)) throw new AssertionError("missing ../shared/fixtures/realworld/" + name);
        return p;
    }

    static UiWorkflowConverter.ConvertedWorkflow convertWorkflowOf(Path file) throws Exception {
        var m = MetadataReaders.read(file);
        String text = m.text(MetadataKeys.WORKFLOW).orElseGet(() -> m.text(MetadataKeys.PROMPT).orElseThrow());
        return UiWorkflowConverter.convert(LenientJson.parse(text), DEFS);
    }

    static Graph promptOf(Path file) throws Exception {
        var m = MetadataReaders.read(file);
        return ApiPromptLoader.load(LenientJson.parse(m.text(MetadataKeys.PROMPT).orElseThrow()), new ArrayList<>());
    }

    static JsonNode literal(Graph g, String nodeId, String input) {
        Node n = g.node(nodeId);
        assertTrue(n != null, "node " + nodeId + " exists");
        InputValue v = n.inputs().get(input);
        assertTrue(v instanceof InputValue.Literal, n.classType() + " " + nodeId + "." + input + " is a literal: " + v);
        return ((InputValue.Literal) v).value();
    }

    static String linkSource(Graph g, String nodeId, String input) {
        InputValue v = g.node(nodeId).inputs().get(input);
        assertTrue(v instanceof InputValue.Link, nodeId + "." + input + " is a link: " + v);
        return ((InputValue.Link) v).sourceId();
    }

    @Test
    void partlyLinkedPromotedWidgetsGiveTheSeedItsOwnValue() throws Exception {
        // Instance 5232 of subgraph 61915fab…: inputs length (linked, 13969), frame_rate (linked,
        // 13976), noise_seed (not linked); widgets_values [121, 25, 45] with proxyWidgets
        // [-1 length], [-1 frame_rate], [-1 noise_seed], [5158 control_after_generate].
        // Subgraph input noise_seed (slot 10) feeds RandomNoise 5158 (link 13908): seed 45, not 121.
        Graph g = convertWorkflowOf(realworld("ltx_LTX-2_T2V_Distilled_wLora.json")).graph();
        assertEquals(45, literal(g, "5232:5158", "noise_seed").asLong());
        assertEquals(420, literal(g, "5232:5154", "noise_seed").asLong());
        // length is linked from outside (link 13969 from node 5218), so the widget value 121 is not used
        assertEquals("5218", linkSource(g, "5232:5163", "length"));
        // CFGGuider 5151 and 5171 hold [1]: cfg is a FLOAT widget, the prompt holds 1.0
        assertEquals(1.0, literal(g, "5232:5151", "cfg").doubleValue());
        assertTrue(literal(g, "5232:5151", "cfg").isFloatingPointNumber());
        assertEquals("0.909375, 0.725, 0.421875, 0.0", literal(g, "5232:5183", "sigmas").asText());

        ComposedMetadata m = MetadataComposer.bundled().compose(g, TraceOptions.defaults(), HashLookup.NONE);
        // SamplerCustomAdvanced 5159 draws its noise from RandomNoise 5158
        assertEquals("5232:5158", linkSource(g, "5232:5159", "noise"));
        // one sampler is written (single mode): the first pass 5159, with the seed of 5158
        assertEquals(List.of("5232:5159"), m.samplers().stream().map(SamplerFields::nodeId).toList());
        assertEquals(45, m.samplers().getFirst().seed().asLong());
        assertEquals(1.0, m.samplers().getFirst().cfg());
        assertEquals(45, m.flat().seed().asLong());
    }

    @Test
    void uiOnlyLtxWorkflowKeepsCfgSamplerAndPrompts() throws Exception {
        // Top level: CFGGuider 4828 [1], RandomNoise 4832 [42, "fixed"], KSamplerSelect 4831
        // ["euler_ancestral"], CLIPTextEncode 2483 ["HDR footage"], 2612 [negative …].
        var converted = convertWorkflowOf(realworld("ltx_LTX-2.3_ICLoRA_HDR_Distilled.json"));
        assertEquals(List.of(), converted.warnings(), "every class defined (LTXVideo classes read from the pack's sources)");
        Graph g = converted.graph();
        assertEquals(1.0, literal(g, "4828", "cfg").doubleValue());
        // ResizeImageMaskNode 5112 ["scale to multiple", 32, "lanczos"]: a dynamic combo whose option adds
        // "multiple" (linked here from 5111, so the stored 32 is not used), then scale_method
        assertEquals("scale to multiple", literal(g, "5112", "resize_type").asText());
        assertEquals("lanczos", literal(g, "5112", "scale_method").asText());
        assertEquals("5111", linkSource(g, "5112", "resize_type.multiple"));
        assertEquals(42, literal(g, "4832", "noise_seed").asLong());
        assertEquals("euler_ancestral", literal(g, "4831", "sampler_name").asText());
        ComposedMetadata m = MetadataComposer.bundled().compose(g, TraceOptions.defaults(), HashLookup.NONE);
        assertEquals(1.0, m.flat().cfg());
        assertEquals("HDR footage", m.flat().positive());
        assertEquals("pc game, console game, video game, ugly, still, static, slow", m.flat().negative());
        assertEquals(42, m.flat().seed().asLong());
        assertEquals("euler_ancestral", m.flat().sampler());
    }

    @Test
    void legacyGroupNodeOfTheSdxlEditImageIsExpanded() throws Exception {
        // Instance 37 "workflow/IP2PSampler", widgets_values
        // ["euler", 11652752290163, "randomize", "normal", 20, 1, 5, 1.5]: KSamplerSelect, RandomNoise
        // (+ control), BasicScheduler (scheduler, steps, denoise), DualCFGGuider (cfg_conds, cfg_cond2_negative).
        Path file = realworld("ce_sdxl_edit_model.png");
        var converted = convertWorkflowOf(file);
        Graph g = converted.graph();
        assertEquals("SamplerCustomAdvanced", g.node("37:8").classType());
        assertEquals("euler", literal(g, "37:0", "sampler_name").asText());
        assertEquals(11652752290163L, literal(g, "37:1", "noise_seed").asLong());
        assertEquals("normal", literal(g, "37:3", "scheduler").asText());
        assertEquals(20, literal(g, "37:3", "steps").asInt());
        assertEquals(5.0, literal(g, "37:7", "cfg_conds").doubleValue());
        assertEquals(1.5, literal(g, "37:7", "cfg_cond2_negative").doubleValue());
        // group input "model" (the inner Reroute 2) comes from CheckpointLoaderSimple 4
        assertEquals("4", linkSource(g, "37:7", "model"));
        assertEquals("37:6", linkSource(g, "37:8", "latent_image"));
        assertEquals(List.of(), GraphEquivalence.differences(promptOf(file), g), "the UI workflow converts to ComfyUI's own prompt");
        ComposedMetadata m = MetadataComposer.bundled().compose(g, TraceOptions.defaults(), HashLookup.NONE);
        assertEquals(List.of("37:8"), m.trace().samplers().stream().map(SamplerAttribution::nodeId).toList());
        assertEquals(20L, m.flat().steps());
        assertEquals(11652752290163L, m.flat().seed().asLong());
    }

    @Test
    void legacyGroupNodeWhoseInnerNodesListTheirWidgetsAsInputs() throws Exception {
        // Instance 37 "workflow>IP2PSampler"; the inner nodes list every widget among their inputs
        // (unlinked), which is not a conversion. widgets_values ["euler", 850933585641497,
        // "randomize", "normal", 20, 1, 5, 2].
        Path file = realworld("ce_hidream_e1_example.png");
        Graph g = convertWorkflowOf(file).graph();
        assertEquals(850933585641497L, literal(g, "37:1", "noise_seed").asLong());
        assertEquals("euler", literal(g, "37:0", "sampler_name").asText());
        assertEquals(2.0, literal(g, "37:7", "cfg_cond2_negative").doubleValue());
        assertEquals("QuadrupleCLIPLoader", g.node("42").classType());
        assertEquals("llama_3.1_8b_instruct_fp8_scaled.safetensors", literal(g, "42", "clip_name4").asText());
        assertEquals(List.of(), GraphEquivalence.differences(promptOf(file), g));
    }

    @Test
    void wanTemplateKeepsBothPassesOfTheActiveSamplers() throws Exception {
        // KSamplerAdvanced 81 ["enable", 392459563371087, "randomize", 4, 1, "euler", "simple", 0, 2, "enable"],
        // 78 ["disable", 0, "fixed", 4, 1, "euler", "simple", 2, 4, "disable"]; 95/96 are bypassed (mode 4).
        var converted = convertWorkflowOf(realworld("jc_video_wan2_2_14B_t2v.json"));
        Graph g = converted.graph();
        assertEquals(392459563371087L, literal(g, "81", "noise_seed").asLong());
        assertEquals(4, literal(g, "81", "steps").asInt());
        assertEquals(1.0, literal(g, "81", "cfg").doubleValue());
        assertEquals(2, literal(g, "81", "end_at_step").asInt());
        assertEquals(2, literal(g, "78", "start_at_step").asInt());
        assertEquals("disable", literal(g, "78", "add_noise").asText());
        assertTrue(g.node("95") == null && g.node("96") == null, "bypassed samplers are not in the graph");
        assertEquals(List.of(), converted.warnings().stream().filter(w -> w.startsWith("no definition")).toList());
        ComposedMetadata m = MetadataComposer.bundled().compose(g, TraceOptions.defaults(), HashLookup.NONE);
        assertEquals(List.of("78", "81"), m.trace().samplers().stream().map(SamplerAttribution::nodeId).sorted().toList());
    }

    @Test
    void qwenEditTemplateGetsItsPromptAndSampler() throws Exception {
        // TextEncodeQwenImageEditPlus 111 ["Replace the cat with a dalmatian"], 110 [""];
        // KSampler 3 [1118877715456453, "randomize", 4, 1, "euler", "simple", 1]; ModelSamplingAuraFlow 66 [3].
        var converted = convertWorkflowOf(realworld("jc_image_qwen_image_edit_2509.json"));
        Graph g = converted.graph();
        assertEquals("Replace the cat with a dalmatian", literal(g, "111", "prompt").asText());
        assertEquals(1118877715456453L, literal(g, "3", "seed").asLong());
        assertEquals(4, literal(g, "3", "steps").asInt());
        assertEquals(3.0, literal(g, "66", "shift").doubleValue());
        assertEquals(List.of(), converted.warnings().stream().filter(w -> w.startsWith("no definition")).toList());
        ComposedMetadata m = MetadataComposer.bundled().compose(g, TraceOptions.defaults(), HashLookup.NONE);
        assertEquals("Replace the cat with a dalmatian", m.flat().positive());
        assertEquals(4L, m.flat().steps());
    }
}
