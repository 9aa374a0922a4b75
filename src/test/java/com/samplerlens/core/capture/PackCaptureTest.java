package com.samplerlens.core.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.edit.SamplerField;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.render.ParametersRenderer;
import com.samplerlens.core.render.RenderOptions;
import com.samplerlens.core.trace.MultiSamplerOverride;
import com.samplerlens.core.trace.TestGraphs;
import com.samplerlens.core.trace.TraceOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Capture rules of node packs as the anchor's rule files name their inputs (SaveImageWithMetaDataUniversal
 * 1.4.2: ext/lora_manager.py, PCLazyLoraLoader.py, easyuse_nodes.py …) and of the constant nodes of Image
 * Saver and SD Prompt Reader, on API prompts shaped as those packs write them (the LoRA Manager and
 * prompt-control nodes are taken from the anchor's own test workflows flux-LoRA-Manager.json and
 * flux-PC-LoRA-inline-Inspire-KSampler.json).
 */
class PackCaptureTest {

    private static ComposedMetadata compose(Graph g, TraceOptions t) {
        return MetadataComposer.bundled().compose(g, t, HashLookup.NONE);
    }

    private static List<String> loraNames(FlatFields f) {
        return f.loras().stream().map(LoraInfo::name).toList();
    }

    @Test
    void promptControlTagsThroughSeargePromptText() {
        Graph g = TestGraphs.api("""
            {"1": {"class_type": "UNETLoader", "inputs": {"unet_name": "flux1-dev.safetensors", "weight_dtype": "default"}},
             "2": {"class_type": "SeargePromptText", "inputs": {"prompt": "<lora:3d-anaglyphs:0.7> \\n<lora:aidmaAbadonedHorror-FLUX-V0.1:0.5> \\n<lora:Elden_Ring_Style:0.5:0.25>\\n"}},
             "3": {"class_type": "PCLazyLoraLoader", "inputs": {"text": ["2", 0], "model": ["1", 0], "clip": ["1", 1]}},
             "4": {"class_type": "KSampler", "inputs": {"seed": 1, "steps": 20, "cfg": 1.0, "sampler_name": "deis", "scheduler": "karras", "denoise": 1.0,
                    "model": ["3", 0], "positive": ["5", 0], "negative": ["5", 0], "latent_image": ["6", 0]}},
             "5": {"class_type": "CLIPTextEncode", "inputs": {"text": "a castle", "clip": ["3", 1]}},
             "6": {"class_type": "EmptyLatentImage", "inputs": {"width": 832, "height": 1216, "batch_size": 1}},
             "7": {"class_type": "SaveImage", "inputs": {"images": ["4", 0]}}}""");
        FlatFields f = compose(g, TraceOptions.defaults()).flat();
        assertEquals(List.of("3d-anaglyphs", "aidmaAbadonedHorror-FLUX-V0.1", "Elden_Ring_Style"), loraNames(f));
        assertEquals(0.7, f.loras().get(0).strengthModel());
        assertEquals(0.7, f.loras().get(0).strengthClip());
        assertEquals(0.5, f.loras().get(2).strengthModel());
        assertEquals(0.25, f.loras().get(2).strengthClip());
    }

