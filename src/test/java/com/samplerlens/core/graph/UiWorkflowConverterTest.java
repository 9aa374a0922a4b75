package com.samplerlens.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UiWorkflowConverterTest {

    private static final NodeDefinitions DEFS = NodeDefinitions.bundled();

    static JsonNode json(Path p) throws Exception {
        return LenientJson.parse(Files.readString(p));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_wan22_text_to_video_wan22_14B", "ce_wan22_image_to_video_wan22_14B"})
    void uiWorkflowConvertsToTheSameGraphAsComfyUisOwnPrompt(String name) throws Exception {
        Graph prompt = ApiPromptLoader.load(json(Fixtures.bundled("workflows/api/" + name + ".prompt.json")), new ArrayList<>());
        var converted = UiWorkflowConverter.convert(json(Fixtures.bundled("workflows/ui/" + name + ".json")), DEFS);
        assertEquals(List.of(), GraphEquivalence.differences(prompt, converted.graph()));
        assertEquals(prompt.size(), converted.graph().size(), "no extra nodes (notes and muted nodes dropped)");
    }

    /**
     * Node count of the converted graph, worked out by hand from each file: every node of the top
     * level and of the subgraph definitions it instantiates, minus subgraph instances, notes,
     * reroutes, PrimitiveNodes, Set/Get nodes, use-everywhere nodes, and muted (2) or bypassed (4)
     * nodes (inner nodes inherit their instance's mode). SOURCES.md's totals (all nodes) are the
     * first number.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "ce_wan22_image_to_video_wan22_14B.json, 17, 15",
            "ce_wan22_text_to_video_wan22_14B.json, 16, 14",
            "ce_wan22_text_to_video_wan22_5B.json, 12, 11",
            "kj_LongCat_TI2V_example_01.json, 129, 67",
            "kj_wanvideo_2_1_14B_OneToAllAnimation_pose_control_example_01.json, 136, 57",
            "kj_wanvideo_2_1_14B_SCAIL_pose_control_example_01.json, 67, 38",
            "kj_wanvideo_2_1_14B_T2V_example_03.json, 25, 14",
            "kj_wanvideo_2_1_14B_skyreels_diffusion_forcing_extension_example_01.json, 108, 48",
            "kj_wanvideo_2_2_5B_I2V_example_WIP.json, 20, 15",
            "kj_wanvideo_2_2_Fun_control_camera_example_01.json, 49, 26",
            "kj_wanvideo_2_2_I2V_A14B_TimeToMove_example.json, 42, 33",
            "kj_wanvideo_2_2_I2V_A14B_example_WIP.json, 30, 24",
            "xx_efficiency-nodes.json, 9, 9",
            "xx_flux.json, 22, 17",
            "xx_lora_embedding_vae_subgraph.json, 16, 15"})
    void everyUiWorkflowFixtureLoads(String file, int allNodes, int convertedNodes) throws Exception {
        Path p = file.startsWith("xx_") ? Fixtures.shared("workflows/ui/" + file) : Fixtures.bundled("workflows/ui/" + file);
        JsonNode ui = json(p);
        int total = ui.path("nodes").size();
        for (JsonNode sg : ui.path("definitions").path("subgraphs")) total += sg.path("nodes").size();
        assertEquals(allNodes, total, "SOURCES.md count");
        var converted = UiWorkflowConverter.convert(ui, DEFS);
        assertEquals(convertedNodes, converted.graph().size(), () -> "warnings: " + converted.warnings());
    }

    @Test
    void linkedWidgetsTakeTheLinkAndDropTheStaleValue() throws Exception {
        // WanVideoSampler 'steps' is linked from an INTConstant; its widget still holds a stale value.
        var g = UiWorkflowConverter.convert(json(Fixtures.bundled("workflows/ui/kj_wanvideo_2_2_I2V_A14B_example_WIP.json")), DEFS).graph();
        var samplers = g.nodes().values().stream().filter(n -> n.classType().equals("WanVideoSampler")).toList();
        assertEquals(2, samplers.size());
        for (Node s : samplers) {
            InputValue steps = s.inputs().get("steps");
            assertTrue(steps instanceof InputValue.Link, "steps is a link: " + steps);
            assertEquals("INTConstant", g.node(((InputValue.Link) steps).sourceId()).classType());
            org.junit.jupiter.api.Assertions.assertFalse(s.inputs().containsKey("control_after_generate"), "UI-only value skipped");
            assertTrue(s.inputs().get("scheduler") instanceof InputValue.Literal);
        }
    }

    @Test
    void subgraphInnerNodesGetInstancePrefixedIdsAndPromotedWidgetValues() throws Exception {
        var g = UiWorkflowConverter.convert(json(Fixtures.shared("workflows/ui/xx_lora_embedding_vae_subgraph.json")), DEFS).graph();
        // instance 17 holds KSampler 8 and its promoted widgets [123, 20, 8, "dpmpp_2m", "karras", 1, ...]
        Node inner = g.node("17:8");
        assertEquals("KSampler", inner.classType());
        assertEquals(123, inner.inputs().get("seed") instanceof InputValue.Literal l ? l.value().asInt() : -1);
        assertEquals("dpmpp_2m", ((InputValue.Literal) inner.inputs().get("sampler_name")).value().asText());
        assertTrue(inner.inputs().get("model") instanceof InputValue.Link, "model wired through the subgraph input");
    }

    /**
     * KSamplerAdvanced 57 of the Wan2.2 14B workflow stores [enable, 738226772790037, "randomize", …],
     * 58 stores [disable, 0, "fixed", …]: only 57's noise_seed is changed by the frontend after a queue.
     */
    @Test
    void changingSeedControlsAreKeptOnTheNode() throws Exception {
        Graph g = UiWorkflowConverter.convert(json(Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json")), DEFS).graph();
        assertEquals(java.util.Map.of("noise_seed", "randomize"), g.node("57").runControls());
        assertEquals(java.util.Map.of(), g.node("58").runControls());
        assertEquals(java.util.Map.of(), g.withoutRunControls().node("57").runControls());
    }

    /** A primitive node's control travels with its value to the widget it feeds; a link replaces the widget's own control. */
    @Test
    void aPrimitivesControlFollowsItsValue() throws Exception {
        JsonNode wf = LenientJson.parse("""
            {"nodes": [
              {"id": 1, "type": "PrimitiveNode", "outputs": [{"name": "INT", "type": "INT", "links": [1]}], "widgets_values": [77, "increment"]},
              {"id": 2, "type": "KSampler", "inputs": [{"name": "seed", "type": "INT", "widget": {"name": "seed"}, "link": 1}],
               "widgets_values": [5, "randomize", 20, 7, "euler", "normal", 1]}],
             "links": [[1, 1, 0, 2, 0, "INT"]]}""");
        Graph g = UiWorkflowConverter.convert(wf, DEFS).graph();
        assertEquals(77L, ((InputValue.Literal) g.node("2").inputs().get("seed")).value().asLong());
        assertEquals(java.util.Map.of("seed", "increment"), g.node("2").runControls());
    }

    /**
     * Nodes as the anchor's example workflow flux-LoRA-Manager.json and the workflow templates store them:
     * LoRA Manager's Lora Loader keeps its text and LORAS widgets (no sockets; the backend lists them as
     * inputs) after the model/clip/lora_stack sockets; SaveAnimatedWEBP and LoadImage end with a
     * frontend-only "" (text_to_video_wan.json, wanvideo_2_1_14B_skyreels_a2_example_01.json); Display Any
     * (rgthree) keeps the text it shows, which no definition names, so that one still warns.
     */
    @Test
    void customWidgetTypesAreNamedAndTrailingFrontendStateIsDropped() throws Exception {
        JsonNode wf = LenientJson.parse("""
            {"nodes": [
              {"id": 1, "type": "Lora Loader (LoraManager)", "inputs": [{"name": "model", "type": "MODEL", "link": null},
                 {"name": "clip", "type": "CLIP", "link": null}, {"name": "lora_stack", "type": "LORA_STACK", "link": null}],
               "widgets_values": ["<lora:FluxMythG0thicL1nes:0.47:0.35>",
                 [{"name": "FluxMythG0thicL1nes", "strength": 0.47, "active": true, "expanded": true, "clipStrength": 0.35}]]},
              {"id": 2, "type": "SaveAnimatedWEBP", "inputs": [{"name": "images", "type": "IMAGE", "link": null}],
               "widgets_values": ["ComfyUI", 16, false, 90, "default", ""]},
              {"id": 3, "type": "LoadImage", "widgets_values": ["pasted/image (812).png", "image", ""]},
              {"id": 4, "type": "Display Any (rgthree)", "inputs": [{"name": "source", "type": "*", "link": null}], "widgets_values": ["1.0"]}],
             "links": []}""");
        var converted = UiWorkflowConverter.convert(wf, DEFS);
        Graph g = converted.graph();
        assertEquals(List.of("text", "loras"), List.copyOf(g.node("1").inputs().keySet()));
        assertEquals("FluxMythG0thicL1nes", ((InputValue.Literal) g.node("1").inputs().get("loras")).value().get(0).get("name").asText());
        assertEquals(List.of("filename_prefix", "fps", "lossless", "quality", "method"), List.copyOf(g.node("2").inputs().keySet()));
        assertEquals(List.of("image"), List.copyOf(g.node("3").inputs().keySet()));
        assertEquals(List.of("Display Any (rgthree) has 1 widget values, the definition knows 0; the extra ones are kept as widget_N"), converted.warnings());
    }
}

