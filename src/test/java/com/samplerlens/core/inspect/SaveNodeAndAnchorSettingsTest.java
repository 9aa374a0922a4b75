package com.samplerlens.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.png.PngChunkRewriter;
import com.samplerlens.core.trace.SamplerAttribution;
import com.samplerlens.core.trace.SamplerSelection;
import com.samplerlens.core.trace.SaveNodeChoice;
import com.samplerlens.core.trace.TraceMode;
import com.samplerlens.testing.CliRun;
import com.samplerlens.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default save node (spec §2 as changed 2026-12-01) and the settings of the anchor's own save
 * node as defaults (issue 12 item 4), on real files; expected values read by hand from each graph.
 */
class SaveNodeAndAnchorSettingsTest {

    private static final Pipeline PIPELINE = Pipeline.build(Map.of(), List.of(), null, null);

    private static Pipeline.Output inspect(Path file, Choices c) throws Exception {
        return PIPELINE.inspect(PIPELINE.load(file), c);
    }

    @Test
    void aTwoPassImageIsTracedFromItsSecondPass() throws Exception {
        // prompt: SaveImage 9 <- VAEDecode 8 <- KSampler 3 (1280x704); SaveImage 18 <- VAEDecode 17 <- KSampler 16
        // <- LatentUpscale 14 (1920x1088) <- KSampler 3. 18 has two samplers upstream, 9 one.
        Path file = Fixtures.shared("realworld/ce_2_pass_pose_worship.png");
        Pipeline.Output o = inspect(file, Choices.NONE);
        assertEquals("18", o.report().composed().trace().saveNodeId());
        assertEquals(List.of("9", "18"), o.resolved().saveNode().candidates());
        assertEquals(List.of(1, 2), o.resolved().saveNode().samplers());
        assertEquals("most samplers upstream (2)", o.resolved().saveNode().reason());
        Pipeline.Output two = inspect(file, Choices.NONE.withMaxSamplers(2));
        assertEquals(TraceMode.MULTI, two.report().composed().trace().mode());
        assertEquals(List.of("3", "16"), two.report().composed().trace().traced().stream().map(SamplerAttribution::nodeId).toList());
        assertTrue(two.bundle().parameters().contains("Sampler_2: \"model=AOM3A3.safetensors; steps=8; sampler=dpmpp_sde; scheduler=simple; "
                + "cfg=5.0; denoise=0.52; seed=284006177305237\""), two.bundle().parameters());
    }

    @Test
    void aSamplerThatIsItselfTheOutputIsTheSaveNodeAndTraced() throws Exception {
        // UI workflow: Efficient Loader 54 -> KSampler (Efficient) 55 (an output node) <- HighRes-Fix Script 56
        Pipeline.Output o = inspect(Fixtures.shared("realworld/eff_HiResfix_workflow.png"), Choices.NONE);
        assertEquals("55", o.report().composed().trace().saveNodeId());
        assertEquals(List.of("55"), o.report().composed().trace().traced().stream().map(SamplerAttribution::nodeId).toList());
        String p = o.bundle().parameters();
        assertTrue(p.contains("Steps: 20, Sampler: dpmpp_sde_karras, CFG scale: 7.5, Denoise: 1.0, Seed: 1106939166727686, Size: 768x768, "
                + "Model: Realistic_Vision_V1.4.safetensors"), p);
    }