    @Test
    void loraManagerListSkipsInactiveEntriesAndTextLoaderReadsItsSyntax() {
        Graph g = TestGraphs.api("""
            {"1": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "model.safetensors"}},
             "17": {"class_type": "Lora Stacker (LoraManager)", "inputs": {"text": "<lora:aether-core-3:0.10>",
                    "loras": {"__value__": [{"name": "aether-core-3", "strength": 0.1, "active": true, "clipStrength": 0.1},
                                            {"name": "switched-off", "strength": 0.5, "active": false, "clipStrength": 0.5}]}}},
             "22": {"class_type": "PrimitiveStringMultiline", "inputs": {"value": "<lora:Comic book opus 3:0.51>\\n<lora:bilibin:0.21>"}},
             "20": {"class_type": "LoRA Text Loader (LoraManager)", "inputs": {"model": ["1", 0], "lora_syntax": ["22", 0], "clip": ["1", 1], "lora_stack": ["17", 0]}},
             "4": {"class_type": "KSampler", "inputs": {"seed": 1, "steps": 20, "cfg": 7.0, "sampler_name": "euler", "scheduler": "normal", "denoise": 1.0,
                    "model": ["20", 0], "positive": ["5", 0], "negative": ["5", 0], "latent_image": ["6", 0]}},
             "5": {"class_type": "CLIPTextEncode", "inputs": {"text": "a castle", "clip": ["20", 1]}},
             "6": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 512, "batch_size": 1}},
             "7": {"class_type": "SaveImage", "inputs": {"images": ["4", 0]}}}""");
        FlatFields f = compose(g, TraceOptions.defaults()).flat();
        assertEquals(List.of("Comic book opus 3", "bilibin", "aether-core-3"), loraNames(f));
        assertEquals(0.21, f.loras().get(1).strengthModel());
        assertEquals(0.1, f.loras().get(2).strengthClip());
    }

    @Test
    void easyLoraStackAndComfyrollStackHonourTheirSwitches() {
        Graph g = TestGraphs.api("""
            {"1": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "model.safetensors"}},
             "2": {"class_type": "easy loraStack", "inputs": {"toggle": true, "mode": "advanced", "num_loras": 2,
                    "lora_1_name": "a.safetensors", "lora_1_strength": 1.0, "lora_1_model_strength": 0.8, "lora_1_clip_strength": 0.6,
                    "lora_2_name": "b.safetensors", "lora_2_strength": 1.0, "lora_2_model_strength": 0.4, "lora_2_clip_strength": 0.3,
                    "lora_3_name": "beyond-num-loras.safetensors", "lora_3_strength": 1.0, "lora_3_model_strength": 1.0, "lora_3_clip_strength": 1.0}},
             "3": {"class_type": "CR LoRA Stack", "inputs": {"switch_1": "On", "lora_name_1": "c.safetensors", "model_weight_1": 1.02, "clip_weight_1": 1.0,
                    "switch_2": "Off", "lora_name_2": "off.safetensors", "model_weight_2": 1.0, "clip_weight_2": 1.0,
                    "switch_3": "On", "lora_name_3": "None", "model_weight_3": 1.0, "clip_weight_3": 1.0, "lora_stack": ["2", 0]}},
             "4": {"class_type": "CR Apply LoRA Stack", "inputs": {"model": ["1", 0], "clip": ["1", 1], "lora_stack": ["3", 0]}},
             "5": {"class_type": "KSampler", "inputs": {"seed": 1, "steps": 20, "cfg": 7.0, "sampler_name": "euler", "scheduler": "normal", "denoise": 1.0,
                    "model": ["4", 0], "positive": ["6", 0], "negative": ["6", 0], "latent_image": ["7", 0]}},
             "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a castle", "clip": ["4", 1]}},
             "7": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 512, "batch_size": 1}},
             "8": {"class_type": "SaveImage", "inputs": {"images": ["5", 0]}}}""");
        FlatFields f = compose(g, TraceOptions.defaults()).flat();
        assertEquals(List.of("c.safetensors", "a.safetensors", "b.safetensors"), loraNames(f));
        assertEquals(1.02, f.loras().get(0).strengthModel());
        assertEquals(0.8, f.loras().get(1).strengthModel());
        assertEquals(0.6, f.loras().get(1).strengthClip());
    }

