package com.samplerlens.core.container.png;

import static com.samplerlens.core.container.TestBytes.*;
import static org.junit.jupiter.api.Assertions.*;

import com.drew.imaging.png.PngMetadataReader;
import com.drew.lang.KeyValuePair;
import com.drew.metadata.png.PngDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.ExifTool;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngChunkRewriterTest {
    @TempDir Path dir;

    private static final String PARAMETERS = readParameters() + "\n一只猫 🐱 – café";
    private static final String SAMPLERS_DETAIL = "[{\"sampler\": \"KSamplerAdvanced\", \"steps\": 25}]";

    private static String readParameters() {
        try {
            return MetadataReaders.read(Fixtures.bundled("images/sdp_automatic1111_cropped.png")).text("parameters").orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static LinkedHashMap<String, String> texts(EmbeddedMetadata source) {
        LinkedHashMap<String, String> t = new LinkedHashMap<>();
        t.put("parameters", PARAMETERS);
        t.put("prompt", source.text("prompt").orElseThrow());
        t.put("workflow", source.text("workflow").orElseThrow());
        t.put("Samplers detail", SAMPLERS_DETAIL);
        return t;
    }

    @Test
    void rewriteRealPngReadBackFourWays() throws Exception {
        Path src = Fixtures.bundled("images/ce_sdxl_refiner_prompt_example.png");
        byte[] original = read(src);
        EmbeddedMetadata before = MetadataReaders.read(src);
        LinkedHashMap<String, String> texts = texts(before);
        byte[] written = PngChunkRewriter.rewrite(original, texts);
        Path out = Files.write(dir.resolve("out.png"), written);

        // (a) our reader: same texts, in the map's order, no duplicates, iTXt only for the non-Latin-1 text
        EmbeddedMetadata after = MetadataReaders.read(out);
        assertEquals(List.of(), after.problems());
        assertEquals(List.of("parameters", "prompt", "workflow", "Samplers detail"), after.entries().stream().map(MetadataEntry::key).toList());
        assertEquals(List.of("iTXt", "tEXt", "tEXt", "tEXt"), after.entries().stream().map(MetadataEntry::location).toList());
        texts.forEach((k, v) -> assertEquals(v, after.text(k).orElseThrow(), k));

        // chunk order: texts before the first IDAT; every non-text chunk byte-identical and in order
        List<PngChunk> oldChunks = PngChunkReader.read(original).chunks();
        List<PngChunk> newChunks = PngChunkReader.read(written).chunks();
        assertEquals(List.of("IHDR", "iTXt", "tEXt", "tEXt", "tEXt", "IDAT"), newChunks.subList(0, 6).stream().map(PngChunk::type).toList());
        assertArrayEquals(nonText(original, oldChunks), nonText(written, newChunks));

        // (b) metadata-extractor
        Map<String, String> me = new HashMap<>();
        for (PngDirectory d : PngMetadataReader.readMetadata(new ByteArrayInputStream(written)).getDirectoriesOfType(PngDirectory.class)) {
            @SuppressWarnings("unchecked")
            List<KeyValuePair> pairs = (List<KeyValuePair>) d.getObject(PngDirectory.TAG_TEXTUAL_DATA);
            if (pairs != null) for (KeyValuePair p : pairs) me.putIfAbsent(p.getKey(), p.getValue().toString(StandardCharsets.UTF_8));
        }
        assertEquals(texts.get("prompt"), me.get("prompt"));
        assertEquals(texts.get("workflow"), me.get("workflow"));
        assertEquals(PARAMETERS, me.get("parameters"));

        // pixels identical after decoding
        assertSameRaster(ImageIO.read(new ByteArrayInputStream(original)), ImageIO.read(new ByteArrayInputStream(written)));

        // ComfyUI frontend: tEXt keyword "workflow" -> JSON.parse
        PngChunk wf = newChunks.stream().filter(c -> c.type().equals("tEXt")).filter(c -> keywordOf(written, c).equals("workflow")).findFirst().orElseThrow();
        String wfText = new String(written, wf.dataOffset() + 9, wf.length() - 9, StandardCharsets.ISO_8859_1);
        assertEquals(LenientJson.parse(before.text("workflow").orElseThrow()), LenientJson.parse(wfText));

        // (c) ExifTool
        JsonNode et = ExifTool.read(out, "PNG:all");
        assertEquals(PARAMETERS, et.path("Parameters").asText());
        assertEquals(texts.get("prompt"), et.path("Prompt").asText());
        assertEquals(texts.get("workflow"), et.path("Workflow").asText());
        assertEquals(SAMPLERS_DETAIL, et.path("SamplersDetail").asText());
    }

    @Test
    void rewriteIsIdempotentAndKeepsBytesAfterIend() {
        byte[] original = concat(read(Fixtures.bundled("images/ce_lora.png")), latin1("trailing"));
        LinkedHashMap<String, String> t = new LinkedHashMap<>(Map.of("prompt", "{}"));
        byte[] once = PngChunkRewriter.rewrite(original, t);
        assertArrayEquals(once, PngChunkRewriter.rewrite(once, t));
        assertTrue(new String(once, once.length - 8, 8, StandardCharsets.ISO_8859_1).equals("trailing"));
    }

    @Test
    void nullValueOnlyRemoves() throws Exception {
        LinkedHashMap<String, String> t = new LinkedHashMap<>();
        t.put("workflow", null);
        byte[] written = PngChunkRewriter.rewrite(read(Fixtures.bundled("images/ce_lora.png")), t);
        EmbeddedMetadata m = MetadataReaders.read(Path.of("x.png"), written);
        assertEquals(List.of("prompt"), m.entries().stream().map(MetadataEntry::key).toList());
    }

    @Test
    void removeDropsMatchingTextChunksOfEveryKind() throws Exception {
        byte[] png = PngChunkRewriter.rewrite(read(Fixtures.bundled("images/ce_lora.png")), new LinkedHashMap<>(Map.of("parameters", "猫")));
        byte[] stripped = PngChunkRewriter.remove(png, k -> true);
        EmbeddedMetadata m = MetadataReaders.read(Path.of("x.png"), stripped);
        assertEquals(List.of(), m.entries());
        assertArrayEquals(nonText(png, PngChunkReader.read(png).chunks()), nonText(stripped, PngChunkReader.read(stripped).chunks()));
    }

    @Test
    void badKeywordAndDamagedPngAreRefused() {
        byte[] png = read(Fixtures.bundled("images/ce_lora.png"));
        assertThrows(IllegalArgumentException.class, () -> PngChunkRewriter.rewrite(png, new LinkedHashMap<>(Map.of(" lead", "x"))));
        byte[] cut = java.util.Arrays.copyOf(png, 5000);
        var e = assertThrows(IllegalArgumentException.class, () -> PngChunkRewriter.rewrite(cut, new LinkedHashMap<>(Map.of("prompt", "x"))));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    private static String keywordOf(byte[] png, PngChunk c) {
        try {
            return PngTextDecoder.keyword(png, c);
        } catch (PngTextDecoder.BadTextChunkException e) {
            throw new AssertionError(e);
        }
    }

    /** All non-text chunks, raw bytes, concatenated in order. */
    static byte[] nonText(byte[] png, List<PngChunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (PngChunk c : chunks) if (!c.isText()) out.write(png, c.offset(), c.totalLength());
        return out.toByteArray();
    }

    static void assertSameRaster(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        for (int y = 0; y < a.getHeight(); y++) {
            assertArrayEquals(a.getRGB(0, y, a.getWidth(), 1, null, 0, a.getWidth()), b.getRGB(0, y, b.getWidth(), 1, null, 0, b.getWidth()), "row " + y);
        }
    }
}