    @Test
    void aTieGoesToTheOutputWhoseImageIsTheFilesSizeThenToTheHigherId(@TempDir Path dir) throws Exception {
        // two branches, one sampler each: 5 saves a 64x48 image, 9 a 32x32 one
        String prompt = """
            {"1": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "a.safetensors"}},
             "2": {"class_type": "EmptyLatentImage", "inputs": {"width": 64, "height": 48, "batch_size": 1}},
             "3": {"class_type": "KSampler", "inputs": {"seed": 1, "steps": 4, "cfg": 7.0, "sampler_name": "euler", "scheduler": "normal",
                   "denoise": 1.0, "model": ["1", 0], "positive": ["1", 1], "negative": ["1", 1], "latent_image": ["2", 0]}},
             "4": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["1", 2]}},
             "5": {"class_type": "SaveImage", "inputs": {"filename_prefix": "a", "images": ["4", 0]}},
             "6": {"class_type": "EmptyLatentImage", "inputs": {"width": 32, "height": 32, "batch_size": 1}},
             "7": {"class_type": "KSampler", "inputs": {"seed": 2, "steps": 4, "cfg": 7.0, "sampler_name": "euler", "scheduler": "normal",
                   "denoise": 1.0, "model": ["1", 0], "positive": ["1", 1], "negative": ["1", 1], "latent_image": ["6", 0]}},
             "8": {"class_type": "VAEDecode", "inputs": {"samples": ["7", 0], "vae": ["1", 2]}},
             "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "b", "images": ["8", 0]}}}""";
        Path json = Files.writeString(dir.resolve("two.json"), prompt);
        assertEquals("9", inspect(json, Choices.NONE).report().composed().trace().saveNodeId(), "no pixels: the higher id");
        for (int[] size : new int[][] {{64, 48}, {32, 32}}) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB), "png", png);
            LinkedHashMap<String, String> texts = new LinkedHashMap<>();
            texts.put(MetadataKeys.PROMPT, prompt);
            Path image = Files.write(dir.resolve(size[0] + ".png"), PngChunkRewriter.rewrite(png.toByteArray(), texts));
            Pipeline.Output o = inspect(image, Choices.NONE);
            assertEquals(size[0] == 64 ? "5" : "9", o.report().composed().trace().saveNodeId());
            assertEquals("most samplers upstream (1), image size " + size[0] + "x" + size[1] + " matches the file", o.resolved().saveNode().reason());
        }
    }

    @Test
    void aSaveNodeWinsATieWithAPreview(@TempDir Path dir) throws Exception {
        // as in ComfyUI_examples' stable_cascade__inpaint_controlnet.png: a PreviewImage (higher id) of the raw
        // decode and the SaveImage of the result have the same sampler upstream
        Path json = Files.writeString(dir.resolve("preview.json"), """
            {"1": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "a.safetensors"}},
             "2": {"class_type": "EmptyLatentImage", "inputs": {"width": 64, "height": 64, "batch_size": 1}},
             "3": {"class_type": "KSampler", "inputs": {"seed": 1, "steps": 4, "cfg": 7.0, "sampler_name": "euler", "scheduler": "normal",
                   "denoise": 1.0, "model": ["1", 0], "positive": ["1", 1], "negative": ["1", 1], "latent_image": ["2", 0]}},
             "4": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["1", 2]}},
             "5": {"class_type": "ImageInvert", "inputs": {"image": ["4", 0]}},
             "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "a", "images": ["5", 0]}},
             "76": {"class_type": "PreviewImage", "inputs": {"images": ["4", 0]}}}""");
        Pipeline.Output o = inspect(json, Choices.NONE);
        assertEquals("9", o.report().composed().trace().saveNodeId());
        assertEquals("most samplers upstream (1), a save node before a preview", o.resolved().saveNode().reason());
    }

    @Test
    void anUnknownSaveNodeIsAnErrorNamingTheOutputs() throws Exception {
        Path file = Fixtures.shared("realworld/ce_2_pass_pose_worship.png");
        SaveNodeChoice.UnknownSaveNodeException e = assertThrows(SaveNodeChoice.UnknownSaveNodeException.class,
                () -> inspect(file, Choices.NONE.withSaveNode("99")));
        assertEquals("save node 99 is not in the graph; its output nodes are 9 SaveImage, 18 SaveImage", e.getMessage());
        for (String command : List.of("inspect", "stages")) {
            CliRun r = CliRun.run(command, "--save-node", "99", file.toString());
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("its output nodes are 9 SaveImage, 18 SaveImage"), r.err());
        }
        assertEquals("9", inspect(file, Choices.NONE.withSaveNode("9")).report().composed().trace().saveNodeId());
    }

    @Test
    void theAnchorNodesCivitaiAndGuidanceSettingsAreTheDefaultsAndAFlagWins() throws Exception {
        // SaveImageWithMetaDataUniversal 1117: civitai_sampler true, guidance_as_cfg true; FluxGuidance 3.5, KSampler //Inspire cfg 1.0, deis/karras
        Path file = Fixtures.shared("workflows/api/xx_flux-PC-LoRA-inline-Inspire-KSampler.json");
        Pipeline.Output o = inspect(file, Choices.NONE);
        assertTrue(o.resolved().options().render().civitaiSamplerNames());
        assertTrue(o.resolved().options().render().guidanceAsCfg());
        String p = o.bundle().parameters();
        assertTrue(p.contains("CFG scale: 3.5, Denoise: 1.0"), p);
        assertFalse(p.contains("Guidance:"), p);
        String flag = inspect(file, Choices.NONE.withAnchorSwitches(false, null)).bundle().parameters();
        assertTrue(flag.contains("CFG scale: 1.0, Guidance: 3.5"), flag);
    }

    @Test
    void theAnchorNodesSelectionMethodIsTheDefault() throws Exception {
        // save node 17: sampler_selection_method "Nearest"; KSampler 4 (denoise 0.6) is nearer than KSampler 3
        Path file = Fixtures.shared("realworld/xx_embedding_lora_vae_upscale_dual_sampler-near.json");
        Pipeline.Output o = inspect(file, Choices.NONE);
        assertEquals(SamplerSelection.NEAREST, o.resolved().options().trace().selection());
        assertTrue(o.bundle().parameters().contains("Denoise: 0.6, Seed: 123"), o.bundle().parameters());
        Pipeline.Output farthest = inspect(file, Choices.NONE.withSelection(SamplerSelection.FARTHEST));
        assertFalse(farthest.bundle().parameters().contains("Denoise: 0.6"), farthest.bundle().parameters());
    }

    @Test
    void theExtraMetadataChainAndLoraSummaryAndJpegLimit(@TempDir Path dir) throws Exception {
        // Two Create Extra MetaData nodes chained into the save node: the nearer one's pairs win (its
        // inputs are laid over what arrives at its own extra_metadata input); empty keys or values are skipped.
        String prompt = """
            {"1": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "a.safetensors"}},
             "2": {"class_type": "EmptyLatentImage", "inputs": {"width": 64, "height": 64, "batch_size": 1}},
             "3": {"class_type": "KSampler", "inputs": {"seed": 1, "steps": 4, "cfg": 7.0, "sampler_name": "dpmpp_2m", "scheduler": "karras",
                   "denoise": 1.0, "model": ["10", 0], "positive": ["1", 1], "negative": ["1", 1], "latent_image": ["2", 0]}},
             "4": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["1", 2]}},
             "10": {"class_type": "LoraLoader", "inputs": {"lora_name": "detail.safetensors", "strength_model": 0.8, "strength_clip": 1.0,
                    "model": ["1", 0], "clip": ["1", 1]}},
             "20": {"class_type": "CreateExtraMetaDataUniversal", "inputs": {"key1": "Artist", "value1": "first", "key2": "Tool",
                    "value2": "ComfyUI", "key3": "", "value3": "x", "key4": "Empty", "value4": ""}},
             "21": {"class_type": "CreateExtraMetaDataUniversal", "inputs": {"extra_metadata": ["20", 0], "key1": "Artist", "value1": "second"}},
             "30": {"class_type": "SaveImageWithMetaDataUniversal", "inputs": {"images": ["4", 0], "filename_prefix": "x",
                    "sampler_selection_method": "Farthest", "sampler_selection_node_id": 0, "file_format": "png",
                    "civitai_sampler": true, "guidance_as_cfg": false, "include_lora_summary": true, "max_jpeg_exif_kb": 8,
                    "extra_metadata": ["21", 0]}}}""";
        Path json = Files.writeString(dir.resolve("anchor.json"), prompt);
        Pipeline.Output o = inspect(json, Choices.NONE);
        assertEquals(Map.of("Artist", "second", "Tool", "ComfyUI"), o.resolved().anchor().extra());
        assertEquals(8, o.resolved().fallback().maxJpegExifKb());
        String p = o.bundle().parameters();
        assertTrue(p.contains("Sampler: DPM++ 2M Karras, "), p);
        assertTrue(p.endsWith("Lora_0 Strength clip: 1.0, LoRAs: detail.safetensors: str_0.8, Artist: second, Tool: ComfyUI, "
                + "Metadata generator version: 0.1.0"), p);
        // a user's flag and own key win over the node's
        Pipeline.Output flags = PIPELINE.output(PIPELINE.load(json), Choices.NONE.withRendering(false, false).withAnchorSwitches(null, false)
                .withMaxJpegExifKb(60), new com.samplerlens.core.edit.EditList(List.of(new com.samplerlens.core.edit.AddExtraKey("Artist", "me"))));
        assertEquals(60, flags.resolved().fallback().maxJpegExifKb());
        assertTrue(flags.bundle().parameters().contains("Sampler: dpmpp_2m_karras, "), flags.bundle().parameters());
        assertTrue(flags.bundle().parameters().endsWith("Lora_0 Strength clip: 1.0, Artist: me, Tool: ComfyUI, Metadata generator version: 0.1.0"),
                flags.bundle().parameters());
    }

    @Test
    void theSaveNodeIsSaidInInspectText() {
        CliRun r = CliRun.run("inspect", Fixtures.shared("realworld/ce_2_pass_pose_worship.png").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Save node:  18 SaveImage (most samplers upstream (2))\n  other output nodes: 9 SaveImage\n"), r.out());
    }

}
