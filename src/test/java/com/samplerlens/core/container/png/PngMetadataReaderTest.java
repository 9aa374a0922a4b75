package com.samplerlens.core.container.png;

import static com.samplerlens.core.container.TestBytes.*;
import static org.junit.jupiter.api.Assertions.*;

import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values were read from the fixtures with python3 (struct/zlib) and compared with the prompt.json copies. */
class PngMetadataReaderTest {
    private static final byte[] SIG = PngChunkReader.SIGNATURE;
    private static final byte[] IHDR = pngChunk("IHDR", new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0});
    private static final byte[] IEND = pngChunk("IEND", new byte[0]);
    private static final Path NAME = Path.of("made.png");

    @Test
    void chunkListOfARealComfyUiPng() {
        byte[] png = read(Fixtures.bundled("images/ce_lora.png"));
        PngChunkReader.Result r = PngChunkReader.read(png);
        assertEquals(List.of("IHDR", "tEXt", "tEXt", "IDAT", "IDAT", "IDAT", "IDAT", "IEND"), r.chunks().stream().map(PngChunk::type).toList());
        assertEquals(List.of(13, 1013, 3344, 65536, 65536, 65536, 6661, 0), r.chunks().stream().map(PngChunk::length).toList());
        assertTrue(r.chunks().stream().allMatch(PngChunk::crcOk));
        assertEquals(List.of(), r.problems());
        assertEquals(0, r.trailingBytes());
    }

    @Test
    void structureGroupsIdatRuns() throws Exception {
        EmbeddedMetadata m = PngMetadataReader.read(NAME, read(Fixtures.bundled("images/ce_lora.png")));
        // 3 × 65536 + 6661 = 203,269 bytes of IDAT
        assertEquals(List.of("IHDR 13 B", "tEXt prompt 1,013 B", "tEXt workflow 3,344 B", "IDAT ×4 203.3 kB", "IEND 0 B"), m.structure());
    }

    @Test
    void promptChunkEqualsTheVerbatimCopyInWorkflowsApi() throws Exception {
        EmbeddedMetadata m = PngMetadataReader.read(NAME, read(Fixtures.bundled("images/ce_sdxl_refiner_prompt_example.png")));
        assertEquals(readUtf8(Fixtures.bundled("workflows/api/ce_sdxl_refiner_prompt_example.prompt.json")), m.text("prompt").orElseThrow());
        String workflow = m.text("workflow").orElseThrow();
        assertEquals(12905, workflow.length());
        assertTrue(sha256(workflow).startsWith("a9571f5e7a1b41e7"));
        assertEquals(List.of(), m.problems());
    }

    @Test
    void novelAiTextChunksAreReadInOrder() throws Exception {
        EmbeddedMetadata m = PngMetadataReader.read(NAME, read(Fixtures.bundled("images/sdp_novelai1_cropped.png")));
        assertEquals(List.of("Title", "Description", "Software", "Source", "Comment"), m.entries().stream().map(MetadataEntry::key).toList());
        assertEquals("AI generated image", m.text("Title").orElseThrow());
        assertEquals("Stable Diffusion 1D44365E", m.text("Source").orElseThrow());
    }

    @Test
    void uncompressedItxtParametersFromSaveImageWithMetaDataUniversal() throws Exception {
        EmbeddedMetadata m = PngMetadataReader.read(NAME, read(Fixtures.shared("images/xx_Wan21_00006_.png")));
        MetadataEntry p = m.entries().getFirst();
        assertEquals("parameters", p.key());
        assertEquals("iTXt", p.location());
        assertEquals(843, p.text().length());
        assertTrue(p.text().startsWith("a fox moving quickly in a beautiful winter scenery nature tr"));
        assertTrue(p.text().endsWith("Metadata generator version: 1.3.0"));
        assertTrue(sha256(p.text()).startsWith("e4bedf217a2786d6"));
    }

    @Test
    void ztxtAndCompressedItxtWithLanguageFieldsInAnyOrder() throws Exception {
        String chinese = "一只猫 🐱 in space";
        byte[] itxt = concat(latin1("parameters"), new byte[] {0, 1, 0}, latin1("zh-CN"), new byte[] {0},
                utf8("参数"), new byte[] {0}, deflate(utf8(chinese)));
        byte[] ztxt = concat(latin1("workflow"), new byte[] {0, 0}, deflate(latin1("{\"nodes\": [], \"note\": \"café\"}")));
        byte[] text = concat(latin1("prompt"), new byte[] {0}, latin1("{}"));
        byte[] png = concat(SIG, IHDR, pngChunk("iTXt", itxt), pngChunk("IDAT", new byte[] {1, 2}), pngChunk("zTXt", ztxt), IEND, pngChunk("tEXt", text));
        EmbeddedMetadata m = PngMetadataReader.read(NAME, png);
        assertEquals(chinese, m.text("parameters").orElseThrow());
        assertEquals("{\"nodes\": [], \"note\": \"café\"}", m.text("workflow").orElseThrow());
        assertTrue(m.text("prompt").isEmpty(), "chunks after IEND are not read");
        assertTrue(m.structure().contains("iTXt parameters (compressed) " + itxt.length + " B"), m.structure().toString());
        assertTrue(m.structure().getLast().endsWith("B after IEND"));

        PngText decoded = PngTextDecoder.decode(png, PngChunkReader.read(png).chunks().get(1), 1 << 20);
        assertEquals("zh-CN", decoded.language());
        assertEquals("参数", decoded.translatedKeyword());
        assertTrue(decoded.compressed());
    }

    @Test
    void badCrcIsAProblemButTheTextIsStillRead() throws Exception {
        byte[] png = read(Fixtures.bundled("images/ce_lora.png"));
        int at = indexOf(png, latin1("last_node_id"), 0);
        png[at] = 'L';
        EmbeddedMetadata m = PngMetadataReader.read(NAME, png);
        assertTrue(m.text("workflow").orElseThrow().startsWith("{\"Last_node_id\""));
        assertEquals(1, m.problems().size());
        assertTrue(m.problems().getFirst().message().contains("CRC"), m.problems().toString());
        assertTrue(m.problems().getFirst().where().startsWith("tEXt"));
    }

    @Test
    void truncatedInsideIdatKeepsTheTextsAndSaysSo() throws Exception {
        byte[] full = read(Fixtures.bundled("images/ce_lora.png"));
        byte[] png = Arrays.copyOf(full, 100_000);
        EmbeddedMetadata m = PngMetadataReader.read(NAME, png);
        assertTrue(m.text("prompt").isPresent());
        assertTrue(m.text("workflow").isPresent());
        assertEquals(1, m.problems().size());
        assertTrue(m.problems().getFirst().message().contains("truncated"), m.problems().toString());
    }

    @Test
    void absurdLengthStopsTheWalkWithAProblem() throws Exception {
        byte[] chunk = pngChunk("tEXt", concat(latin1("prompt"), new byte[] {0}, latin1("{}")));
        chunk[0] = 0x7F; chunk[1] = (byte) 0xFF; chunk[2] = (byte) 0xFF; chunk[3] = (byte) 0xFF;
        EmbeddedMetadata m = PngMetadataReader.read(NAME, concat(SIG, IHDR, chunk, IEND));
        assertEquals(List.of(), m.entries());
        assertTrue(m.problems().getFirst().message().contains("2147483647"), m.problems().toString());
    }

    @Test
    void truncatedRightAfterTheSignatureIsUnreadable() {
        var e = assertThrows(UnreadableFileException.class, () -> PngMetadataReader.read(NAME, concat(SIG, new byte[] {0, 0, 0})));
        assertTrue(e.getMessage().startsWith("made.png: truncated PNG"), e.getMessage());
    }

    @Test
    void decompressionBombIsRefused() throws Exception {
        byte[] bomb = deflate(new byte[65 * 1024 * 1024 + 1]); // ~65 KB of deflate, 65 MiB inflated
        byte[] ztxt = concat(latin1("workflow"), new byte[] {0, 0}, bomb);
        byte[] itxt = concat(latin1("prompt"), new byte[] {0, 1, 0, 0, 0}, bomb);
        EmbeddedMetadata m = PngMetadataReader.read(NAME, concat(SIG, IHDR, pngChunk("zTXt", ztxt), pngChunk("iTXt", itxt), IEND));
        assertEquals(List.of(), m.entries());
        assertEquals(2, m.problems().size());
        assertTrue(m.problems().stream().allMatch(p -> p.message().contains("decompression bomb")), m.problems().toString());
    }

    @Test
    void corruptCompressedTextIsAProblem() throws Exception {
        byte[] ztxt = concat(latin1("workflow"), new byte[] {0, 0}, new byte[] {1, 2, 3, 4, 5});
        EmbeddedMetadata m = PngMetadataReader.read(NAME, concat(SIG, IHDR, pngChunk("zTXt", ztxt), IEND));
        assertEquals(List.of(), m.entries());
        assertEquals(1, m.problems().size());
    }
}
