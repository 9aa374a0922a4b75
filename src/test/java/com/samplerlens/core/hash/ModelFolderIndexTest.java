package com.samplerlens.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderIndexTest {

    @TempDir Path root;
    ModelFolderIndex index;

    @BeforeEach
    void models() throws IOException {
        touch("loras/detail.ckpt");
        touch("loras/detail.safetensors");
        touch("loras/wan/light.pt");
        touch("checkpoints/deep/nested/sdxl.safetensors");
        touch("checkpoints/sdxl.sha256");
        touch("vae/other/Wan_VAE.bin");
        touch("outside-name.safetensors");
        index = ModelFolderIndex.scan(root);
    }

    @Test
    void exactRelativePath() {
        assertEquals(Optional.of(p("loras/wan/light.pt")), index.find("loras/wan/light.pt"));
        assertEquals(Optional.of(p("loras/wan/light.pt")), index.find("loras\\wan\\light.pt"));
    }

    @Test
    void extensionsAreProbedInComfyUiOrder() {
        assertEquals(Optional.of(p("loras/detail.safetensors")), index.find("loras/detail"));
    }

    @Test
    void baseNameRetryFindsAFileInAnotherFolder() {
        assertEquals(Optional.of(p("checkpoints/deep/nested/sdxl.safetensors")), index.find("SDXL/sdxl.safetensors"));
        assertEquals(Optional.of(p("checkpoints/deep/nested/sdxl.safetensors")), index.find("sdxl"));
        assertEquals(Optional.of(p("loras/wan/light.pt")), index.find(" \"light\". "));
        assertEquals(Optional.of(p("vae/other/Wan_VAE.bin")), index.find("wan_vae.bin"));
    }

    @Test
    void nothingOutsideTheRootAndNoSidecars() {
        assertTrue(index.find("../x.safetensors").isEmpty());
        assertTrue(index.find("sdxl.sha256").isEmpty());
        assertTrue(index.find("missing").isEmpty());
        assertTrue(index.find("  ").isEmpty());
    }

    private Path p(String rel) { return root.toAbsolutePath().normalize().resolve(rel); }

    private void touch(String rel) throws IOException {
        Path f = root.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.writeString(f, rel);
    }
}
