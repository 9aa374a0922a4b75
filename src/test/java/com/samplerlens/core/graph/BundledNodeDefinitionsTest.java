package com.samplerlens.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.capture.ComposedMetadata;
import com.samplerlens.core.capture.HashLookup;
import com.samplerlens.core.capture.MetadataComposer;
import com.samplerlens.core.capture.SamplerFields;
import com.samplerlens.core.trace.TraceOptions;
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

    private static JsonNode literal(Node n, String input) {
        InputValue v = n.inputs().get(input);
        assertTrue(v instanceof InputValue.Literal, n.classType() + "." + input + " is a literal: " + v);
        return ((InputValue.Literal) v).value();
    }
}
