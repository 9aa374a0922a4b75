package com.samplerlens.core.container.jpeg;

import static com.samplerlens.core.container.TestBytes.*;
import static org.junit.jupiter.api.Assertions.*;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.ExifTool;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.TestImages;
import com.samplerlens.core.container.exif.ExifPayload;
import com.samplerlens.core.container.exif.ExifTextDecoder;
import com.samplerlens.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpegExifWriterTest {
    @TempDir Path dir;

    private static final String PARAMS = "a cat in space, 一只猫 🐱\nNegative prompt: blurry\nSteps: 25, Sampler: Euler, CFG scale: 7, Seed: 42";
    private static final String PROMPT = readRealPrompt();
    private static final String DETAIL = "[{\"sampler\": \"KSamplerAdvanced\", \"steps\": 25}]";

    private static String readRealPrompt() {
        return readUtf8(Fixtures.bundled("workflows/api/ce_sdxl_refiner_prompt_example.prompt.json"));
    }

    /** A real ImageIO JPEG with a little-endian EXIF (Orientation 6, Make Canon) added by Commons Imaging. */
    private static byte[] cameraJpeg() throws Exception {
        byte[] plain = TestImages.encode(TestImages.picture(64, 48), "jpg");
        TiffOutputSet set = new TiffOutputSet(ByteOrder.LITTLE_ENDIAN);
        set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
        set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "Canon");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(plain, out, set);
        return out.toByteArray();
    }

    @Test
    void writeIntoCameraJpegKeepsItsTagsAndPixels() throws Exception {
        byte[] target = cameraJpeg();
        ExifPayload payload = new ExifPayload(PARAMS, ExifPayload.PROMPT_PREFIX + PROMPT, null, ExifPayload.SAMPLERS_DETAIL_PREFIX + DETAIL);
        byte[] app1 = JpegExifWriter.app1Payload(target, payload);
        byte[] written = JpegExifWriter.write(target, app1, null);
        Path out = Files.write(dir.resolve("out.jpg"), written);

        // size arithmetic: old EXIF segment out, new one in
        JpegSegment oldExif = JpegSegmentReader.read(target).segments().stream().filter(s -> s.marker() == JpegSegment.APP1).findFirst().orElseThrow();
        assertEquals(target.length - oldExif.totalLength() + JpegExifWriter.segmentSize(app1.length), written.length);
        assertEquals(written.length, JpegExifWriter.writtenSize(target, app1, null));

        // (a) our reader
        EmbeddedMetadata m = MetadataReaders.read(out);
        assertEquals(List.of(), m.problems());
        assertEquals(PARAMS, m.text("parameters").orElseThrow());
        assertEquals(PROMPT, m.text("prompt").orElseThrow());
        assertEquals(DETAIL, m.text("Samplers detail").orElseThrow());
        assertTrue(m.text("workflow").isEmpty());

        // (b) metadata-extractor: camera tags kept; UserComment in the block's (little-endian) order
        Metadata me = JpegMetadataReader.readMetadata(new ByteArrayInputStream(written));
        ExifIFD0Directory ifd0 = me.getFirstDirectoryOfType(ExifIFD0Directory.class);
        assertEquals(6, ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION));
        assertEquals("Canon", ifd0.getString(ExifIFD0Directory.TAG_MAKE));
        assertEquals(ExifPayload.PROMPT_PREFIX + PROMPT, ifd0.getString(ExifIFD0Directory.TAG_MODEL));
        byte[] uc = me.getFirstDirectoryOfType(ExifSubIFDDirectory.class).getByteArray(ExifSubIFDDirectory.TAG_USER_COMMENT);
        assertArrayEquals(concat(ExifTextDecoder.UNICODE_PREFIX, PARAMS.getBytes(StandardCharsets.UTF_16LE)), uc);

        // pixels: scan data byte-identical and decoded rasters equal
        assertArrayEquals(scanData(target), scanData(written));
        assertSameRaster(ImageIO.read(new ByteArrayInputStream(target)), ImageIO.read(new ByteArrayInputStream(written)));

        // (c) ExifTool
        JsonNode et = ExifTool.read(out, "UserComment", "Model", "Make", "ImageDescription", "Orientation#");
        assertEquals(PARAMS, et.path("UserComment").asText());
        assertEquals(ExifPayload.PROMPT_PREFIX + PROMPT, et.path("Model").asText());
        assertEquals("Canon", et.path("Make").asText());
        assertEquals(ExifPayload.SAMPLERS_DETAIL_PREFIX + DETAIL, et.path("ImageDescription").asText());
        assertEquals(6, et.path("Orientation").asInt());
    }

    @Test
    void automatic1111JpegGetsBigEndianUtf16ExactlyAsPiexifWrites() throws Exception {
        byte[] target = read(Fixtures.bundled("images/sdp_automatic1111_cropped.jpg"));
        String workflow = readUtf8(Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json"));
        ExifPayload payload = new ExifPayload(PARAMS, ExifPayload.PROMPT_PREFIX + PROMPT, ExifPayload.WORKFLOW_PREFIX + workflow, null);
        byte[] written = JpegExifWriter.write(target, JpegExifWriter.app1Payload(target, payload), null);
        Path out = Files.write(dir.resolve("a1111.jpg"), written);

        int exifAt = indexOf(written, com.samplerlens.core.container.jpeg.JpegMetadataReader.EXIF_HEADER, 0);
        byte[] tiffStart = Arrays.copyOfRange(written, exifAt + 6, exifAt + 8);
        assertArrayEquals(new byte[] {'M', 'M'}, tiffStart);
        Metadata me = JpegMetadataReader.readMetadata(new ByteArrayInputStream(written));
        byte[] uc = me.getFirstDirectoryOfType(ExifSubIFDDirectory.class).getByteArray(ExifSubIFDDirectory.TAG_USER_COMMENT);
        assertArrayEquals(concat(ExifTextDecoder.UNICODE_PREFIX, PARAMS.getBytes(StandardCharsets.UTF_16BE)), uc);

        EmbeddedMetadata m = MetadataReaders.read(out);
        assertEquals(List.of("workflow", "prompt", "parameters"), m.entries().stream().map(MetadataEntry::key).toList());
        assertEquals(workflow, m.text("workflow").orElseThrow());
        assertArrayEquals(scanData(target), scanData(written));

        JsonNode et = ExifTool.read(out, "UserComment", "Make");
        assertEquals(PARAMS, et.path("UserComment").asText());
        assertEquals(ExifPayload.WORKFLOW_PREFIX + workflow, et.path("Make").asText());
    }

    @Test
    void comMarkerStageReplacesExifAndAnOlderParametersComment() throws Exception {
        byte[] target = cameraJpeg();
        byte[] first = JpegExifWriter.write(target, null, "old\nSteps: 1");
        byte[] second = JpegExifWriter.write(first, null, PARAMS);
        assertEquals(second.length, JpegExifWriter.writtenSize(first, null, PARAMS));
        EmbeddedMetadata m = MetadataReaders.read(Path.of("c.jpg"), second);
        assertEquals(List.of(new MetadataEntry("parameters", "COM", PARAMS, PARAMS.getBytes(StandardCharsets.UTF_8).length)), m.entries());
        assertTrue(m.structure().stream().noneMatch(s -> s.startsWith("APP1")), m.structure().toString());
        assertArrayEquals(scanData(target), scanData(second));
    }

    @Test
    void otherCommentsStay() throws Exception {
        byte[] target = TestImages.insertAfterApp0(TestImages.encode(TestImages.picture(16, 16), "jpg"),
                TestImages.jpegSegment(JpegSegment.COM, "CREATOR: gd-jpeg".getBytes(StandardCharsets.US_ASCII)));
        byte[] written = JpegExifWriter.write(target, null, PARAMS);
        EmbeddedMetadata m = MetadataReaders.read(Path.of("c.jpg"), written);
        assertEquals(2, m.entries().size());
    }

    @Test
    void tooLargePayloadIsRefusedWithItsSize() throws Exception {
        byte[] target = cameraJpeg();
        String huge = "x".repeat(70_000);
        byte[] app1 = JpegExifWriter.app1Payload(target, new ExifPayload(null, ExifPayload.PROMPT_PREFIX + huge, null, null));
        var e = assertThrows(SegmentTooLargeException.class, () -> JpegExifWriter.write(target, app1, null));
        assertEquals(app1.length, e.payloadBytes());
        assertTrue(e.getMessage().contains("65,533"), e.getMessage());
        assertThrows(SegmentTooLargeException.class, () -> JpegExifWriter.write(target, null, huge));
    }

    /** Everything from the end of the SOS header on. */
    private static byte[] scanData(byte[] jpeg) {
        int at = JpegSegmentReader.read(jpeg).scanDataOffset();
        return Arrays.copyOfRange(jpeg, at, jpeg.length);
    }

    private static void assertSameRaster(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        for (int y = 0; y < a.getHeight(); y++) {
            assertArrayEquals(a.getRGB(0, y, a.getWidth(), 1, null, 0, a.getWidth()), b.getRGB(0, y, b.getWidth(), 1, null, 0, b.getWidth()));
        }
    }
}
