package com.samplerlens.core.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.png.PngChunk;
import com.samplerlens.core.container.png.PngChunkReader;
import com.samplerlens.core.fallback.FallbackSettings;
import com.samplerlens.core.fallback.FallbackStage;
import com.samplerlens.core.fallback.JpegStagePlan;
import com.samplerlens.core.fallback.PlanEntry;
import com.samplerlens.core.json.CompactJson;
import com.samplerlens.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataWriterTest {

    @TempDir Path dir;

    static final String PARAMS = "a fox in the snow\nNegative prompt: 色调艳丽，过曝\nSteps: 8, Sampler: euler_simple, CFG scale: 1.0, Seed: 7, "
            + "Model: wan.safetensors, Size: 832x480, Hashes: {\"model\": \"5519e566e6\"}, Metadata generator version: 1.4.2";

    static FallbackSettings kb(Integer kb) { return FallbackSettings.of(kb, Map.of()); }

    private Path copy(Path fixture, String name) throws IOException {
        return Files.copy(fixture, dir.resolve(name));
    }

    private MetadataBundle comfyBundle() throws Exception {
        Path lora = Fixtures.bundled("images/ce_lora.png");
        EmbeddedMetadata m = MetadataReaders.read(lora);
        return new MetadataBundle(PARAMS, m.text("prompt").orElseThrow(), m.text("workflow").orElseThrow(), "[{\"number\": 1, \"node_id\": \"3\"}]");
    }

    @Test
    void pngGetsItsChunksAndKeepsEveryOtherChunkByteForByte() throws Exception {
        Path target = copy(Fixtures.bundled("images/ce_esrgan_example.png"), "upscaled.png");
        byte[] before = Files.readAllBytes(target);
        MetadataBundle bundle = comfyBundle();

        var result = MetadataWriter.write(bundle, new MetadataWriter.Request(target, null, null, kb(null), false, false));

        assertEquals(dir.resolve("upscaled_meta.png"), result.written());
        assertArrayEquals(before, Files.readAllBytes(target), "the target is not modified");
        EmbeddedMetadata read = MetadataReaders.read(result.written());
        assertEquals(PARAMS, read.text("parameters").orElseThrow());
        assertEquals(bundle.prompt(), read.text("prompt").orElseThrow());
        assertEquals(bundle.workflow(), read.text("workflow").orElseThrow());
        assertEquals(bundle.samplersDetail(), read.text("Samplers detail").orElseThrow());
        byte[] after = Files.readAllBytes(result.written());
        assertEquals(idat(before), idat(after));
        assertEquals(result.bytes(), after.length);
        long chunkBytes = result.plan().entries().stream().mapToLong(PlanEntry::metadataBytes).sum();
        assertTrue(result.plan().entries().stream().allMatch(e -> e.fileBytes().getAsLong() == after.length));
        assertEquals(4, result.plan().entries().size());
        assertTrue(chunkBytes > bundle.workflow().length());
        exiftool(result.written(), "Parameters").ifPresent(p -> assertEquals(PARAMS, p));
    }

    @Test
    void jpegWithABigWorkflowGetsTheReducedExifAndReportsTheRealSize() throws Exception {
        Path target = dir.resolve("photo.jpg");
        Files.write(target, jpeg());
        String big = Files.readString(Fixtures.bundled("workflows/ui/kj_wanvideo_2_1_14B_OneToAllAnimation_pose_control_example_01.json"));
        MetadataBundle bundle = new MetadataBundle(PARAMS, null, big, null);

        var result = MetadataWriter.write(bundle, new MetadataWriter.Request(target, null, null, kb(60), false, false));

        JpegStagePlan stage = result.plan().chosen().orElseThrow();
        assertEquals(FallbackStage.REDUCED_EXIF, stage.stage());
        assertEquals(stage.fileBytes().getAsLong(), Files.size(result.written()));
        assertEquals(PARAMS + ", Metadata Fallback: reduced-exif", MetadataReaders.read(result.written()).text("parameters").orElseThrow());
        exiftool(result.written(), "UserComment").ifPresent(c -> assertEquals(PARAMS + ", Metadata Fallback: reduced-exif", c));
    }

    @Test
    void jpegFullStageCarriesPromptAndWorkflowAsExifToolSeesThem() throws Exception {
        Path target = dir.resolve("photo.jpg");
        Files.write(target, jpeg());
        MetadataBundle bundle = comfyBundle();
        var result = MetadataWriter.write(bundle, new MetadataWriter.Request(target, dir.resolve("out.jpg"), null, kb(60), false, false));
        assertEquals(FallbackStage.FULL, result.plan().chosen().orElseThrow().stage());
        exiftool(result.written(), "Model").ifPresent(m -> assertEquals("prompt:" + CompactJson.of(bundle.prompt()), m));
        exiftool(result.written(), "Make").ifPresent(m -> assertEquals("workflow:" + CompactJson.of(bundle.workflow()), m));
        exiftool(result.written(), "UserComment").ifPresent(c -> assertEquals(PARAMS, c));
    }

    @Test
    void comMarkerIsReadBackFromTheCommentByExifTool() throws Exception {
        Path target = dir.resolve("photo.jpg");
        Files.write(target, jpeg());
        String longPrompt = "snow ".repeat(2000) + "\n" + PARAMS;
        var result = MetadataWriter.write(new MetadataBundle(longPrompt, null, null, null),
                new MetadataWriter.Request(target, null, null, kb(4), false, false));
        JpegStagePlan stage = result.plan().chosen().orElseThrow();
        assertEquals(FallbackStage.COM_MARKER, stage.stage());
        assertEquals(stage.comText(), MetadataReaders.read(result.written()).text("parameters").orElseThrow());
        exiftool(result.written(), "Comment").ifPresent(c -> assertEquals(stage.comText(), c));
    }

    @Test
    void webpGetsOneExifChunk() throws Exception {
        Path target = copy(Fixtures.bundled("images/ce_wan_text_to_video_wan.webp"), "clip.webp");
        MetadataBundle bundle = new MetadataBundle(PARAMS, "{\"1\": {\"class_type\": \"KSampler\", \"inputs\": {}}}", null, null);
        var result = MetadataWriter.write(bundle, new MetadataWriter.Request(target, null, null, kb(null), false, false));
        assertEquals(dir.resolve("clip_meta.webp"), result.written());
        assertEquals(1, result.plan().entries().size());
        assertEquals(Files.size(result.written()), result.plan().entries().getFirst().fileBytes().getAsLong());
        EmbeddedMetadata read = MetadataReaders.read(result.written());
        assertEquals(PARAMS, read.text("parameters").orElseThrow());
        exiftool(result.written(), "UserComment").ifPresent(c -> assertEquals(PARAMS, c));
        exiftool(result.written(), "Model").ifPresent(m -> assertEquals("prompt:{\"1\":{\"class_type\":\"KSampler\",\"inputs\":{}}}", m));
    }

    @Test
    void anExistingOutputIsNeverReplacedUnlessForced() throws Exception {
        Path target = copy(Fixtures.bundled("images/ce_lora.png"), "a.png");
        Path taken = Files.writeString(dir.resolve("a_meta.png"), "mine");
        MetadataBundle bundle = new MetadataBundle(PARAMS, null, null, null);
        assertThrows(FileAlreadyExistsException.class,
                () -> MetadataWriter.write(bundle, new MetadataWriter.Request(target, null, null, kb(null), false, false)));
        assertEquals("mine", Files.readString(taken));
        MetadataWriter.write(bundle, new MetadataWriter.Request(target, null, null, kb(null), false, true));
        assertEquals(PARAMS, MetadataReaders.read(taken).text("parameters").orElseThrow());
    }

    @Test
    void inPlaceRewritesTheTargetAndLeavesNothingElse() throws Exception {
        Path target = copy(Fixtures.bundled("images/ce_lora.png"), "a.png");
        var result = MetadataWriter.write(new MetadataBundle(PARAMS, null, null, null),
                new MetadataWriter.Request(target, null, null, kb(null), true, false));
        assertEquals(target, result.written());
        assertEquals(PARAMS, MetadataReaders.read(target).text("parameters").orElseThrow());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void pngToJpegReEncodesWithANotice() throws Exception {
        Path target = copy(Fixtures.bundled("images/ce_lora.png"), "a.png");
        var result = MetadataWriter.write(new MetadataBundle(PARAMS, null, null, null),
                new MetadataWriter.Request(target, null, ContainerFormat.JPEG, kb(null), false, false));
        assertEquals(dir.resolve("a_meta.jpg"), result.written());
        assertTrue(result.notices().getFirst().startsWith("pixels re-encoded from png to jpeg"));
        EmbeddedMetadata read = MetadataReaders.read(result.written());
        assertEquals(ContainerFormat.JPEG, read.format());
        assertEquals(PARAMS, read.text("parameters").orElseThrow());
    }

    @Test
    void webpConversionIsRefusedWithTheReason() throws Exception {
        Path target = copy(Fixtures.bundled("images/ce_lora.png"), "a.png");
        var e = assertThrows(IllegalArgumentException.class, () -> MetadataWriter.write(new MetadataBundle(PARAMS, null, null, null),
                new MetadataWriter.Request(target, null, ContainerFormat.WEBP, kb(null), false, false)));
        assertTrue(e.getMessage().contains("no WebP encoder"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("a_meta.webp")));
    }

    @Test
    void defaultOutputNames() {
        assertEquals(Path.of("/x/photo_meta.jpeg"), MetadataWriter.defaultOutput(Path.of("/x/photo.jpeg"), ContainerFormat.JPEG));
        assertEquals(Path.of("/x/photo_meta.jpg"), MetadataWriter.defaultOutput(Path.of("/x/photo.png"), ContainerFormat.JPEG));
        assertEquals(Path.of("/x/a.b_meta.png"), MetadataWriter.defaultOutput(Path.of("/x/a.b.png"), ContainerFormat.PNG));
    }

    private static String idat(byte[] png) {
        StringBuilder sb = new StringBuilder();
        for (PngChunk c : PngChunkReader.read(png).chunks()) {
            if (c.type().equals("IDAT")) sb.append(java.util.HexFormat.of().formatHex(png, c.dataOffset(), c.dataOffset() + c.length()));
        }
        return sb.toString();
    }

    static byte[] jpeg() throws IOException {
        var img = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) for (int x = 0; x < 64; x++) img.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | (x ^ y));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }

    /** A tag as ExifTool prints it ({@code -b}), or empty when ExifTool is not installed. */
    static java.util.Optional<String> exiftool(Path file, String tag) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("exiftool", "-b", "-" + tag, file.toString()).start();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assumeTrue(p.exitValue() == 0, "exiftool failed");
        return java.util.Optional.of(new String(out, StandardCharsets.UTF_8));
    }
}
