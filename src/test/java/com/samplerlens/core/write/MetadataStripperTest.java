package com.samplerlens.core.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.container.ExifTool;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.TestBytes;
import com.samplerlens.core.container.TestImages;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.container.jpeg.JpegExifWriter;
import com.samplerlens.core.container.jpeg.JpegSegmentReader;
import com.samplerlens.core.container.png.PngChunkReader;
import com.samplerlens.core.container.webp.RiffChunk;
import com.samplerlens.core.container.webp.RiffChunkReader;
import com.samplerlens.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strip on real fixtures: nothing left for our readers or ExifTool, image data byte for byte the same. */
class MetadataStripperTest {

    @TempDir Path dir;

    /** ExifTool tags that carry generation data in the fixtures (read with exiftool -G1 -a -s by hand). */
    private static final Set<String> GENERATION_TAGS = Set.of("Parameters", "Prompt", "Workflow", "SamplersDetail", "UserComment",
            "ImageDescription", "Comment", "Description", "Title", "Software", "Source", "XPComment");

    private Path stripped(String fixture) throws Exception {
        Path source = Files.copy(Fixtures.bundled("images/" + fixture), dir.resolve(fixture));
        Path target = MetadataStripper.defaultTarget(source);
        MetadataStripper.stripFile(source, target, false);
        return target;
    }

