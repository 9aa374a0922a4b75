package com.samplerlens.core.inspect;

import com.samplerlens.core.capture.MetadataComposer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.capture.SamplerFields;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.trace.SamplerAttribution;
import com.samplerlens.core.trace.TestGraphs;
import com.samplerlens.core.trace.TraceMode;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real fixtures: attribution and fields of every sampler, expected values read from the files by hand. */
class RealWorkflowsTest {

    private static final Inspector INSPECTOR = Inspector.bundled();

    private static InspectReport inspect(Graph g, TraceOptions t) {
        return INSPECTOR.inspect(g, SourceTexts.NONE, InspectOptions.defaults().withTrace(t));
    }

    private static SamplerAttribution attribution(InspectReport r, String id) {
        return r.composed().trace().samplers().stream().filter(s -> s.nodeId().equals(id)).findFirst().orElseThrow();
    }

    private static SamplerFields fields(InspectReport r, int number) {
        return r.composed().samplers().stream().filter(s -> s.number() == number).findFirst().orElseThrow();
    }

    @Test
    void sdxlBaseAndRefiner() {
        Graph g = TestGraphs.file(Fixtures.bundled("workflows/api/ce_sdxl_refiner_prompt_example.prompt.json"));
        InspectReport r = inspect(g, TraceOptions.defaults().withMaxSamplers(2));
        assertEquals("19", r.composed().trace().saveNodeId());
        assertEquals(TraceMode.MULTI, r.composed().trace().mode());
        assertEquals(List.of("4", "5", "6", "7"), attribution(r, "10").attributed());
        assertEquals(List.of("12", "15", "16"), attribution(r, "11").attributed());
        assertEquals(List.of("17"), r.composed().trace().shared());

        SamplerFields base = fields(r, 1);
        assertEquals("10", base.nodeId());
        assertEquals("sd_xl_base_1.0.safetensors", base.model());
        assertEquals(25L, base.steps());
        assertEquals(0L, base.startStep());
        assertEquals(20L, base.endStep());
        assertEquals(8.0, base.cfg());
        assertEquals("euler", base.sampler());
        assertEquals("normal", base.scheduler());
        assertEquals("6767725640732", base.seed().asText());
        assertEquals("daytime sky nature dark blue galaxy bottle", base.positive());
        assertEquals("text, watermark", base.negative());

        SamplerFields refiner = fields(r, 2);
        assertEquals("11", refiner.nodeId());
        assertEquals("sd_xl_refiner_1.0.safetensors", refiner.model());
        assertEquals(20L, refiner.startStep());
        assertEquals(25L, refiner.endStep()); // end_at_step 10000 = to the last step
        assertEquals("0", refiner.seed().asText());
        assertEquals("daytime scenery  sky nature dark blue bottle with a galaxy stars milky way in it", refiner.positive());

        String p = r.bundle().parameters();
        assertEquals("""
                daytime sky nature dark blue galaxy bottle
                Negative prompt: text, watermark
                Steps: 25, Sampler: euler_normal, CFG scale: 8.0, Seed: 6767725640732, Size: 1024x1024, \
                Model: sd_xl_base_1.0.safetensors, \
                Samplers: Sampler_1[0-20] euler/normal; Sampler_2[20-25] euler/normal, \
                Sampler_1: "model=sd_xl_base_1.0.safetensors; steps=25; start=0; end=20; sampler=euler; scheduler=normal; cfg=8.0; seed=6767725640732", \
                Sampler_2: "model=sd_xl_refiner_1.0.safetensors; steps=25; start=20; end=25; sampler=euler; scheduler=normal; cfg=8.0; seed=0", \
                Metadata generator version: 0.1.0""", p);
        assertEquals("[{\"number\":1,\"node_id\":\"10\",\"class_type\":\"KSamplerAdvanced\",\"model\":\"sd_xl_base_1.0.safetensors\","
                + "\"sampler\":\"euler\",\"scheduler\":\"normal\",\"steps\":25,\"start_step\":0,\"end_step\":20,\"cfg\":8.0,\"seed\":6767725640732,\"loras\":[]},"
                + "{\"number\":2,\"node_id\":\"11\",\"class_type\":\"KSamplerAdvanced\",\"model\":\"sd_xl_refiner_1.0.safetensors\","
                + "\"sampler\":\"euler\",\"scheduler\":\"normal\",\"steps\":25,\"start_step\":20,\"end_step\":25,\"cfg\":8.0,\"seed\":0,\"loras\":[]}]",
                r.bundle().samplersDetail());
    }

