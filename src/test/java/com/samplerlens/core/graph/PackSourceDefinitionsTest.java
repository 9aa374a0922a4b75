package com.samplerlens.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.json.LenientJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes that real public workflows use and that the bundled definitions took from the packs'
 * own sources (scripts/node-definitions): each node below stores the values a real saved
 * workflow stores (the file is named), and every value must land on the widget it belongs to.
 */
class PackSourceDefinitionsTest {

    private static final NodeDefinitions DEFS = NodeDefinitions.bundled();

    private static Graph convert(String nodes) throws Exception {
        JsonNode wf = LenientJson.parse("{\"nodes\": [" + nodes + "], \"links\": []}");
        UiWorkflowConverter.ConvertedWorkflow r = UiWorkflowConverter.convert(wf, DEFS);
        for (String w : r.warnings()) assertFalse(w.startsWith("no definition for"), w);
        return r.graph();
    }

    private static String node(int id, String type, String values) {
        return "{\"id\": " + id + ", \"type\": \"" + type + "\", \"mode\": 0, \"inputs\": [], \"outputs\": [], \"widgets_values\": " + values + "}";
    }

    @Test
    void nunchakuLoadersAsTheAnchorsExampleWorkflowsStoreThem() throws Exception {
        // nunchaku-flux-kontext-turbo-lora.json and nunchaku-qwen-image-edit.json of the anchor's repository
        Graph g = convert(String.join(",",
                node(1, "NunchakuFluxDiTLoader", "[\"svdq-int4_r32-flux.1-kontext-dev.safetensors\", 0, \"nunchaku-fp16\", \"auto\", 0, \"bfloat16\", \"enabled\"]"),
                node(2, "NunchakuFluxLoraLoader", "[\"flux.1-turbo-alpha.safetensors\", 1]"),
                node(3, "NunchakuQwenImageDiTLoader", "[\"qwen-image-edit.safetensors\", \"auto\", 1, \"disable\"]")));
        assertEquals("svdq-int4_r32-flux.1-kontext-dev.safetensors", literal(g.node("1"), "model_path").asText());
        assertEquals("nunchaku-fp16", literal(g.node("1"), "attention").asText());
        assertEquals("bfloat16", literal(g.node("1"), "data_type").asText());
        assertEquals("enabled", literal(g.node("1"), "i2f_mode").asText());
        assertEquals("flux.1-turbo-alpha.safetensors", literal(g.node("2"), "lora_name").asText());
        assertEquals(1, literal(g.node("2"), "lora_strength").asInt());
        assertEquals("qwen-image-edit.safetensors", literal(g.node("3"), "model_name").asText());
        assertEquals(1, literal(g.node("3"), "num_blocks_on_gpu").asInt());
        assertEquals("disable", literal(g.node("3"), "use_pin_memory").asText());
    }

    @Test
    void efficiencyXyInputsBuiltByALoopInTheirSource() throws Exception {
        // "XY Plot - Node Example.png" of efficiency-nodes-comfyui: target, count, then sampler_i/scheduler_i pairs up to 50
        StringBuilder values = new StringBuilder("[\"sampler\", 3, \"dpmpp_2m\", \"None\", \"dpmpp_sde\", \"None\", \"euler_ancestral\", \"None\"");
        for (int i = 4; i <= 50; i++) values.append(", \"None\", \"None\"");
        Graph g = convert(node(122, "XY Input: Sampler/Scheduler", values + "]"));
        Node xy = g.node("122");
        assertEquals("sampler", literal(xy, "target_parameter").asText());
        assertEquals(3, literal(xy, "input_count").asInt());
        assertEquals("dpmpp_sde", literal(xy, "sampler_2").asText());
        assertEquals("euler_ancestral", literal(xy, "sampler_3").asText());
        assertEquals("None", literal(xy, "scheduler_50").asText());
        assertEquals(102, xy.inputs().size());
    }

