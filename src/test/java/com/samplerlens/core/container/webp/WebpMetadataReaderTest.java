package com.samplerlens.core.container.webp;

import static com.samplerlens.core.container.TestBytes.*;
import static org.junit.jupiter.api.Assertions.*;

import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values: {@code exiftool -b -Model/-Make} (sha256 of the full tag value) and a python RIFF walk. */
class WebpMetadataReaderTest {
    private static final Path NAME = Path.of("made.webp");

    @Test
    void comfyUiWebpWithoutExifHeader() throws Exception {
        EmbeddedMetadata m = WebpMetadataReader.read(NAME, read(Fixtures.bundled("images/ce_flux_kontext_example_comic.webp")));
        assertEquals("4bfe17c2ed1641dd2ddd8328305a0b308cbcf9d2bfb73b997b32456776a1a020", sha256("prompt:" + m.text("prompt").orElseThrow()));
        assertEquals("fd7ec222bd490aaf1afaff18712070eccb501d4fe7de2bc7a46cc9ca4b252e75", sha256("workflow:" + m.text("workflow").orElseThrow()));
        assertEquals(List.of("VP8X 10 B", "VP8 1.1 MB", "EXIF (2 tags) 39.9 kB"), m.structure());
        assertEquals(List.of(), m.problems());
    }

    @Test
    void animatedWebpWithOldExifHeader() throws Exception {
        EmbeddedMetadata m = WebpMetadataReader.read(NAME, read(Fixtures.bundled("images/ce_wan22_text_to_video_wan22_14B.webp")));
        assertEquals(readUtf8(Fixtures.bundled("workflows/api/ce_wan22_text_to_video_wan22_14B.prompt.json")), m.text("prompt").orElseThrow());
        assertEquals("80788e06b0f82f5b696abfeba099e827f5932e4b2a0e08fb9c63a580a1b4659a", sha256("workflow:" + m.text("workflow").orElseThrow()));
        assertEquals(List.of("VP8X 10 B", "ANIM 6 B", "ANMF ×57 2.8 MB", "EXIF (2 tags, Exif header) 11.7 kB"), m.structure());
    }

    @Test
    void truncatedFileKeepsTheChunksBeforeTheCut() throws Exception {
        byte[] full = read(Fixtures.bundled("images/ce_flux_kontext_example_comic.webp"));
        EmbeddedMetadata m = WebpMetadataReader.read(NAME, Arrays.copyOf(full, 500_000));
        assertEquals(List.of(), m.entries());
        assertEquals(2, m.problems().size(), m.problems().toString()); // RIFF size and the cut VP8 chunk
        assertTrue(m.problems().get(1).message().contains("truncated"));
    }
}