    @Test
    void flatFieldsDoNotDependOnMaxSamplers() {
        Graph g = TestGraphs.file(Fixtures.bundled("workflows/api/ce_sdxl_refiner_prompt_example.prompt.json"));
        InspectReport single = inspect(g, TraceOptions.defaults());
        InspectReport multi = inspect(g, TraceOptions.defaults().withMaxSamplers(2));
        assertEquals(single.composed().flat(), multi.composed().flat());
        assertNull(single.bundle().samplersDetail());
        assertEquals(List.of("10"), single.composed().samplers().stream().map(SamplerFields::nodeId).toList());
        assertEquals("""
                daytime sky nature dark blue galaxy bottle
                Negative prompt: text, watermark
                Steps: 25, Sampler: euler_normal, CFG scale: 8.0, Seed: 6767725640732, Size: 1024x1024, \
                Model: sd_xl_base_1.0.safetensors, Metadata generator version: 0.1.0""", single.bundle().parameters());
    }

    @Test
    void hiresFixLatentFromTheSecondSaveNode() {
        Graph g = TestGraphs.file(Fixtures.bundled("workflows/api/ce_hiresfix_latent_workflow.prompt.json"));
        InspectReport first = inspect(g, TraceOptions.defaults().withMaxSamplers(2).withSaveNode("9"));
        assertEquals(TraceMode.SINGLE, first.composed().trace().mode()); // the first pass's preview: one sampler
        // the default (spec §2 as changed 2026-12-01) is the output with the most samplers upstream: 12, the second pass
        assertEquals("12", com.samplerlens.core.trace.SaveNodeChoice.choose(g, MetadataComposer.bundled().tracer().classifier(), c -> false,
                null, () -> null, id -> null).chosen());

        InspectReport r = inspect(g, TraceOptions.defaults().withMaxSamplers(2).withSaveNode("12"));
        assertEquals(TraceMode.MULTI, r.composed().trace().mode());
        assertEquals(List.of("5", "6", "7", "16"), attribution(r, "3").attributed());
        assertEquals(List.of("6", "7", "10", "16"), attribution(r, "11").attributed());
        assertEquals(List.of("13"), r.composed().trace().shared());
        SamplerFields hires = fields(r, 2);
        assertEquals("11", hires.nodeId());
        assertEquals(0.5, hires.denoise());
        assertEquals("dpmpp_2m", hires.sampler());
        assertEquals("simple", hires.scheduler());
        assertEquals(14L, hires.steps());
        assertEquals("v2-1_768-ema-pruned.ckpt", hires.model());
        SamplerFields base = fields(r, 1);
        assertEquals("3", base.nodeId());
        assertEquals(1.0, base.denoise());
        assertEquals("89848141647836", base.seed().asText());
        // the flat fields follow the anchor: Farthest = the first pass, its size from EmptyLatentImage
        assertTrue(r.bundle().parameters().contains("Steps: 12, Sampler: dpmpp_sde_normal, CFG scale: 8.0, Denoise: 1.0, Seed: 89848141647836, Size: 768x768, Model: v2-1_768-ema-pruned.ckpt, Samplers: Sampler_1 dpmpp_sde/normal; Sampler_2 dpmpp_2m/simple, "),
                r.bundle().parameters());
    }

    @Test
    void hiresFixEsrganKeepsTheUpscalerOnTheSecondSampler() throws Exception {
        Graph g = TestGraphs.png(Fixtures.bundled("images/ce_hiresfix_esrgan_workflow.png"));
        InspectReport r = inspect(g, TraceOptions.defaults().withMaxSamplers(2).withSaveNode("12"));
        assertEquals(List.of("5", "6", "7", "25"), attribution(r, "3").attributed());
        assertEquals(List.of("6", "7", "20", "21", "22", "23", "24", "25"), attribution(r, "11").attributed());
        assertEquals(List.of("13"), r.composed().trace().shared());
        assertEquals("uni_pc_bh2", fields(r, 2).sampler());
        assertEquals("783745448521451", fields(r, 2).seed().asText());
    }