    /** Input Parameters (Image Saver): the newer pack adds sampler_name / scheduler_name outputs, found by its include_seed input. */
    @Test
    void imageSaverInputParametersByVersion() {
        String newer = """
            {"1": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "model.safetensors"}},
             "2": {"class_type": "Input Parameters (Image Saver)", "inputs": {"seed": 5, "steps": 24, "cfg": 6.5, "sampler": "dpmpp_2m", "scheduler": "karras",
                    "denoise": 0.9, "string_prefix": ", ", "include_seed": true}},
             "4": {"class_type": "KSampler", "inputs": {"seed": ["2", 0], "steps": ["2", 1], "cfg": ["2", 2], "sampler_name": ["2", 3], "scheduler": ["2", 5],
                    "denoise": ["2", 7], "model": ["1", 0], "positive": ["5", 0], "negative": ["5", 0], "latent_image": ["6", 0]}},
             "5": {"class_type": "CLIPTextEncode", "inputs": {"text": "a castle", "clip": ["1", 1]}},
             "6": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 512, "batch_size": 1}},
             "7": {"class_type": "SaveImage", "inputs": {"images": ["4", 0]}}}""";
        FlatFields f = compose(TestGraphs.api(newer), TraceOptions.defaults()).flat();
        assertEquals(24L, f.steps());
        assertEquals(6.5, f.cfg());
        assertEquals("dpmpp_2m", f.sampler());
        assertEquals("karras", f.scheduler());
        assertEquals(0.9, f.denoise());
        assertEquals(5L, f.seed().asLong());
        // the older pack: six outputs, scheduler at 4 and denoise at 5
        String older = newer.replace(", \"string_prefix\": \", \", \"include_seed\": true", "")
                .replace("\"scheduler\": [\"2\", 5]", "\"scheduler\": [\"2\", 4]").replace("\"denoise\": [\"2\", 7]", "\"denoise\": [\"2\", 5]");
        FlatFields o = compose(TestGraphs.api(older), TraceOptions.defaults()).flat();
        assertEquals("karras", o.scheduler());
        assertEquals(0.9, o.denoise());
    }

    /** A seed of -1 (rgthree's and SD Prompt Reader's "random") ran as some other seed: left out, with a warning. */
    @Test
    void randomSeedIsLeftOutWithAWarning() {
        Graph g = TestGraphs.api("""
            {"1": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "model.safetensors"}},
             "2": {"class_type": "Seed (rgthree)", "inputs": {"seed": -1}},
             "4": {"class_type": "KSampler", "inputs": {"seed": ["2", 0], "steps": 20, "cfg": 7.0, "sampler_name": "euler", "scheduler": "normal", "denoise": 1.0,
                    "model": ["1", 0], "positive": ["5", 0], "negative": ["5", 0], "latent_image": ["6", 0]}},
             "5": {"class_type": "CLIPTextEncode", "inputs": {"text": "a castle", "clip": ["1", 1]}},
             "6": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 512, "batch_size": 1}},
             "7": {"class_type": "SaveImage", "inputs": {"images": ["4", 0]}}}""");
        ComposedMetadata m = compose(g, TraceOptions.defaults());
        assertNull(m.flat().seed());
        assertTrue(m.warnings().stream().anyMatch(w -> w.contains("seed -1") && w.contains("KSampler node 4") && w.contains("from node 2")), m.warnings().toString());
        assertTrue(!ParametersRenderer.render(m, RenderOptions.defaults()).contains("Seed:"));
    }

