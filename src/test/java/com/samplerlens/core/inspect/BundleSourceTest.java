package com.samplerlens.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.write.BundleSource;
import com.samplerlens.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleSourceTest {

    @Test
    void aComfyUiPngGivesItsPromptAndWorkflowVerbatim() throws Exception {
        MetadataBundle b = BundleSource.asRead().bundle(Fixtures.bundled("images/ce_lora.png"));
        assertNull(b.parameters());
        // exiftool -b -Prompt ce_lora.png: starts with {"3": {"inputs": {"seed": 851616030078638
        assertTrue(b.prompt().startsWith("{\"3\": {\"inputs\": {\"seed\": 851616030078638"), b.prompt().substring(0, 60));
        assertTrue(b.workflow().startsWith("{\"last_node_id\": 10, \"last_link_id\": 14"), b.workflow().substring(0, 40));
        assertNull(b.samplersDetail());
    }

    @Test
    void anA1111PngGivesItsParameters() throws Exception {
        MetadataBundle b = BundleSource.asRead().bundle(Fixtures.bundled("images/sdp_automatic1111_cropped.png"));
        assertEquals("photo of a duck\nNegative prompt: monochrome\nSteps: 15, Sampler: UniPC, CFG scale: 5, Seed: 235284042, "
                + "Size: 512x400, Model hash: c0d1994c73, Model: realistic_realisticVisionV20_v20", b.parameters());
        assertNull(b.prompt());
    }

    @Test
    void aWorkflowFileGivesItsTextUnchanged() throws Exception {
        Path wf = Fixtures.bundled("workflows/api/ce_lora_multiple.prompt.json");
        MetadataBundle b = BundleSource.asRead().bundle(wf);
        assertEquals(Files.readString(wf, StandardCharsets.UTF_8).strip(), b.prompt().strip());
        assertNull(b.workflow());
        assertNull(b.parameters());
    }

    @Test
    void anImageWithoutMetadataIsAOneLineError(@TempDir Path dir) throws Exception {
        Path bare = dir.resolve("bare.png");
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", bare.toFile());
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> BundleSource.asRead().bundle(bare));
        assertEquals("bare.png: holds no ComfyUI or A1111 metadata to write", e.getMessage());
    }

    private static BundleSource completing() {
        return new Pipeline(new SourceLoader(com.samplerlens.core.graph.NodeDefinitions.bundled()), Inspector.bundled(), java.util.Map.of(),
                com.samplerlens.core.capture.HashLookup.NONE).bundleSource(Choices.NONE, com.samplerlens.core.edit.EditList.EMPTY, w -> {});
    }

    @Test
    void aComfyUiPngWithoutParametersGetsThemRenderedFromItsGraph() throws Exception {
        MetadataBundle b = completing().bundle(Fixtures.bundled("images/ce_lora.png"));
        // From its prompt chunk (read with python): KSampler 3 seed 851616030078638, 20 steps, cfg 8.0,
        // euler/normal, denoise 1.0; EmptyLatentImage 512x512; checkpoint v1-5-pruned-emaonly.ckpt;
        // prompts "masterpiece best quality girl" / "bad hands"; LoraLoader epiNoiseoffset_v2 at 1.0/1.0.
        assertTrue(b.parameters().startsWith("masterpiece best quality girl\nNegative prompt: bad hands\n"
                + "Steps: 20, Sampler: euler_normal, CFG scale: 8.0, Denoise: 1.0, Seed: 851616030078638, Size: 512x512, "
                + "Model: v1-5-pruned-emaonly.ckpt, Lora_0 Model name: epiNoiseoffset_v2.safetensors, Lora_0 Strength model: 1.0, "
                + "Lora_0 Strength clip: 1.0"), b.parameters());
        // the source's own prompt and workflow texts travel unchanged
        assertEquals(BundleSource.asRead().bundle(Fixtures.bundled("images/ce_lora.png")).prompt(), b.prompt());
        assertNull(b.samplersDetail(), "single-sampler mode writes no Samplers detail");
    }

    @Test
    void anA1111SourceKeepsItsParametersWordForWord() throws Exception {
        Path a1111 = Fixtures.bundled("images/sdp_automatic1111_cropped.png");
        assertEquals(BundleSource.asRead().bundle(a1111), completing().bundle(a1111));
    }
}
