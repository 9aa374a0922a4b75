package com.samplerlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.testing.CliRun;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code write --set/--remove/--edits}, read back with our readers. ce_hiresfix_latent_workflow.png
 * (read with python): KSampler 3 seed 89848141647836, 12 steps, cfg 8.0, dpmpp_sde/normal, denoise
 * 1.0; KSampler 11 seed 469771404043268, 14 steps, cfg 8.0, dpmpp_2m/simple, denoise 0.5; SaveImage
 * 12 saves the second pass.
 */
class WriteWithEditsTest {

    @TempDir Path dir;

    private static final String SOURCE = Fixtures.bundled("images/ce_hiresfix_latent_workflow.png").toString();

    private Path target(String name) throws Exception {
        return Files.copy(Fixtures.bundled("images/" + name), dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static EmbeddedMetadata readBack(Path p) throws Exception {
        return MetadataReaders.read(p);
    }

    @Test
    void setAndRemoveOnTheCommandLine() throws Exception {
        Path out = dir.resolve("out.png");
        CliRun r = CliRun.run("write", SOURCE, "--into", target("sdp_comfyui_img2img_cropped.png").toString(), "--out", out.toString(),
                "--max-samplers", "2", "--save-node", "12", "--set", "Steps=30", "--set", "Sampler_2.cfg=4.5", "--set", "Artist=me",
                "--remove", "Seed", "--remove", "Sampler_1.denoise");
        assertEquals(0, r.code(), r.err());
        EmbeddedMetadata m = readBack(out);
        String p = m.text(MetadataKeys.PARAMETERS).orElseThrow();
        assertTrue(p.contains("\nSteps: 30, Sampler: dpmpp_sde_normal, CFG scale: 8.0, Denoise: 1.0, Size: "), p);
        assertFalse(p.contains(", Seed: 89848141647836,"), "flat Seed removed: " + p);
        assertTrue(p.contains("Sampler_1: \"model=v2-1_768-ema-pruned.ckpt; steps=12; sampler=dpmpp_sde; scheduler=normal; cfg=8.0; seed=89848141647836\""), p);
        assertTrue(p.contains("Sampler_2: \"model=v2-1_768-ema-pruned.ckpt; steps=14; sampler=dpmpp_2m; scheduler=simple; cfg=4.5; denoise=0.5; seed=469771404043268\""), p);
        assertTrue(p.endsWith(", Artist: me, Metadata generator version: 0.1.0"), p);
        JsonNode detail = LenientJson.parse(m.text(MetadataKeys.SAMPLERS_DETAIL).orElseThrow());
        assertEquals(4.5, detail.get(1).get("cfg").asDouble());
        assertFalse(detail.get(0).has("denoise"));
        assertTrue(m.text(MetadataKeys.PROMPT).orElseThrow().contains("469771404043268"), "prompt written as the source holds it");
    }

    @Test
    void anEditsFileIntoAJpeg() throws Exception {
        Path edits = Files.writeString(dir.resolve("edits.json"), """
                {"format": "samplerlens-edits", "version": 1, "edits": [
                  {"op": "prompt", "prompt": "negative", "text": "blurry, lowres"},
                  {"op": "set_sampler", "sampler": 1, "field": "steps", "value": 20},
                  {"op": "add_key", "key": "Upscaler", "value": "4x-UltraSharp"},
                  {"op": "remove_key", "key": "Samplers"}
                ]}""");
        Path out = dir.resolve("out.jpg");
        CliRun r = CliRun.run("write", SOURCE, "--into", target("sdp_automatic1111_cropped.jpg").toString(), "--out", out.toString(),
                "--max-samplers", "2", "--save-node", "12", "--edits", edits.toString());
        assertEquals(0, r.code(), r.err());
        String p = readBack(out).text(MetadataKeys.PARAMETERS).orElseThrow();
        assertTrue(p.contains("\nNegative prompt: blurry, lowres\n"), p);
        assertTrue(p.contains("Sampler_1: \"model=v2-1_768-ema-pruned.ckpt; steps=20; "), p);
        assertFalse(p.contains("Samplers: "), p);
        assertTrue(p.endsWith("Upscaler: 4x-UltraSharp, Metadata generator version: 0.1.0"), p);
    }

    @Test
    void mistakesAreUsageErrorsAndNothingIsWritten() throws Exception {
        Path out = dir.resolve("out.png");
        CliRun r = CliRun.run("write", SOURCE, "--into", target("sdp_comfyui_img2img_cropped.png").toString(), "--out", out.toString(),
                "--set", "Steps=many");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Steps: \"many\" is not a whole number"), r.err());
        assertFalse(Files.exists(out));
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"edits\": [{\"op\": \"explode\"}]}");
        r = CliRun.run("write", SOURCE, "--into", target("sdp_comfyui_img2img_cropped.png").toString(), "--out", out.toString(),
                "--edits", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.json: edit 1: unknown op \"explode\""), r.err());
    }

    @Test
    void anEditForASamplerTheFileLacksIsAWarning() throws Exception {
        Path out = dir.resolve("out.png");
        CliRun r = CliRun.run("write", SOURCE, "--into", target("sdp_comfyui_img2img_cropped.png").toString(), "--out", out.toString(),
                "--set", "Sampler_3.cfg=2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: ce_hiresfix_latent_workflow.png: Sampler_3.cfg: this file has no Sampler_3"), r.err());
    }
}
