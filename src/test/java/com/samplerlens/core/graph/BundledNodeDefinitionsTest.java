package com.samplerlens.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.capture.ComposedMetadata;
import com.samplerlens.core.capture.HashLookup;
import com.samplerlens.core.capture.MetadataComposer;
import com.samplerlens.core.capture.SamplerFields;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled definitions cover the node packs of the fixture workflows, with the right widget names. */
class BundledNodeDefinitionsTest {

    private static final NodeDefinitions DEFS = NodeDefinitions.bundled();
    private static final String I2V_A14B = "workflows/ui/kj_wanvideo_2_2_I2V_A14B_example_WIP.json";

    /** Classes the fixtures use that were added (or given another widget count) from the packs' sources. */
    private static final Set<String> COVERED = Set.of(
            "WanVideoVAELoader", "WanVideoDecode", "WanVideoBlockSwap", "WanVideoEncode", "WanVideoImageToVideoEncode",
            "ImageConcatMulti", "WanVideoScheduler", "WanVideoSLG", "WanVideoExperimentalArgs", "OnnxDetectionModelLoader",
            "CreateCFGScheduleFloatList", "WanVideoVRAMManagement", "WanVideoTeaCache", "WanVideoSchedulerv2",
            "WanVideoSamplerv2", "WanVideoSamplerExtraArgs", "WanVideoLoraSelectMulti", "WanVideoFunCameraEmbeds",
            "WanVideoEasyCache", "WanVideoDiffusionForcingSampler", "WanVideoContextOptions", "WanVideoClipVisionEncode",
            "WanVideoAddTTMLatents", "WanVideoAddSCAILReferenceEmbeds", "WanVideoAddSCAILPoseEmbeds",
            "WanVideoAddOneToAllReferenceEmbeds", "WanVideoAddOneToAllPoseEmbeds", "WanVideoAddOneToAllExtendEmbeds",
            "SimpleCalculatorKJ", "RenderNLFPoses", "PoseDetectionOneToAllAnimation", "PatchModelPatcherOrder",
            "DownloadAndLoadNLFModel", "SimpleMath+", "ADE_CameraPoseCombo", "ImageResizeKJv2", "WanVideoLoraSelect", "ImageBatchMulti");

    @ParameterizedTest
    @ValueSource(strings = {
            "ce_wan22_image_to_video_wan22_14B.json", "ce_wan22_text_to_video_wan22_14B.json",
            "ce_wan22_text_to_video_wan22_5B.json", "kj_LongCat_TI2V_example_01.json",
            "kj_wanvideo_2_1_14B_OneToAllAnimation_pose_control_example_01.json",
            "kj_wanvideo_2_1_14B_SCAIL_pose_control_example_01.json", "kj_wanvideo_2_1_14B_T2V_example_03.json",
            "kj_wanvideo_2_1_14B_skyreels_diffusion_forcing_extension_example_01.json",
            "kj_wanvideo_2_2_5B_I2V_example_WIP.json", "kj_wanvideo_2_2_Fun_control_camera_example_01.json",
            "kj_wanvideo_2_2_I2V_A14B_TimeToMove_example.json", "kj_wanvideo_2_2_I2V_A14B_example_WIP.json",
            "xx_efficiency-nodes.json", "xx_flux.json", "xx_lora_embedding_vae_subgraph.json"})
    void fixtureWorkflowsConvertWithoutWarningsAboutTheCoveredClasses(String file) throws Exception {
        Path p = file.startsWith("xx_") ? Fixtures.shared("workflows/ui/" + file) : Fixtures.bundled("workflows/ui/" + file);
        List<String> warnings = UiWorkflowConverter.convert(UiWorkflowConverterTest.json(p), DEFS).warnings();
        for (String w : warnings) {
            for (String c : COVERED) {
                assertTrue(!w.startsWith("no definition for " + c + ":") && !w.startsWith(c + " has "), file + ": " + w);
            }
        }
    }

    @Test
    void wanVideoNodesOfTheI2vWorkflowGetTheirWidgetNames() throws Exception {
        // Values read by hand from the file (jq '.nodes[] | select(.id==38 or .id==39 or .id==68 or .id==89)').
        Graph g = UiWorkflowConverter.convert(UiWorkflowConverterTest.json(Fixtures.bundled(I2V_A14B)), DEFS).graph();
        Node vae = g.node("38");
        assertEquals("WanVideoVAELoader", vae.classType());
        assertEquals("wanvideo\\Wan2_1_VAE_bf16.safetensors", literal(vae, "model_name").asText());
        assertEquals("bf16", literal(vae, "precision").asText());

        Node blockSwap = g.node("39"); // the 5-value variant: [20, false, false, false, 1]
        assertEquals(20, literal(blockSwap, "blocks_to_swap").asInt());
        assertEquals(1, literal(blockSwap, "vace_blocks_to_swap").asInt());

        Node encode = g.node("89"); // [832, 480, 81, 0, 1, 1, true, false, false]: before augment_empty_frames
        assertEquals(81, literal(encode, "num_frames").asInt());
        assertTrue(literal(encode, "force_offload").asBoolean());
        assertTrue(!literal(encode, "tiled_vae").asBoolean());
        assertTrue(!encode.inputs().containsKey("augment_empty_frames"));

        Node resize = g.node("68"); // 8 widgets, then the size readout the frontend stores as a 9th value
        assertEquals(32, literal(resize, "divisible_by").asInt());
        assertEquals("cpu", literal(resize, "device").asText());
        // the readout has no name in the definition, so it stays positional
        assertEquals(List.of("widget_8"), resize.inputs().keySet().stream().filter(k -> k.startsWith("widget_")).toList());
    }