    /** ManualSigmas: n sigmas are n − 1 steps; a sampler with nothing resolved writes no empty Sampler_N. */
    @Test
    void manualSigmasStepsAndNoEmptySamplerLine() {
        Graph g = TestGraphs.api("""
            {"1": {"class_type": "UNETLoader", "inputs": {"unet_name": "ltx.safetensors", "weight_dtype": "default"}},
             "2": {"class_type": "ManualSigmas", "inputs": {"sigmas": "1., 0.99375, 0.9875, 0.98125, 0.975, 0.909375, 0.725, 0.421875, 0.0"}},
             "3": {"class_type": "KSamplerSelect", "inputs": {"sampler_name": "euler"}},
             "4": {"class_type": "RandomNoise", "inputs": {"noise_seed": 45}},
             "5": {"class_type": "CFGGuider", "inputs": {"cfg": 1.0, "model": ["1", 0], "positive": ["6", 0], "negative": ["6", 0]}},
             "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a castle", "clip": ["1", 1]}},
             "7": {"class_type": "SamplerCustomAdvanced", "inputs": {"noise": ["4", 0], "guider": ["5", 0], "sampler": ["3", 0], "sigmas": ["2", 0], "latent_image": ["8", 0]}},
             "8": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 512, "batch_size": 1}},
             "9": {"class_type": "SaveImage", "inputs": {"images": ["7", 0]}}}""");
        ComposedMetadata m = compose(g, TraceOptions.defaults().withOverride(MultiSamplerOverride.FORCE_MULTI));
        assertEquals(8L, m.samplers().getFirst().steps());
        assertEquals(1.0, m.samplers().getFirst().cfg());
        assertEquals(45L, m.samplers().getFirst().seed().asLong());

        SamplerFields empty = new SamplerFields(1, "7", "SamplerCustomAdvanced", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, List.of());
        ComposedMetadata blank = new ComposedMetadata(m.trace(), m.flatSamplerId(), m.flat(), List.of(empty), m.notes(), m.warnings(), m.sources());
        String params = ParametersRenderer.render(blank, RenderOptions.defaults());
        assertTrue(!params.contains("Sampler_1:"), params);
    }

    @Test
    void startAndEndAreSelectorAliases() {
        assertEquals(SamplerField.START_STEP, SamplerField.byName("start").orElseThrow());
        assertEquals(SamplerField.END_STEP, SamplerField.byName("End").orElseThrow());
    }

    /**
     * A hires pass on KSampler (Efficient) takes its conditioning from the first pass's CONDITIONING+/- outputs
     * (1 and 2) and its model from the MODEL output (0): the prompt and model searches pass that sampler there, and nowhere else.
     */
    @Test
    void efficientSamplerHandsItsConditioningOn() {
        Graph g = TestGraphs.api("""
            {"1": {"class_type": "Efficient Loader", "inputs": {"ckpt_name": "rv.safetensors", "vae_name": "Baked VAE", "clip_skip": -2, "lora_name": "None",
                    "lora_model_strength": 1.0, "lora_clip_strength": 1.0, "positive": "a girl in the clouds", "negative": "lowres",
                    "token_normalization": "none", "weight_interpretation": "comfy", "empty_latent_width": 512, "empty_latent_height": 512, "batch_size": 1}},
             "2": {"class_type": "KSampler (Efficient)", "inputs": {"seed": 1, "steps": 20, "cfg": 7.5, "sampler_name": "euler", "scheduler": "normal", "denoise": 1.0,
                    "preview_method": "none", "vae_decode": "true", "model": ["1", 0], "positive": ["1", 1], "negative": ["1", 2], "latent_image": ["1", 3], "optional_vae": ["1", 4]}},
             "3": {"class_type": "KSampler (Efficient)", "inputs": {"seed": 2, "steps": 12, "cfg": 7.5, "sampler_name": "euler", "scheduler": "normal", "denoise": 0.5,
                    "preview_method": "none", "vae_decode": "true", "model": ["2", 0], "positive": ["2", 1], "negative": ["2", 2], "latent_image": ["2", 3], "optional_vae": ["2", 4]}},
             "4": {"class_type": "SaveImage", "inputs": {"images": ["3", 5]}}}""");
        ComposedMetadata m = compose(g, TraceOptions.defaults().withMaxSamplers(2));
        SamplerFields hires = m.samplers().stream().filter(s -> s.nodeId().equals("3")).findFirst().orElseThrow();
        assertEquals("a girl in the clouds", hires.positive());
        assertEquals("lowres", hires.negative());
        assertEquals(0.5, hires.denoise());
        assertEquals("rv.safetensors", hires.model()); // through the first pass's MODEL output
    }

