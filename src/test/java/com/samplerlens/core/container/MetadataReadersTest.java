package com.samplerlens.core.container;

import static org.junit.jupiter.api.Assertions.*;

import com.samplerlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MetadataReadersTest {
    @TempDir Path dir;

    static Stream<Path> allFixtures() {
        List<Path> all = new ArrayList<>();
        for (String folder : List.of("images", "workflows/api", "workflows/ui")) {
            all.addAll(Fixtures.bundledIn(folder));
            all.addAll(Fixtures.sharedIn(folder));
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("allFixtures")
    void everyFixtureLoads(Path fixture) throws Exception {
        EmbeddedMetadata m = MetadataReaders.read(fixture);
        assertFalse(m.structure().isEmpty());
        String name = fixture.getFileName().toString();
        if (name.startsWith("xx_ComfyUI_00000_malformed_app1")) {
            assertTrue(m.entries().isEmpty());
            assertFalse(m.problems().isEmpty());
        } else {
            assertFalse(m.entries().isEmpty(), name + " has metadata");
            assertEquals(List.of(), m.problems(), name);
        }
    }

    @Test
    void formatComesFromTheBytesAndAWrongExtensionIsNoted() throws Exception {
        Path f = dir.resolve("really-a-png.jpg");
        Files.copy(Fixtures.bundled("images/ce_lora.png"), f);
        EmbeddedMetadata m = MetadataReaders.read(f);
        assertEquals(ContainerFormat.PNG, m.format());
        assertTrue(m.text("prompt").isPresent());
        assertEquals(List.of(new DecodeProblem("file name", "named .jpg but the bytes are PNG")), m.problems());
    }

    @Test
    void emptyFile() throws IOException {
        Path f = Files.write(dir.resolve("empty.png"), new byte[0]);
        var e = assertThrows(UnreadableFileException.class, () -> MetadataReaders.read(f));
        assertEquals("empty.png: empty file", e.getMessage());
    }

    @Test
    void notAnImage() throws IOException {
        Path f = Files.write(dir.resolve("anim.gif"), "GIF89a....".getBytes());
        var e = assertThrows(UnreadableFileException.class, () -> MetadataReaders.read(f));
        assertEquals("anim.gif: not a PNG, JPEG, WebP or JSON file (starts with 'GIF8')", e.getMessage());
    }

    @Test
    void missingFile() {
        var e = assertThrows(UnreadableFileException.class, () -> MetadataReaders.read(dir.resolve("gone.png")));
        assertEquals("gone.png: no such file", e.getMessage());
    }
}