    @Test
    void stableCascadeStagesCAndB() throws Exception {
        Graph g = TestGraphs.png(Fixtures.bundled("images/ce_stable_cascade__text_to_image.png"));
        InspectReport r = inspect(g, TraceOptions.defaults().withMaxSamplers(3));
        assertEquals(List.of("6", "7", "34", "41"), attribution(r, "3").attributed());
        // 41 too: the prompt encoders take their CLIP from the stage C checkpoint
        assertEquals(List.of("6", "7", "34", "36", "41", "42"), attribution(r, "33").attributed());
        assertEquals(List.of("8"), r.composed().trace().shared());
        assertEquals("stable_cascade_stage_c.safetensors", fields(r, 1).model());
        assertEquals(4.0, fields(r, 1).cfg());
        assertEquals("stable_cascade_stage_b.safetensors", fields(r, 2).model());
        assertEquals(1.1, fields(r, 2).cfg());
        assertEquals(10L, fields(r, 2).steps());
        assertEquals("evening sunset scenery blue sky nature, glass bottle with a fizzy ice cold freezing rainbow liquid in it", fields(r, 2).positive());
    }

    @Test
    void wan22NativeMoePair() {
        Graph g = TestGraphs.file(Fixtures.bundled("workflows/api/ce_wan22_text_to_video_wan22_14B.prompt.json"));
        InspectReport r = inspect(g, TraceOptions.defaults().withMaxSamplers(4));
        // 28 SaveAnimatedWEBP and 47 SaveWEBM save the same image 8: a tie, the higher id wins
        assertEquals("47", r.composed().trace().saveNodeId());
        assertEquals(List.of("28", "47"), r.composed().trace().outputNodeIds());
        assertEquals(List.of("6", "7", "37", "38", "54", "61"), attribution(r, "57").attributed());
        assertEquals(List.of("6", "7", "38", "55", "56"), attribution(r, "58").attributed());
        assertEquals(List.of("8", "39"), r.composed().trace().shared());
        SamplerFields high = fields(r, 1);
        assertEquals("wan2.2_t2v_high_noise_14B_fp8_scaled.safetensors", high.model());
        assertEquals("wan_2.1_vae.safetensors", high.vae()); // from the shared VAE loader
        assertEquals(8.000000000000002, high.shift());
        SamplerFields low = fields(r, 2);
        assertEquals("wan2.2_t2v_low_noise_14B_fp8_scaled.safetensors", low.model());
        assertEquals(10L, low.startStep());
        assertEquals(20L, low.endStep());
        String neg = "色调艳丽，过曝，静态，细节模糊不清，字幕，风格，作品，画作，画面，静止，整体发灰，最差质量，低质量，JPEG压缩残留，丑陋的，残缺的，多余的手指，画得不好的手部，画得不好的脸部，畸形的，毁容的，形态畸形的肢体，手指融合，静止不动的画面，杂乱的背景，三条腿，背景人很多，倒着走";
        assertEquals("a robot is running through a futuristic cyberpunk city with neon signs and darkness with bright HDR lights\n"
                + "Negative prompt: " + neg + "\n"
                + "Steps: 20, Sampler: euler_simple, CFG scale: 3.5, Seed: 738226772790037, Size: 1280x704, Model: wan2.2_t2v_high_noise_14B_fp8_scaled.safetensors, "
                + "VAE: wan_2.1_vae.safetensors, CLIP_1 Model name: umt5_xxl_fp8_e4m3fn_scaled, "
                + "Samplers: High[0-10] euler/simple; Low[10-20] euler/simple, "
                + "Sampler_1: \"model=wan2.2_t2v_high_noise_14B_fp8_scaled.safetensors; steps=20; start=0; end=10; sampler=euler; scheduler=simple; cfg=3.5; shift=8.000000000000002; seed=738226772790037\", "
                + "Sampler_2: \"model=wan2.2_t2v_low_noise_14B_fp8_scaled.safetensors; steps=20; start=10; end=20; sampler=euler; scheduler=simple; cfg=3.5; shift=8.0; seed=0\", "
                + "Metadata generator version: 0.1.0", r.bundle().parameters());
    }