    @Test
    void theAnchorsExtraMetadataNodeHasItsFourKeyValuePairs() throws Exception {
        // extra_metadata.json of the anchor's repository
        Graph g = convert(node(5, "CreateExtraMetaDataUniversal", "[\"custom_key\", \"custom_value\", \"hello\", \"world\", \"\", \"\", \"\", \"\"]"));
        assertEquals("custom_key", literal(g.node("5"), "key1").asText());
        assertEquals("world", literal(g.node("5"), "value2").asText());
        assertEquals("", literal(g.node("5"), "value4").asText());
    }

    @Test
    void anOlderVersionsShorterListIsChosenByLength() throws Exception {
        // Eff_animatediff_script_wf001.png (2023): AnimateDiff-Evolved and dynamicprompts of that time
        Graph g = convert(String.join(",",
                node(1, "ADE_AnimateDiffUniformContextOptions", "[16, 1, 4, \"uniform\", false]"),
                node(2, "DPMagicPrompt", "[\"Hyper detailed ultra sharp\", \"Yes\"]"),
                node(3, "DPMagicPrompt", "[\"a cat\", 7, \"fixed\", \"No\"]"),
                node(4, "AnimateDiff Script", "[\"mm_sd_v15_v2.ckpt\", \"sqrt_linear (AnimateDiff)\", 12, 0, \"video/h264-mp4\", false, true]")));
        assertEquals(4, literal(g.node("1"), "context_overlap").asInt());
        assertEquals("uniform", literal(g.node("1"), "context_schedule").asText());
        assertEquals("Yes", literal(g.node("2"), "autorefresh").asText());
        assertEquals(7, literal(g.node("3"), "seed").asInt());
        assertEquals("No", literal(g.node("3"), "autorefresh").asText());
        assertEquals("sqrt_linear (AnimateDiff)", literal(g.node("4"), "beta_schedule").asText());
        assertEquals(12, literal(g.node("4"), "frame_rate").asInt());
        assertTrue(literal(g.node("4"), "save_image").asBoolean());
    }

    @Test
    void promptReaderNodesWithTheirUploadButtonAndReadOuts() throws Exception {
        // simple_example.json of comfyui-prompt-reader-node: the upload value right after the image,
        // before the optional parameter_index; the generator's read-outs after its 16 widgets
        Graph g = convert(String.join(",",
                node(1, "SDPromptReader", "[\"00067-2302238556.png\", \"image\", 0, \"positive\", \"negative\", \"Steps: 35\"]"),
                node(2, "SDParameterGenerator", "[\"xxmix9realistic_v40.safetensors\", \"baked VAE\", \"SDv1 512px\", \"none\", -1, 30, 1, 8, "
                        + "\"dpmpp_2m\", \"karras\", 6, 6, \"1:1 - 512x512\", 512, 512, 1, \"\", \"\", null, \"Total steps: 30\", \"Optimal resolution\"]")));
        assertEquals("00067-2302238556.png", literal(g.node("1"), "image").asText());
        assertTrue(literal(g.node("1"), "parameter_index").isNumber(), "the upload value is not taken for the index: " + literal(g.node("1"), "parameter_index"));
        assertEquals(0, literal(g.node("1"), "parameter_index").asInt());
        assertEquals(30, literal(g.node("2"), "steps").asInt());
        assertEquals(8, literal(g.node("2"), "cfg").asInt());
        assertEquals("karras", literal(g.node("2"), "scheduler").asText());
        assertEquals(512, literal(g.node("2"), "height").asInt());
    }