    /**
     * The anchor 1.4.2 (ext/rgthree.py, ext/XTNodes.py) reads lora_N inputs holding {on, lora, strength} from
     * rgthree's Power Lora Loader and XTNodes' LoraLoaderWithPreviews, skips those switched off, and writes
     * the strength as model and clip strength; Lora Loader Stack (rgthree)'s strength_NN is both too.
     */
    @Test
    void powerLoraLoaderLoraLoaderWithPreviewsAndRgthreeStackWriteTheStrengthAsClipStrength() {
        Graph g = TestGraphs.api("""
            {"1": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "model.safetensors"}},
             "2": {"class_type": "Power Lora Loader (rgthree)", "inputs": {"PowerLoraLoaderHeaderWidget": {"type": "PowerLoraLoaderHeaderWidget"},
                    "lora_1": {"on": true, "lora": "detail.safetensors", "strength": 0.8},
                    "lora_2": {"on": false, "lora": "off.safetensors", "strength": 1.0},
                    "➕ Add Lora": "", "model": ["1", 0], "clip": ["1", 1]}},
             "3": {"class_type": "LoraLoaderWithPreviews", "inputs": {"lora_1": {"on": true, "lora": "style.safetensors", "strength": 0.6},
                    "model": ["2", 0], "clip": ["2", 1]}},
             "8": {"class_type": "Lora Loader Stack (rgthree)", "inputs": {"lora_01": "stack.safetensors", "strength_01": 0.4,
                    "lora_02": "None", "strength_02": 1.0, "lora_03": "None", "strength_03": 1.0, "lora_04": "None", "strength_04": 1.0,
                    "model": ["3", 0], "clip": ["3", 1]}},
             "4": {"class_type": "KSampler", "inputs": {"seed": 1, "steps": 20, "cfg": 7.0, "sampler_name": "euler", "scheduler": "normal", "denoise": 1.0,
                    "model": ["8", 0], "positive": ["5", 0], "negative": ["5", 0], "latent_image": ["6", 0]}},
             "5": {"class_type": "CLIPTextEncode", "inputs": {"text": "a castle", "clip": ["8", 1]}},
             "6": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 512, "batch_size": 1}},
             "7": {"class_type": "SaveImage", "inputs": {"images": ["4", 0]}}}""");
        FlatFields f = compose(g, TraceOptions.defaults()).flat();
        assertEquals(List.of("stack.safetensors", "style.safetensors", "detail.safetensors"), loraNames(f));
        assertEquals(0.4, f.loras().get(0).strengthClip());
        assertEquals(0.6, f.loras().get(1).strengthModel());
        assertEquals(0.6, f.loras().get(1).strengthClip());
        assertEquals(0.8, f.loras().get(2).strengthModel());
        assertEquals(0.8, f.loras().get(2).strengthClip());
    }

    /** Image Saver's UNet loader with Name: its unet_name is the model, as UNETLoader's is; weight_dtype is kept. */
    @Test
    void imageSaverUnetLoaderWithName() {
        Graph g = TestGraphs.api("""
            {"1": {"class_type": "UNet loader with Name (Image Saver)", "inputs": {"unet_name": "flux/flux1-dev.safetensors", "weight_dtype": "fp8_e4m3fn"}},
             "4": {"class_type": "KSampler", "inputs": {"seed": 1, "steps": 20, "cfg": 1.0, "sampler_name": "euler", "scheduler": "simple", "denoise": 1.0,
                    "model": ["1", 0], "positive": ["5", 0], "negative": ["5", 0], "latent_image": ["6", 0]}},
             "5": {"class_type": "CLIPTextEncode", "inputs": {"text": "a castle", "clip": ["9", 0]}},
             "9": {"class_type": "CLIPLoader", "inputs": {"clip_name": "t5xxl.safetensors", "type": "flux"}},
             "6": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 512, "batch_size": 1}},
             "7": {"class_type": "SaveImage", "inputs": {"images": ["4", 0]}}}""");
        FlatFields f = compose(g, TraceOptions.defaults()).flat();
        assertEquals("flux1-dev.safetensors", f.model());
        assertEquals("fp8_e4m3fn", f.weightDtype());
    }
}