    @Test
    void wan22MultilineBlocks() {
        Graph g = TestGraphs.file(Fixtures.bundled("workflows/api/ce_wan22_text_to_video_wan22_14B.prompt.json"));
        InspectReport r = INSPECTOR.inspect(g, SourceTexts.NONE, InspectOptions.defaults()
                .withTrace(TraceOptions.defaults().withMaxSamplers(2))
                .withRender(com.samplerlens.core.render.RenderOptions.defaults().withMultiline(true)));
        String[] lines = r.bundle().parameters().split("\n");
        List<String> tail = List.of(lines).subList(lines.length - 25, lines.length);
        assertEquals(List.of("CLIP_1 Model name: umt5_xxl_fp8_e4m3fn_scaled",
                "Samplers: High[0-10] euler/simple; Low[10-20] euler/simple",
                "Sampler_1:", "Model: wan2.2_t2v_high_noise_14B_fp8_scaled.safetensors", "Steps: 20", "Start step: 0", "End step: 10",
                "Sampler: euler", "Scheduler: simple", "CFG scale: 3.5", "Shift: 8.000000000000002", "Seed: 738226772790037",
                "Sampler_2:", "Model: wan2.2_t2v_low_noise_14B_fp8_scaled.safetensors", "Steps: 20", "Start step: 10", "End step: 20",
                "Sampler: euler", "Scheduler: simple", "CFG scale: 3.5", "Shift: 8.0", "Seed: 0",
                "Metadata generator version: 0.1.0").subList(0, 23), tail.subList(2, 25));
        assertEquals("Steps: 20", lines[2]);
    }

    /** Comfy-Org template: values through PrimitiveInt/Float and ComfySwitchNode (switch = false → no LoRA, 20 steps). */
    @Test
    void wan22TemplateWithSwitches() {
        Graph g = TestGraphs.file(Fixtures.shared("workflows/api/tpl_benchmarks_video_wan2_2_14B_t2v.json"));
        InspectReport r = inspect(g, TraceOptions.defaults().withMaxSamplers(2));
        assertEquals("80", r.composed().trace().saveNodeId());
        assertEquals(List.of("128:114", "128:115", "128:116", "128:120", "128:122", "128:123", "128:124", "128:125", "128:126",
                "128:127", "128:129", "128:71", "128:72", "128:74", "128:75", "128:82", "128:89"), attribution(r, "128:81").attributed());
        assertEquals(List.of("128:114", "128:115", "128:116", "128:121", "128:122", "128:123", "128:124", "128:129",
                "128:71", "128:72", "128:76", "128:86", "128:89"), attribution(r, "128:78").attributed());
        assertEquals(List.of("128:73", "128:87", "128:88"), r.composed().trace().shared());
        SamplerFields high = fields(r, 1);
        assertEquals("128:81", high.nodeId());
        assertEquals("wan2.2_t2v_high_noise_14B_fp8_scaled.safetensors", high.model());
        assertEquals(List.of(), high.loras()); // the LoRA sits on the switch's dead branch
        assertEquals(20L, high.steps());
        assertEquals(0L, high.startStep());
        assertEquals(10L, high.endStep());
        assertEquals(3.5, high.cfg());
        assertEquals(5.000000000000001, high.shift());
        assertEquals("923510416338945", high.seed().asText());
        SamplerFields low = fields(r, 2);
        assertEquals("wan2.2_t2v_low_noise_14B_fp8_scaled.safetensors", low.model());
        assertEquals(10L, low.startStep());
        assertEquals(20L, low.endStep());
        assertEquals("wan_2.1_vae.safetensors", low.vae());
        assertTrue(r.bundle().parameters().startsWith("Beautiful young European woman"));
        assertTrue(r.bundle().parameters().contains("Steps: 20, Sampler: euler_simple, CFG scale: 3.5, Seed: 923510416338945, "), r.bundle().parameters());
    }
}
