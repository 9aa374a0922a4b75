package com.samplerlens.app.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.samplerlens.core.container.ContainerFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputNamesTest {

    @Test
    void proposesMetaSuffixWithTheFormatsExtension(@TempDir Path dir) {
        assertEquals(dir.resolve("upscaled_meta.jpg"), OutputNames.propose(dir.resolve("upscaled.jpeg"), ContainerFormat.JPEG));
        assertEquals(dir.resolve("a.b_meta.png"), OutputNames.propose(dir.resolve("a.b.png"), ContainerFormat.PNG));
    }

    @Test
    void neverProposesAnExistingFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("x_meta.png"), "taken");
        Files.writeString(dir.resolve("x_meta_2.png"), "taken");
        assertEquals(dir.resolve("x_meta_3.png"), OutputNames.propose(dir.resolve("x.png"), ContainerFormat.PNG));
    }
}