    private static void assertNoGenerationData(Path file, String... textsThatWereThere) throws Exception {
        assertEquals(List.of(), MetadataReaders.read(file).entries(), "our readers find nothing");
        JsonNode tool = ExifTool.read(file);
        for (String tag : GENERATION_TAGS) assertFalse(tool.has(tag), "exiftool still shows " + tag + " in " + file.getFileName());
        for (String tag : List.of("Make", "Model")) {
            if (tool.has(tag)) assertFalse(tool.get(tag).asText().matches("(?s)(prompt|workflow):.*"), tag);
        }
        String all = tool.toString();
        for (String t : textsThatWereThere) assertFalse(all.contains(t), "exiftool still shows \"" + t + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_lora.png", "sdp_novelai1_cropped.png", "sdp_automatic1111_cropped.png"})
    void pngLosesEveryTextChunkAndKeepsItsPixels(String fixture) throws Exception {
        Path out = stripped(fixture);
        assertEquals("_clean.png", out.getFileName().toString().substring(out.getFileName().toString().length() - 10));
        assertNoGenerationData(out, "851616030078638", "photo of a duck", "cat, space, icon", "last_node_id");
        byte[] before = TestBytes.read(Fixtures.bundled("images/" + fixture));
        byte[] after = TestBytes.read(out);
        assertEquals(nonText(before), nonText(after), "every other chunk byte for byte");
        assertPixelsEqual(before, after);
    }

    @Test
    void a1111JpegLosesUserCommentAndKeepsItsScan() throws Exception {
        Path out = stripped("sdp_automatic1111_cropped.jpg");
        assertNoGenerationData(out, "photo of a duck");
        byte[] before = TestBytes.read(Fixtures.bundled("images/sdp_automatic1111_cropped.jpg"));
        byte[] after = TestBytes.read(out);
        assertArrayEquals(scan(before), scan(after));
        assertPixelsEqual(before, after);
    }

    @Test
    void jpegKeepsOrientationAndACameraMakeButNotOurTagsOrComments() throws Exception {
        byte[] plain = TestImages.encode(TestImages.picture(24, 16), "jpg");
        TiffOutputSet set = new TiffOutputSet(ByteOrder.BIG_ENDIAN);
        TiffOutputDirectory root = set.getOrCreateRootDirectory();
        root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
        root.add(TiffTagConstants.TIFF_TAG_MAKE, "Canon");
        root.add(TiffTagConstants.TIFF_TAG_MODEL, "prompt:{\"3\": {\"class_type\": \"KSampler\"}}");
        root.add(TiffTagConstants.TIFF_TAG_IMAGE_DESCRIPTION, "a secret prompt");
        set.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_USER_COMMENT, "Steps: 20, Seed: 424242");
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        new TiffImageWriterLossy(ByteOrder.BIG_ENDIAN).write(tiff, set);
        byte[] app1 = TestBytes.concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.toByteArray());
        byte[] withExif = JpegExifWriter.write(plain, app1, "Steps: 20, Seed: 424242, Metadata Fallback: com-marker");
        byte[] withOtherComment = TestImages.insertAfterApp0(withExif, TestImages.jpegSegment(0xFE, "made with a secret tool".getBytes(StandardCharsets.US_ASCII)));
        Path source = Files.write(dir.resolve("camera.jpg"), withOtherComment);
        Path out = dir.resolve("out.jpg");
        MetadataStripper.stripFile(source, out, false);

        assertNoGenerationData(out, "424242", "secret", "KSampler");
        JsonNode tool = ExifTool.read(out, "Orientation#", "Make");
        assertEquals(6, tool.get("Orientation").asInt());
        assertEquals("Canon", tool.get("Make").asText());
        assertArrayEquals(scan(withOtherComment), scan(TestBytes.read(out)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_flux_kontext_example_comic.webp", "ce_wan_text_to_video_wan.webp"})
    void webpLosesItsExifChunkAndKeepsEveryImageChunk(String fixture) throws Exception {
        Path out = stripped(fixture);
        assertNoGenerationData(out, "last_node_id", "class_type");
        byte[] before = TestBytes.read(Fixtures.bundled("images/" + fixture));
        byte[] after = TestBytes.read(out);
        List<String> imageChunks = List.of("VP8 ", "VP8L", "ALPH", "ANIM", "ANMF");
        assertEquals(chunks(before, imageChunks), chunks(after, imageChunks));
        assertEquals(List.of(), chunks(after, List.of("EXIF")));
        RiffChunk vp8x = RiffChunkReader.read(after).chunks().getFirst();
        assertEquals("VP8X", vp8x.fourCc());
        assertEquals(0, vp8x.data(after)[0] & 0x08, "EXIF flag cleared");
    }

    @Test
    void inPlaceReplacesTheSourceAndAnExistingTargetIsNeverOverwritten() throws Exception {
        Path source = Files.copy(Fixtures.bundled("images/ce_lora.png"), dir.resolve("a.png"));
        Path taken = Files.writeString(dir.resolve("a_clean.png"), "mine");
        assertThrows(FileAlreadyExistsException.class, () -> MetadataStripper.stripFile(source, taken, false));
        assertEquals("mine", Files.readString(taken));
        MetadataStripper.stripFile(source, source, true);
        assertEquals(List.of(), MetadataReaders.read(source).entries());
    }

    @Test
    void notAnImageIsOneLine() throws Exception {
        Path json = Files.copy(Fixtures.bundled("workflows/api/ce_sdxl_refiner_prompt_example.prompt.json"), dir.resolve("w.json"));
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> MetadataStripper.stripFile(json, dir.resolve("o.json"), false));
        assertTrue(e.getMessage().contains("w.json"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        Path broken = Files.write(dir.resolve("broken.jpg"), Arrays.copyOf(TestBytes.read(Fixtures.bundled("images/sdp_automatic1111_cropped.jpg")), 200));
        assertThrows(UnreadableFileException.class, () -> MetadataStripper.stripFile(broken, dir.resolve("o.jpg"), false));
        assertFalse(Files.exists(dir.resolve("o.jpg")));
    }

    private static List<String> nonText(byte[] png) {
        return PngChunkReader.read(png).chunks().stream().filter(c -> !c.isText())
                .map(c -> c.type() + ":" + TestBytes.sha256(new String(Arrays.copyOfRange(png, c.offset(), c.offset() + c.totalLength()), StandardCharsets.ISO_8859_1)))
                .toList();
    }

    private static byte[] scan(byte[] jpeg) {
        int from = JpegSegmentReader.read(jpeg).scanDataOffset();
        return Arrays.copyOfRange(jpeg, from, jpeg.length);
    }

    private static List<String> chunks(byte[] webp, List<String> types) {
        return RiffChunkReader.read(webp).chunks().stream().filter(c -> types.contains(c.fourCc()))
                .map(c -> c.fourCc() + ":" + TestBytes.sha256(new String(c.data(webp), StandardCharsets.ISO_8859_1))).toList();
    }

    private static void assertPixelsEqual(byte[] a, byte[] b) throws IOException {
        BufferedImage x = ImageIO.read(new ByteArrayInputStream(a));
        BufferedImage y = ImageIO.read(new ByteArrayInputStream(b));
        assertNotNull(x);
        assertNotNull(y);
        assertArrayEquals(x.getRGB(0, 0, x.getWidth(), x.getHeight(), null, 0, x.getWidth()),
                y.getRGB(0, 0, y.getWidth(), y.getHeight(), null, 0, y.getWidth()));
    }

}