    @Test
    void ltxAndKijaiHelperNodesOfTheLtxAndWanWorkflows() throws Exception {
        // LTX-2_ICLoRA_All_Distilled.json, LTX-2.3_ICLoRA_Union_Control_Distilled.json, video_wan2_2_14B_animate.json,
        // wanvideo_T2V_example_01.json
        Graph g = convert(String.join(",",
                node(1, "LTXVSetAudioVideoMaskByTime", "[0, 100, 24, true, false, 0, 0, 93]"),
                node(2, "InversionDemoLazySwitch", "[true]"),
                node(3, "LowVRAMCheckpointLoader", "[\"ltx-2-19b-distilled.safetensors\"]"),
                node(4, "VideoDepthAnythingProcess", "[518, 960, \"fp32\"]"),
                node(5, "VideoDepthAnythingOutput", "[\"gray\"]"),
                node(6, "DownloadAndLoadSAM2Model", "[\"sam2_hiera_base_plus.safetensors\", \"video\", \"cuda\", \"fp16\"]"),
                node(7, "Sam2Segmentation", "[true, false]"),
                node(8, "HyVideoEnhanceAVideo", "[2, true, true, 0, 1]")));
        assertEquals(100, literal(g.node("1"), "end_time").asInt());
        assertEquals(93, literal(g.node("1"), "slope_len").asInt());
        assertTrue(literal(g.node("2"), "switch").asBoolean());
        assertEquals("ltx-2-19b-distilled.safetensors", literal(g.node("3"), "ckpt_name").asText());
        assertEquals(960, literal(g.node("4"), "max_res").asInt());
        assertEquals("fp32", literal(g.node("4"), "precision").asText());
        assertEquals("gray", literal(g.node("5"), "colormap").asText());
        assertEquals("video", literal(g.node("6"), "segmentor").asText());
        assertFalse(literal(g.node("7"), "individual_objects").asBoolean());
        assertEquals(2, literal(g.node("8"), "weight").asInt());
        assertEquals(1, literal(g.node("8"), "end_percent").asInt());
    }

    @Test
    void imageSaverPipeConfigsAndTheScailWorkflowsResize() throws Exception {
        // image_saver_pipe_workflow.json of ComfyUI-Image-Saver; wanvideo_2_1_14B_SCAIL2_replacement_and_animate_dual_mode_example_01.json
        Graph g = convert(String.join(",",
                node(1, "Make Image Saver Simple Config", "[\"%time_%basemodelname_%seed\", \"\", \"png\", true, 100, true, true, false, 0, \"%Y-%m-%dT%H%M%S\"]"),
                node(2, "Make Image Saver Metadata Config", "[\"\", \"unknown\", \"unknown\", 512, 512, 0, \"randomize\", 25, 5, \"euler_ancestral\", \"simple\", 1, 0, \"\", true, true, \"\"]"),
                node(3, "Edit Image Saver Pipe", "[\"[original]_scenario1_%counter<03>\", \"[original]\", \"[original]\", \"[original]\", \"[original]\", \"[original]\", \"[original]\"]"),
                node(4, "ResizeImageAdvanced", "[\"aspect_ratio\", 512, 512, \"3:4\", 1, 1, \"crop\", \"nvidia_rtx_vsr\", \"longest\", 1024, \"#000000\", \"center\", 32, \"gpu\"]")));
        assertEquals("png", literal(g.node("1"), "extension").asText());
        assertEquals(100, literal(g.node("1"), "quality_jpeg_or_webp").asInt());
        assertEquals("%Y-%m-%dT%H%M%S", literal(g.node("1"), "time_format").asText());
        assertEquals(25, literal(g.node("2"), "steps").asInt());
        assertEquals(5.0, literal(g.node("2"), "cfg").doubleValue());
        assertEquals("euler_ancestral", literal(g.node("2"), "sampler_name").asText());
        assertEquals("simple", literal(g.node("2"), "scheduler_name").asText());
        assertEquals("[original]_scenario1_%counter<03>", literal(g.node("3"), "filename").asText());
        assertEquals("[original]", literal(g.node("3"), "custom").asText());
        assertEquals("3:4", literal(g.node("4"), "aspect_ratio").asText());
        assertEquals(1024, literal(g.node("4"), "scale_to_length").asInt());
        assertEquals("gpu", literal(g.node("4"), "device").asText());
    }

    @Test
    void theRecraftTemplatesSaveSvgIsACoreOutputNode() {
        // api_recraft_vector_gen.json of the workflow templates stores ["svg/ComfyUI"]
        var d = DEFS.find("SaveSVG").orElseThrow();
        assertTrue(d.core());
        assertTrue(d.outputNode());
        assertEquals(List.of("filename_prefix"), d.widgets());
    }

    private static JsonNode literal(Node n, String input) {
        InputValue v = n.inputs().get(input);
        assertTrue(v instanceof InputValue.Literal, n.classType() + "." + input + " is a literal: " + v);
        return ((InputValue.Literal) v).value();
    }
}
