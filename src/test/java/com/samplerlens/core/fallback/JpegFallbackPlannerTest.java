package com.samplerlens.core.fallback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.container.jpeg.JpegExifWriter;
import com.samplerlens.core.container.jpeg.JpegSegment;
import com.samplerlens.core.container.jpeg.JpegSegmentReader;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.testing.Fixtures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpegFallbackPlannerTest {

    static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};

    static String bigWorkflow;
    static String prompt;
    static byte[] target;

    @TempDir Path dir;

    @BeforeAll
    static void inputs() throws Exception {
        bigWorkflow = Files.readString(Fixtures.bundled("workflows/ui/kj_wanvideo_2_1_14B_OneToAllAnimation_pose_control_example_01.json"));
        prompt = Files.readString(Fixtures.bundled("workflows/api/ce_wan22_text_to_video_wan22_14B.prompt.json"));
        target = photo(320, 240);
    }

    /** A real baseline JPEG with varied pixels, so its scan data is not trivial. */
    static byte[] photo(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int y = 0; y < h; y += 8) {
            for (int x = 0; x < w; x += 8) {
                g.setColor(new Color((x * 7 + y) % 256, (y * 5) % 256, (x ^ y) % 256));
                g.fillRect(x, y, 8, 8);
            }
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }

    /** Parameters of the anchor's single-line form with a long tail that minimal can cut. */
    static String parameters(int promptRepeats) {
        StringBuilder p = new StringBuilder();
        p.append("a fox running through deep snow, winter forest, tracking shot, ".repeat(promptRepeats).strip()).append('\n');
        p.append("Negative prompt: blurry, static, low quality\n");
        p.append("Steps: 8, Sampler: euler_simple, CFG scale: 1.0, Denoise: 1.0, Seed: 706190577933098, Size: 832x480, ");
        p.append("Model: wan2.2_t2v_high_noise_14B_fp8_scaled.safetensors, Model hash: 5519e566e6, Weight dtype: fp8_e4m3fn, ");
        p.append("VAE: wan_2.1_vae.safetensors, VAE hash: 2fc39d3135, Shift: 8.0, ");
        p.append("Lora_0 Model name: lightx2v_4steps.safetensors, Lora_0 Model hash: 37d4921854, Lora_0 Strength model: 1.0, ");
        for (int i = 1; i <= 20; i++) p.append("CLIP_").append(i).append(" Model name: umt5_xxl_fp8_e4m3fn_scaled_variant_").append(i).append(", ");
        p.append("Samplers: High[0-4] euler/simple; Low[4-8] euler/simple, ");
        p.append("Sampler_1: \"Model: wan2.2_t2v_high_noise_14B_fp8_scaled.safetensors, Steps: 8, Start step: 0, End step: 4, Seed: 1\", ");
        p.append("Sampler_2: \"Model: wan2.2_t2v_low_noise_14B_fp8_scaled.safetensors, Steps: 8, Start step: 4, End step: 8, Seed: 2\", ");
        p.append("Hashes: {\"model\": \"5519e566e6\", \"vae\": \"2fc39d3135\", \"lora:lightx2v_4steps\": \"37d4921854\"}, ");
        p.append("Metadata generator version: 1.4.2");
        return p.toString();
    }

    static FallbackSettings kb(int kb) { return FallbackSettings.of(kb, Map.of()); }

    @Test
    void fullFitsWhenEverythingIsSmallEnough() throws Exception {
        String smallWorkflow = Files.readString(Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_5B.json"));
        WritePlan plan = JpegFallbackPlanner.plan(new MetadataBundle(parameters(1), prompt, smallWorkflow, null), kb(60), target);
        assertEquals(FallbackStage.FULL, chosen(plan).stage());
        assertEquals(parameters(1), chosen(plan).parameters());
        assertEquals(ContainerFormat.JPEG, plan.format());
        assertEquals(61440, plan.maxExifBytes().getAsInt());
        assertSizesAreThoseWritten(plan, target);
    }

    @Test
    void aLargeWorkflowFallsBackToReducedExif() throws Exception {
        WritePlan plan = JpegFallbackPlanner.plan(new MetadataBundle(parameters(1), prompt, bigWorkflow, null), kb(60), target);
        JpegStagePlan full = stage(plan, FallbackStage.FULL);
        assertFalse(full.fits());
        assertTrue(full.metadataBytes() > bigWorkflow.length() / 2, "the 198 KB workflow is in full (compacted)");
        assertEquals(FallbackStage.REDUCED_EXIF, chosen(plan).stage());
        assertMarkedOnce(chosen(plan));
        assertNull(chosen(plan).exif().model());
        assertNull(chosen(plan).exif().make());
        assertSizesAreThoseWritten(plan, target);
    }

    @Test
    void aSmallLimitReachesMinimalWithValidHashes() throws Exception {
        // UTF-16 doubles the text: the untrimmed parameters need more than 4 KB, the trimmed less.
        String params = parameters(1);
        assertTrue(params.length() * 2 > 4096 && params.length() < 3000, "precondition on the input: " + params.length());
        WritePlan plan = JpegFallbackPlanner.plan(new MetadataBundle(params, prompt, bigWorkflow, null), kb(4), target);
        assertFalse(stage(plan, FallbackStage.REDUCED_EXIF).fits());
        JpegStagePlan minimal = chosen(plan);
        assertEquals(FallbackStage.MINIMAL, minimal.stage());
        assertTrue(minimal.metadataBytes() <= 4096);
        assertMarkedOnce(minimal);
        assertFalse(minimal.parameters().contains("CLIP_1"));
        assertFalse(minimal.parameters().contains("Sampler_1"));
        assertFalse(minimal.parameters().contains("Samplers:"));
        Matcher m = Pattern.compile("Hashes: (\\{[^}]*\\})").matcher(minimal.parameters());
        assertTrue(m.find());
        assertEquals(3, LenientJson.parse(m.group(1)).size());
        assertTrue(minimal.parameters().contains("Metadata generator version: 1.4.2, Metadata Fallback: minimal"));
        assertSizesAreThoseWritten(plan, target);
    }

    @Test
    void aLongPromptOverASmallLimitEndsInTheComMarkerWithScanDataUntouched() throws Exception {
        WritePlan plan = JpegFallbackPlanner.plan(new MetadataBundle(parameters(60), prompt, bigWorkflow, null), kb(4), target);
        assertFalse(stage(plan, FallbackStage.MINIMAL).fits());
        JpegStagePlan com = chosen(plan);
        assertEquals(FallbackStage.COM_MARKER, com.stage());
        assertTrue(com.fits());
        assertNull(com.app1Payload());
        assertMarkedOnce(com);
        assertTrue(com.comText().startsWith("a fox running"), "trimmed text keeps the prompt");
        assertFalse(com.comText().contains("CLIP_1"), "the trimmed text is used when trimming removed something");

        byte[] written = JpegExifWriter.write(target, null, com.comText());
        var in = JpegSegmentReader.read(target);
        var out = JpegSegmentReader.read(written);
        assertArrayEquals(Arrays.copyOfRange(target, in.scanDataOffset(), target.length),
                Arrays.copyOfRange(written, out.scanDataOffset(), written.length), "the image is never re-encoded");
        assertTrue(out.segments().stream().noneMatch(s -> s.marker() == JpegSegment.APP1 && s.payloadStartsWith(written, EXIF_HEADER)));
        assertSizesAreThoseWritten(plan, target);
    }

    @Test
    void theSegmentLimitAppliesToEveryExifStage() {
        // 200 KB allowed by the user, but one APP1 segment holds at most 65,500 bytes (the default limit).
        String params = "x".repeat(40_000) + "\nSteps: 1, Metadata generator version: 1.0";
        WritePlan plan = JpegFallbackPlanner.plan(new MetadataBundle(params, null, null, null), kb(200), null);
        assertTrue(stage(plan, FallbackStage.REDUCED_EXIF).metadataBytes() > 65_500);
        assertFalse(stage(plan, FallbackStage.REDUCED_EXIF).fits());
        assertEquals(FallbackStage.COM_MARKER, chosen(plan).stage());
        assertTrue(plan.entries().stream().allMatch(e -> e.fileBytes().isEmpty()), "no target, no file sizes");
    }

    @Test
    void minimalIsSkippedWhenTrimmingRemovesNothing() {
        String params = "p\nNegative prompt: \nSteps: 20, Seed: 1, Metadata generator version: 1.0";
        WritePlan plan = JpegFallbackPlanner.plan(new MetadataBundle(params + "x".repeat(3000), null, null, null), kb(4), null);
        JpegStagePlan minimal = stage(plan, FallbackStage.MINIMAL);
        assertFalse(minimal.fits());
        assertEquals("trimming removed nothing", minimal.note());
    }

    @Test
    void minimalIsSkippedWhenTheTextIsOnlyAPrompt() {
        // a prompt is never cut, so trimming a text of prompt alone removes nothing
        WritePlan plan = JpegFallbackPlanner.plan(new MetadataBundle("just a prompt ".repeat(300), null, null, null), kb(4), null);
        assertEquals("trimming removed nothing", stage(plan, FallbackStage.MINIMAL).note());
        assertTrue(chosen(plan).comText().startsWith("just a prompt"));
    }

    @Test
    void aComTextTooLongForOneSegmentIsCutKeepingTheMarker() {
        String params = "é".repeat(40_000); // 80,000 UTF-8 bytes
        WritePlan plan = JpegFallbackPlanner.plan(new MetadataBundle(params, null, null, null), kb(60), null);
        JpegStagePlan com = chosen(plan);
        assertEquals(FallbackStage.COM_MARKER, com.stage());
        assertFalse(com.fits());
        assertTrue(com.metadataBytes() <= 65_533 && com.metadataBytes() > 65_400, "cut close to the segment size: " + com.metadataBytes());
        assertEquals(com.metadataBytes(), com.comText().getBytes(StandardCharsets.UTF_8).length);
        assertMarkedOnce(com);
    }

    @Test
    void theTargetsOwnUserCommentIsReplacedAndCounted() throws Exception {
        byte[] a1111 = Files.readAllBytes(Fixtures.bundled("images/sdp_automatic1111_cropped.jpg"));
        WritePlan plan = JpegFallbackPlanner.plan(new MetadataBundle("Steps: 1", null, null, null), kb(60), a1111);
        assertEquals(FallbackStage.FULL, chosen(plan).stage());
        assertSizesAreThoseWritten(plan, a1111);
    }

    /** Every stage written for real: APP1 / COM payload and file sizes are the ones reported. */
    private void assertSizesAreThoseWritten(WritePlan plan, byte[] into) throws Exception {
        for (PlanEntry entry : plan.entries()) {
            JpegStagePlan s = (JpegStagePlan) entry;
            if (s.fileBytes().isEmpty()) {
                assertTrue(s.metadataBytes() > JpegExifWriter.MAX_SEGMENT_PAYLOAD, s.name() + " has no file size only when it cannot be written");
                assertFalse(s.fits());
                continue;
            }
            Path file = dir.resolve(s.name() + ".jpg");
            Files.write(file, JpegExifWriter.write(into, s.app1Payload(), s.comText()));
            byte[] written = Files.readAllBytes(file);
            assertEquals(s.fileBytes().getAsLong(), Files.size(file), s.name() + " file size");
            List<JpegSegment> segments = JpegSegmentReader.read(written).segments();
            JpegSegment meta = segments.stream()
                    .filter(seg -> s.comText() != null ? seg.marker() == JpegSegment.COM
                            : seg.marker() == JpegSegment.APP1 && seg.payloadStartsWith(written, EXIF_HEADER))
                    .findFirst().orElseThrow();
            assertEquals(s.metadataBytes(), meta.payloadLength(), s.name() + " metadata size");
        }
    }

    private static JpegStagePlan chosen(WritePlan plan) { return plan.chosen().orElseThrow(); }

    private static JpegStagePlan stage(WritePlan plan, FallbackStage stage) {
        return plan.entries().stream().map(JpegStagePlan.class::cast).filter(s -> s.stage() == stage).findFirst().orElseThrow();
    }

    private static void assertMarkedOnce(JpegStagePlan s) {
        String text = s.parameters();
        assertEquals(1, text.split("Metadata Fallback", -1).length - 1, s.name() + ": marker exactly once");
        assertTrue(text.endsWith(", Metadata Fallback: " + s.name()), s.name());
    }
}