    @Test
    void theWanVideoVaeReachesTheSamplerFields() throws Exception {
        // the capture rule reads WanVideoVAELoader's model_name; the field holds the file's base name
        Graph g = UiWorkflowConverter.convert(UiWorkflowConverterTest.json(Fixtures.bundled(I2V_A14B)), DEFS).graph();
        ComposedMetadata m = MetadataComposer.bundled().compose(g, TraceOptions.defaults(), HashLookup.NONE);
        assertEquals("Wan2_1_VAE_bf16.safetensors", m.flat().vae());
        assertTrue(!m.samplers().isEmpty());
        for (SamplerFields s : m.samplers()) {
            assertEquals("Wan2_1_VAE_bf16.safetensors", s.vae(), "sampler " + s.nodeId());
        }
    }

    @Test
    void aDynamicComboIsFollowedByTheWidgetsOfItsChosenOption() throws Exception {
        // as LTX-2.3_ICLoRA_Outpaint_Two_Stage_Distilled stores it: ["scale by multiplier", 2, "lanczos"]
        JsonNode wf = LenientJson.parse("""
                {"nodes": [{"id": 7, "type": "ResizeImageMaskNode", "mode": 0, "inputs": [], "outputs": [],
                            "widgets_values": ["scale by multiplier", 2, "lanczos"]},
                           {"id": 8, "type": "ResizeImageMaskNode", "mode": 0, "inputs": [], "outputs": [],
                            "widgets_values": ["scale dimensions", 1920, 1088, "disabled", "area"]}], "links": []}""");
        Graph g = UiWorkflowConverter.convert(wf, DEFS).graph();
        assertEquals(2.0, literal(g.node("7"), "resize_type.multiplier").doubleValue());
        assertTrue(literal(g.node("7"), "resize_type.multiplier").isFloatingPointNumber(), "a FLOAT sub-widget holds a float");
        assertEquals("lanczos", literal(g.node("7"), "scale_method").asText());
        assertEquals(1088, literal(g.node("8"), "resize_type.height").asInt());
        assertEquals("disabled", literal(g.node("8"), "resize_type.crop").asText());
        assertEquals("area", literal(g.node("8"), "scale_method").asText());
    }

    @Test
    void frontendOnlyWidgetsTakeTheirSlotAndNeverReachThePrompt() throws Exception {
        // LoadImageOutput as a real template stores it: image, auto-refresh toggle, refresh button, upload button
        JsonNode wf = LenientJson.parse("""
                {"nodes": [{"id": 1, "type": "LoadImageOutput", "mode": 0, "inputs": [], "outputs": [],
                            "widgets_values": ["ComfyUI_00001_.png [output]", false, "refresh", "image"]},
                           {"id": 2, "type": "LoadImage", "mode": 0, "inputs": [], "outputs": [],
                            "widgets_values": ["example.png", "image"]}], "links": []}""");
        Graph g = UiWorkflowConverter.convert(wf, DEFS).graph();
        assertEquals(List.of("image"), List.copyOf(g.node("1").inputs().keySet()));
        assertEquals("ComfyUI_00001_.png [output]", literal(g.node("1"), "image").asText());
        assertEquals(List.of("image"), List.copyOf(g.node("2").inputs().keySet()));
    }

    @Test
    void everyCoreClassOfTheNewestDumpIsDefinedAndMarkedCore() throws Exception {
        Path root = Fixtures.sharedRoot();
        if (root == null) throw new AssertionError("../shared is missing: the object_info dumps are read from there");
        Path dump = root.getParent().resolve("data/object-info/2026-05_yuzuki-phone.json");
        JsonNode info = LenientJson.mapper().readTree(dump.toFile());
        int core = 0;
        for (var it = info.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            String module = e.getValue().path("python_module").asText("");
            if (!(module.equals("nodes") || module.startsWith("comfy_extras") || module.startsWith("comfy_api"))) continue;
            core++;
            var d = DEFS.find(e.getKey());
            assertTrue(d.isPresent() && d.get().core(), e.getKey() + " is defined and marked core");
        }
        assertTrue(core > 700, "core classes in the dump: " + core);
    }

    @Test
    void theLazyIndexGivesWhatParsingTheWholeFileGives() throws Exception {
        byte[] bytes;
        try (var in = NodeDefinitions.class.getResourceAsStream("/com/samplerlens/node-definitions.json")) {
            bytes = in.readAllBytes();
        }
        JsonNode whole = LenientJson.mapper().readTree(bytes);
        BundledClasses lazy = BundledClasses.index(bytes);
        assertTrue(lazy != null, "the generated file is laid out one class per line");
        assertEquals(whole.size(), lazy.names().size());
        assertEquals(whole.size(), DEFS.size());
        for (var it = whole.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            assertEquals(NodeDefinitions.bundledDefinition(e.getKey(), e.getValue()), lazy.get(e.getKey()), e.getKey());
        }
        // a layout other than one class per line is parsed whole instead
        assertEquals(null, BundledClasses.index("{\n  \"A\": {\n    \"widgets\": []\n  }\n}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(List.of("x"), BundledClasses.index("{\n\"A \\\"q\\\"\": {\"widgets\":[\"x\"]}\n}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .get("A \"q\"").widgets());
    }

    private static JsonNode literal(Node n, String input) {
        InputValue v = n.inputs().get(input);
        assertTrue(v instanceof InputValue.Literal, n.classType() + "." + input + " is a literal: " + v);
        return ((InputValue.Literal) v).value();
    }
}
