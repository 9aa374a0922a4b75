package com.samplerlens.core.container.webp;

import static com.samplerlens.core.container.TestBytes.*;
import static org.junit.jupiter.api.Assertions.*;

import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.ExifTool;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.exif.ExifPayload;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebpExifWriterTest {
    @TempDir Path dir;

    private static final Set<String> IMAGE_CHUNKS = Set.of("VP8 ", "VP8L", "ALPH", "ANIM", "ANMF", "ICCP", "XMP ");
    private static final String PARAMS = "a robot, 机器人 🤖\nSteps: 20, Sampler: Euler";

    private static ExifPayload payload(String prompt, String workflow) {
        return new ExifPayload(PARAMS, ExifPayload.PROMPT_PREFIX + prompt, ExifPayload.WORKFLOW_PREFIX + workflow,
                ExifPayload.SAMPLERS_DETAIL_PREFIX + "[{\"steps\": 20}]");
    }

    @Test
    void animatedWebpStaysAnimatedAndGetsBareTiffExif() throws Exception {
        byte[] webp = read(Fixtures.bundled("images/ce_wan22_text_to_video_wan22_14B.webp"));
        String prompt = readUtf8(Fixtures.bundled("workflows/api/ce_wan22_text_to_video_wan22_14B.prompt.json"));
        String workflow = readUtf8(Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json"));
        byte[] written = WebpExifWriter.write(webp, WebpExifWriter.tiffPayload(webp, payload(prompt, workflow)));
        Path out = Files.write(dir.resolve("anim.webp"), written);
        assertEquals(written.length, WebpExifWriter.writtenSize(webp, WebpExifWriter.tiffPayload(webp, payload(prompt, workflow))));

        RiffChunkReader.Result r = RiffChunkReader.read(written);
        assertEquals(List.of(), r.problems());
        assertArrayEquals(imageChunks(webp), imageChunks(written));
        RiffChunk vp8x = r.chunks().getFirst();
        int flags = written[vp8x.dataOffset()] & 0xFF;
        assertEquals(0x02, flags & 0x02, "animation flag kept");
        assertEquals(0x08, flags & 0x08, "EXIF flag set");
        RiffChunk exif = r.chunks().getLast();
        assertEquals("EXIF", exif.fourCc());
        assertEquals('M', written[exif.dataOffset()], "bare TIFF, no Exif\\0\\0 header");

        EmbeddedMetadata m = MetadataReaders.read(out);
        assertEquals(List.of(), m.problems());
        assertEquals(prompt, m.text("prompt").orElseThrow());
        assertEquals(workflow, m.text("workflow").orElseThrow());
        assertEquals(PARAMS, m.text("parameters").orElseThrow());

        JsonNode et = ExifTool.read(out, "Model", "Make", "UserComment");
        assertEquals(ExifPayload.PROMPT_PREFIX + prompt, et.path("Model").asText());
        assertEquals(PARAMS, et.path("UserComment").asText());
    }

    @Test
    void stillWebpReadFourWays() throws Exception {
        byte[] webp = read(Fixtures.bundled("images/ce_flux_kontext_example_comic.webp"));
        EmbeddedMetadata before = MetadataReaders.read(Fixtures.bundled("images/ce_flux_kontext_example_comic.webp"));
        String prompt = before.text("prompt").orElseThrow();
        String workflow = before.text("workflow").orElseThrow().replace("\"revision\": 0", "\"revision\": 1");
        byte[] written = WebpExifWriter.write(webp, WebpExifWriter.tiffPayload(webp, payload(prompt, workflow)));
        Path out = Files.write(dir.resolve("still.webp"), written);
        assertArrayEquals(imageChunks(webp), imageChunks(written));

        EmbeddedMetadata m = MetadataReaders.read(out);
        assertEquals(workflow, m.text("workflow").orElseThrow());

        Metadata me = WebpMetadataReader.readMetadata(new ByteArrayInputStream(written));
        assertEquals(ExifPayload.PROMPT_PREFIX + prompt, me.getFirstDirectoryOfType(ExifIFD0Directory.class).getString(ExifIFD0Directory.TAG_MODEL));

        // ComfyUI frontend: the EXIF chunk's ASCII value that starts with "workflow:" -> JSON.parse
        RiffChunk exif = RiffChunkReader.read(written).chunks().stream().filter(c -> c.fourCc().equals("EXIF")).findFirst().orElseThrow();
        String chunkText = new String(exif.data(written), StandardCharsets.ISO_8859_1);
        int start = chunkText.indexOf("workflow:") + "workflow:".length();
        String value = chunkText.substring(start, chunkText.indexOf('\0', start));
        assertEquals(LenientJson.parse(workflow), LenientJson.parse(value));

        JsonNode et = ExifTool.read(out, "Make");
        assertEquals(ExifPayload.WORKFLOW_PREFIX + workflow, et.path("Make").asText());
    }

    @Test
    void simpleLossyWebpGetsAVp8xWithTheBitstreamCanvas() throws Exception {
        byte[] kontext = read(Fixtures.bundled("images/ce_flux_kontext_example_comic.webp"));
        RiffChunk vp8 = RiffChunkReader.read(kontext).chunks().get(1);
        byte[] simple = riff(kontext, vp8);
        byte[] written = WebpExifWriter.write(simple, WebpExifWriter.tiffPayload(simple, payload("{}", "{\"nodes\": []}")));

        RiffChunkReader.Result r = RiffChunkReader.read(written);
        assertEquals(List.of("VP8X", "VP8 ", "EXIF"), r.chunks().stream().map(RiffChunk::fourCc).toList());
        RiffChunk vp8x = r.chunks().getFirst();
        RiffChunk originalVp8x = RiffChunkReader.read(kontext).chunks().getFirst();
        // canvas (bytes 4..9) must equal what the original encoder wrote in its VP8X
        assertArrayEquals(java.util.Arrays.copyOfRange(kontext, originalVp8x.dataOffset() + 4, originalVp8x.dataOffset() + 10),
                java.util.Arrays.copyOfRange(written, vp8x.dataOffset() + 4, vp8x.dataOffset() + 10));
        assertEquals(0x08, written[vp8x.dataOffset()]);
        assertEquals("{\"nodes\": []}", MetadataReaders.read(Path.of("s.webp"), written).text("workflow").orElseThrow());
        assertEquals(2048, ExifTool.read(Files.write(dir.resolve("s.webp"), written), "ImageWidth").path("ImageWidth").asInt());
    }

    @Test
    void nullRemovesExifAndClearsTheFlag() throws Exception {
        byte[] webp = read(Fixtures.bundled("images/ce_flux_kontext_example_comic.webp"));
        byte[] written = WebpExifWriter.write(webp, null);
        assertEquals(List.of("VP8X", "VP8 "), RiffChunkReader.read(written).chunks().stream().map(RiffChunk::fourCc).toList());
        assertEquals(0, written[RiffChunkReader.read(written).chunks().getFirst().dataOffset()] & 0x08);
        assertEquals(List.of(), MetadataReaders.read(Path.of("n.webp"), written).entries());
    }

    @Test
    void oddPayloadIsPadded() throws Exception {
        byte[] webp = read(Fixtures.bundled("images/ce_flux_kontext_example_comic.webp"));
        byte[] odd = new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0};
        byte[] written = WebpExifWriter.write(webp, odd);
        assertEquals(0, written.length % 2);
        assertEquals(List.of(), RiffChunkReader.read(written).problems());
        assertEquals(written.length - 8, RiffChunkReader.readUInt32LE(written, 4));
    }

    private static byte[] riff(byte[] src, RiffChunk chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int size = 4 + chunk.totalLength();
        out.writeBytes(new byte[] {'R', 'I', 'F', 'F', (byte) size, (byte) (size >>> 8), (byte) (size >>> 16), (byte) (size >>> 24), 'W', 'E', 'B', 'P'});
        out.write(src, chunk.offset(), chunk.totalLength());
        return out.toByteArray();
    }

    /** Image chunks, raw, in order. */
    private static byte[] imageChunks(byte[] webp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (RiffChunk c : RiffChunkReader.read(webp).chunks()) if (IMAGE_CHUNKS.contains(c.fourCc())) out.write(webp, c.offset(), c.totalLength());
        return out.toByteArray();
    }
}
