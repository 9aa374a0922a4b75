package com.samplerlens.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.capture.FlatFields;
import com.samplerlens.core.capture.SamplerFields;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Per-sampler and flat values of the real-world fixtures (../shared/fixtures/realworld, see its
 * SOURCES.md), traced from the file's own prompt. Every expected value was read by hand from the
 * file's graph; the comment above each assertion names the node it comes from.
 */
class RealWorldValuesTest {

    private static final SourceLoader LOADER = new SourceLoader(NodeDefinitions.bundled());
    /**
     * For the UI-only workflows: ComfyUI core classes from a real object_info dump (../shared/data), and
     * the x-flux and Image Saver classes none of the dumps has (test data, from the packs' INPUT_TYPES).
     */
    private static final SourceLoader UI_LOADER;

    static {
        try {
            UI_LOADER = new SourceLoader(NodeDefinitions.bundled()
                    .withObjectInfo(Fixtures.sharedRoot().resolveSibling("data").resolve("object-info/2026-05_yuzuki-phone.json"))
                    .withObjectInfo(Fixtures.bundled("object-info/packs-not-in-the-dumps.json")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InspectReport inspect(String file, TraceOptions trace) throws Exception {
        Path p = Fixtures.shared("realworld/" + file);
        LoadedSource s = (file.endsWith(".json") && !file.startsWith("xx_") ? UI_LOADER : LOADER).load(p);
        return Inspector.bundled().inspect(s.graph(), SourceTexts.NONE, InspectOptions.defaults().withTrace(trace));
    }

    private static SamplerFields sampler(InspectReport r, String nodeId) {
        return r.composed().samplers().stream().filter(s -> s.nodeId().equals(nodeId)).findFirst().orElseThrow();
    }

    /** An image sampler (17) and an SVD video sampler (3) behind it: the video sampler has no prompt of its own. */
    @Test
    void secondSamplerDoesNotTakeTheFirstOnesPrompts() throws Exception {
        InspectReport r = inspect("ce_txt_to_image_to_video.webp", TraceOptions.defaults().withMaxSamplers(2));
        SamplerFields image = sampler(r, "17");
        // CLIPTextEncode 18 and 19 on KSampler 17's positive / negative
        assertEquals("photograph beautiful scenery nature mountains alps river rapids snow sky cumulus clouds", image.positive());
        assertEquals("text, watermark", image.negative());
        assertEquals("sd_xl_1.0.safetensors", image.model());
        SamplerFields video = sampler(r, "3");
        // KSampler 3's conditioning comes from SVD_img2vid_Conditioning 12, whose only text path runs through sampler 17
        assertNull(video.positive());
        assertNull(video.negative());
        // ImageOnlyCheckpointLoader 15
        assertEquals("svd_xt.safetensors", video.model());
        assertEquals(20L, video.steps());
        assertEquals(2.5, video.cfg());
        assertEquals("euler", video.sampler());
        assertEquals("karras", video.scheduler());
        assertEquals("237514639057514", video.seed().asText());
        String params = r.bundle().parameters();
        assertTrue(params.contains("Sampler_2: \"model=svd_xt.safetensors; steps=20; sampler=euler; scheduler=karras; cfg=2.5; denoise=1.0; seed=237514639057514\""), params);
    }

    /** KSampler 3's negative is ConditioningZeroOut 16 of the positive CLIPTextEncode 6: an empty prompt, not the positive text. */
    @Test
    void conditioningZeroOutIsAnEmptyNegative() throws Exception {
        InspectReport r = inspect("ce_sd3_anime_example.png",
                TraceOptions.defaults().withOverride(com.samplerlens.core.trace.MultiSamplerOverride.FORCE_MULTI));
        SamplerFields s = sampler(r, "3");
        assertTrue(s.positive().startsWith("happy cute anime fox girl with massive fluffy fennec ears"), s.positive());
        assertEquals("", s.negative());
        assertNull(r.composed().flat().negative()); // no negative text captured: CLIPTextEncode 6 is only the positive
        assertEquals("Negative prompt: ", r.bundle().parameters().split("\n")[1]);
        // EmptySD3LatentImage 33
        assertEquals(1024L, r.composed().flat().width());
        assertEquals(1280L, r.composed().flat().height());
    }

    /** SamplerCustom 72 holds noise_seed and cfg itself; LTXVScheduler 71 the steps; KSamplerSelect 73 the sampler. */
    @Test
    void samplerCustomSeedCfgAndSchedulerSteps() throws Exception {
        InspectReport r = inspect("ce_ltxv_text_to_video.webp", TraceOptions.defaults());
        FlatFields f = r.composed().flat();
        assertEquals(30L, f.steps());
        assertEquals(3.0, f.cfg());
        assertEquals("497797676867141", f.seed().asText());
        assertEquals("euler", f.sampler());
        // EmptyLTXVLatentVideo 70
        assertEquals(768L, f.width());
        assertEquals(512L, f.height());
        assertEquals("ltx-video-2b-v0.9.safetensors", f.model());
        assertTrue(r.bundle().parameters().contains("Steps: 30, Sampler: euler, CFG scale: 3.0, Seed: 497797676867141, Size: 768x512, Model: ltx-video-2b-v0.9.safetensors"),
                r.bundle().parameters());
    }

    /** SamplerCustomAdvanced 13: steps from Flux2Scheduler 48, seed from RandomNoise 25, guidance from FluxGuidance 26. */
    @Test
    void flux2SchedulerSteps() throws Exception {
        InspectReport r = inspect("ce_flux2_example.png", TraceOptions.defaults());
        FlatFields f = r.composed().flat();
        assertEquals(20L, f.steps());
        assertEquals("435922656034510", f.seed().asText());
        assertEquals(4.0, f.guidance());
        assertEquals(1024L, f.width());
        assertEquals(1024L, f.height());
        assertEquals("flux2_dev_fp8mixed.safetensors", f.model());
    }

    /**
     * The anchor's own test workflow: LatentUpscaleBy 2 scales KSampler 8's 512x512 latent (EmptyLatentImage 14)
     * by 1.1 for KSampler 4. ComfyUI rounds the latent (64 × 1.1 → 70), so the image is 560x560; the anchor
     * wrote 563x563 into the 560x560 image it saved from this workflow.
     */
    @Test
    void latentUpscaleBySizeIsTheUpscaledSize() throws Exception {
        InspectReport r = inspect("xx_embedding_lora_vae_upscale_dual_sampler-near.json",
                TraceOptions.defaults().withMaxSamplers(2).withSelection(com.samplerlens.core.trace.SamplerSelection.NEAREST));
        FlatFields f = r.composed().flat();
        assertEquals(560L, f.width());
        assertEquals(560L, f.height());
        SamplerFields near = sampler(r, "4");
        assertEquals("guts, berserk, masterpiece, best quality, anime, upper body", near.positive());
        assertEquals("(low quality, worst quality:1.4), embedding:EasyNegative, embedding:FastNegativeV2, ", near.negative());
        assertEquals(0.6, near.denoise());
        assertEquals(2, near.loras().size());
    }

    /** No sampler line shows a step number that is no step: KSamplerAdvanced 58's end_at_step 10000 becomes the 20 steps. */
    @Test
    void noUnresolvedEndStep() throws Exception {
        InspectReport r = inspect("ce_sdxl_simple_example.png", TraceOptions.defaults().withMaxSamplers(2));
        String params = r.bundle().parameters();
        assertFalse(params.contains("10000"), params);
        assertFalse(params.contains("Sampler_1: \"\""), params);
        assertFalse(params.contains("Sampler_2: \"\""), params);
    }

    /**
     * x-flux (UI workflow only): XlabsSampler 3 is a sampler; its widgets [257762932021983, fixed, 25, 1, 3.5] are
     * noise_seed, control, steps, timestep_to_start_cfg, true_gs (the real CFG). Guidance 3.5 is the positive
     * CLIPTextEncodeFlux 5's, not the negative 19's 4.0. FluxLoraLoader 23 adds furry_lora at 0.9.
     */
    @Test
    void xlabsSampler() throws Exception {
        InspectReport r = inspect("xf_lora_workflow.json", TraceOptions.defaults());
        assertEquals("3", r.composed().flatSamplerId());
        FlatFields f = r.composed().flat();
        assertEquals(25L, f.steps());
        assertEquals(3.5, f.cfg());
        assertEquals(3.5, f.guidance());
        assertEquals("257762932021983", f.seed().asText());
        assertEquals("flux1-dev-fp8.safetensors", f.model());
        assertEquals("furry in the city with text \"hello world\"", f.t5Prompt());
        assertEquals(1, f.loras().size());
        assertEquals("furry_lora.safetensors", f.loras().getFirst().name());
        assertEquals(0.9, f.loras().getFirst().strengthModel());
    }

    /**
     * Image Saver (UI workflow only): KSampler 3's seed, steps, cfg, sampler, scheduler and denoise come from
     * outputs 0-5 of Input Parameters (Image Saver) 55 [seed 0 randomize, 20, 7, euler, beta, 1]; the prompts from
     * String Literal (Image Saver) 22 / 23; the size from Width/Height Literal (Image Saver) 12 / 13 (512);
     * the model from Checkpoint Loader with Name (Image Saver) 25.
     */
    @Test
    void imageSaverLiterals() throws Exception {
        InspectReport r = inspect("ims_example-workflow.json", TraceOptions.defaults());
        FlatFields f = r.composed().flat();
        assertEquals("beautiful scenery nature glass bottle landscape, purple galaxy bottle", f.positive());
        assertEquals("(worst quality, low quality, bad quality:1.3), embedding:ng_deepnegative_v1_75t, embedding:EasyNegative, embedding:badhandv4", f.negative());
        assertEquals(20L, f.steps());
        assertEquals(7.0, f.cfg());
        assertEquals("euler", f.sampler());
        assertEquals("beta", f.scheduler());
        assertEquals(1.0, f.denoise());
        assertEquals(512L, f.width());
        assertEquals(512L, f.height());
        assertEquals("theAllysMixIII_v10.safetensors", f.model());
        assertEquals(3, f.embeddings().size());
    }

    /**
     * kijai's Fun-Control workflow pairs WanVideoSampler 27 on Wan2_2-Fun-Control-Camera-A14B-HIGH with
     * WanVideoSampler 117 on Wan2_2-I2V-A14B-LOW: a high/low-noise split although the models differ otherwise.
     */
    @Test
    void funControlHighWithI2vLowIsAHighLowPair() throws Exception {
        LoadedSource s = LOADER.load(Fixtures.bundled("workflows/ui/kj_wanvideo_2_2_Fun_control_camera_example_01.json"));
        InspectReport r = Inspector.bundled().inspect(s.graph(), SourceTexts.NONE,
                InspectOptions.defaults().withTrace(TraceOptions.defaults().withMaxSamplers(2)));
        assertTrue(r.bundle().parameters().contains("Samplers: High[0-2] dpm++_sde; Low[2-6] dpm++_sde"), r.bundle().parameters());
    }

    /** LTX-2 distilled: ManualSigmas 5182 (9 sigmas) and 5183 (4 sigmas) give the two samplers 8 and 3 steps; CFGGuider 5151/5171 cfg 1. */
    @Test
    void manualSigmasSteps() throws Exception {
        InspectReport r = inspect("ltx_LTX-2_T2V_Distilled_wLora.json", TraceOptions.defaults().withMaxSamplers(2));
        assertEquals(8L, sampler(r, "5232:5159").steps());
        assertEquals(3L, sampler(r, "5232:5155").steps());
        assertEquals(1.0, sampler(r, "5232:5159").cfg());
        assertEquals(1.0, sampler(r, "5232:5155").cfg());
    }

    /**
     * SD Prompt Reader: SDParameterGenerator 20 feeds KSampler 18 and SDParameterGenerator 2 feeds
     * KSamplerAdvanced 4 (UI workflow only). Its widgets are [ckpt, vae, model_version, config, seed,
     * steps, refiner_start, cfg, sampler, scheduler, ascores, aspect_ratio, width, height, batch].
     */
    @Test
    void sdPromptReaderParameterGeneratorValues() throws Exception {
        InspectReport r = inspect("prn_hires_fix_example.png", TraceOptions.defaults().withMaxSamplers(2));
        SamplerFields hires = sampler(r, "18");
        // node 20: steps 15, cfg 8, dpmpp_2m / karras
        assertEquals(15L, hires.steps());
        assertEquals(8.0, hires.cfg());
        assertEquals("dpmpp_2m", hires.sampler());
        assertEquals("karras", hires.scheduler());
        SamplerFields base = sampler(r, "4");
        // node 2: dpmpp_2m / karras; its steps and cfg come from SDPromptReader 1, known only when ComfyUI runs
        assertEquals("dpmpp_2m", base.sampler());
        assertEquals("karras", base.scheduler());
        assertNull(base.steps());
        // both generators hold seed -1 ("random"): the seed that ran is unknown, so none is written
        assertNull(hires.seed());
        assertNull(base.seed());
        assertTrue(r.composed().warnings().stream().anyMatch(w -> w.contains("seed -1")), r.composed().warnings().toString());
        assertFalse(r.bundle().parameters().contains("Seed: -1"), r.bundle().parameters());
    }

    /**
     * Image Saver's example workflow file: KSampler 3 takes its seed from output 0 of Input Parameters
     * (Image Saver) 55, whose widgets are [0, "randomize", 20, 7, euler, beta, 1]. A saved workflow holds
     * the seed the next run would use (the frontend randomizes after queueing), so 0 is no seed that
     * made an image: left out with a warning naming both nodes; the other values stay.
     */
    @Test
    void randomizedSeedOfAWorkflowFileIsLeftOut() throws Exception {
        InspectReport r = inspect("ims_example-workflow.json", TraceOptions.defaults());
        assertNull(r.composed().flat().seed());
        assertEquals(20L, r.composed().flat().steps());
        assertTrue(r.composed().warnings().contains("seed 0 of KSampler node 3 (from node 55) is set to \"randomize\" after every run,"
                + " so a saved workflow holds the next run's seed, not one that made an image; it is left out"), r.composed().warnings().toString());
        assertFalse(r.bundle().parameters().contains("Seed:"), r.bundle().parameters());
    }

    /**
     * Wan2.2 14B template (workflow file): KSamplerAdvanced 81 (high noise) holds [enable, 392459563371087,
     * "randomize", …]; KSamplerAdvanced 78 (low noise) [disable, 0, "fixed", …]. 81's seed is left out and
     * the fixed 0 of sampler 78 does not stand in for it as the image's Seed; 78 keeps its own.
     */
    @Test
    void aLeftOutSeedIsNotReplacedByAnotherSamplersSeed() throws Exception {
        InspectReport r = inspect("jc_video_wan2_2_14B_t2v.json", TraceOptions.defaults().withMaxSamplers(2));
        assertNull(sampler(r, "81").seed());
        assertEquals("0", sampler(r, "78").seed().asText());
        assertNull(r.composed().flat().seed());
        assertTrue(r.composed().warnings().stream().anyMatch(w -> w.startsWith("seed 392459563371087 of KSamplerAdvanced node 81 is set to \"randomize\"")),
                r.composed().warnings().toString());
        String params = r.bundle().parameters();
        assertFalse(params.contains("Seed: "), params);
        assertFalse(params.contains("392459563371087"), params);
    }

    /**
     * An image's workflow is saved when its run is queued, before the control changes the seed: the
     * UI workflow of ce_controlnet_example.png has KSampler 3 at [1002496614778823, "randomize", …] and
     * its prompt ran seed 1002496614778823. Traced from the workflow alone (prompt chunk dropped), the
     * seed is kept.
     */
    @Test
    void randomizedSeedOfAnImagesWorkflowIsTheSeedThatRan() throws Exception {
        var m = com.samplerlens.core.container.MetadataReaders.read(Fixtures.shared("images/ce_controlnet_example.png"));
        var workflowOnly = new com.samplerlens.core.container.EmbeddedMetadata(m.file(), m.format(), m.structure(),
                m.entries().stream().filter(e -> !e.key().equals(com.samplerlens.core.container.MetadataKeys.PROMPT)).toList(), m.problems());
        LoadedSource s = LOADER.load(workflowOnly);
        assertEquals(LoadedSource.FROM_WORKFLOW, s.graphSource());
        InspectReport r = Inspector.bundled().inspect(s.graph(), SourceTexts.NONE, InspectOptions.defaults());
        assertEquals("1002496614778823", r.composed().flat().seed().asText());
        assertTrue(r.composed().warnings().stream().noneMatch(w -> w.contains("randomize")), r.composed().warnings().toString());
    }

    /**
     * The anchor's own test workflow (API prompt): KSampler //Inspire 1039 takes its seed from Seed (rgthree)
     * 1040, which holds -1 (random at run time). No "Seed: -1" is written; the warning names both nodes.
     */
    @Test
    void inspireSamplerWithARandomRgthreeSeed() throws Exception {
        LoadedSource s = LOADER.load(Fixtures.shared("workflows/api/xx_flux-PC-LoRA-inline-Inspire-KSampler.json"));
        InspectReport r = Inspector.bundled().inspect(s.graph(), SourceTexts.NONE, InspectOptions.defaults());
        assertNull(r.composed().flat().seed());
        assertEquals("deis", r.composed().flat().sampler());
        assertTrue(r.composed().warnings().contains("seed -1 of KSampler //Inspire node 1039 (from node 1040) means a random seed chosen when ComfyUI runs; it is left out"),
                r.composed().warnings().toString());
        assertFalse(r.bundle().parameters().contains("Seed:"), r.bundle().parameters());
    }

    /**
     * ce_2_pass_pose_worship.png (1920x1088): KSampler 3 is the first pass on EmptyLatentImage 5 (1280x704),
     * KSampler 16 the second on a 1920x1088 upscale. At max samplers 1 the anchor's default selection
     * (Farthest) takes sampler 3, and its Size is P's, so the anchor writes Size: 1280x704 too; the values'
     * origin is said. At max samplers 2 every sampler is written and nothing needs saying.
     */
    @Test
    void firstPassValuesSayWhichSamplerTheyComeFrom() throws Exception {
        InspectReport r = inspect("ce_2_pass_pose_worship.png", TraceOptions.defaults());
        assertEquals("3", r.composed().flatSamplerId());
        assertEquals(1280L, r.composed().flat().width());
        assertEquals(704L, r.composed().flat().height());
        assertEquals("values from node 3 KSampler, the farthest of 2 samplers from the save node (selection Farthest, as the anchor node picks);"
                + " Size 1280x704 is its size; 1 of 2 samplers written (raise max samplers to 2 to write every one)",
                ValuesOrigin.describe(r.composed(), com.samplerlens.core.trace.SamplerSelection.FARTHEST).orElseThrow());
        InspectReport both = inspect("ce_2_pass_pose_worship.png", TraceOptions.defaults().withMaxSamplers(2));
        assertTrue(ValuesOrigin.describe(both.composed(), com.samplerlens.core.trace.SamplerSelection.FARTHEST).isEmpty());
    }
}

