package com.samplerlens.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.container.exif.ExifPayload;
import com.samplerlens.core.container.jpeg.JpegExifWriter;
import com.samplerlens.core.container.png.PngChunkRewriter;
import com.samplerlens.core.container.webp.WebpExifWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Objects;
import org.junit.jupiter.api.Timeout;

/**
 * Write, then read back: whatever texts the writers are given, and whatever (slightly damaged)
 * target they write into, either the writer refuses with its documented exception or the file it
 * makes reads back with exactly those texts. The targets are the reader seeds; the fuzzer picks
 * one, flips some of its bytes and makes up the texts.
 */
class WriterRoundTripFuzzTest {

    private static final byte[][] PNG_TARGETS = load("png/seed-ce_lora-small.png", "png/seed-sdp_comfyui_img2img_cropped.png", "png/seed-ztxt.png");
    private static final byte[][] JPEG_TARGETS = load("jpeg/seed-sdp_automatic1111_cropped.jpg", "jpeg/seed-exiftool-comfy.jpg");
    private static final byte[][] WEBP_TARGETS = load("webp/seed-flux_kontext-small.webp", "webp/seed-wan-small.webp");

    @FuzzTest(maxDuration = "10m")
    @Timeout(10)
    void png(FuzzedDataProvider data) {
        MetadataBundle texts = texts(data);
        byte[] target = target(data, PNG_TARGETS);
        LinkedHashMap<String, String> chunks = new LinkedHashMap<>();
        chunks.put(MetadataKeys.PARAMETERS, texts.parameters());
        chunks.put(MetadataKeys.PROMPT, texts.prompt());
        chunks.put(MetadataKeys.WORKFLOW, texts.workflow());
        byte[] written;
        try {
            written = PngChunkRewriter.rewrite(target, chunks);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertReadsBack(Path.of("w.png"), written, texts);
    }

    @FuzzTest(maxDuration = "10m")
    @Timeout(10)
    void jpeg(FuzzedDataProvider data) {
        MetadataBundle texts = texts(data);
        byte[] target = target(data, JPEG_TARGETS);
        byte[] written;
        try {
            written = JpegExifWriter.write(target, JpegExifWriter.app1Payload(target, ExifPayload.of(texts)), null);
        } catch (IllegalArgumentException refused) { // includes SegmentTooLargeException
            return;
        }
        assertReadsBack(Path.of("w.jpg"), written, exifView(texts));
    }

    @FuzzTest(maxDuration = "10m")
    @Timeout(10)
    void webp(FuzzedDataProvider data) {
        MetadataBundle texts = texts(data);
        byte[] target = target(data, WEBP_TARGETS);
        byte[] written;
        try {
            written = WebpExifWriter.write(target, WebpExifWriter.tiffPayload(target, ExifPayload.of(texts)));
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertReadsBack(Path.of("w.webp"), written, exifView(texts));
    }

    /** Texts as the writers get them: A1111 parameters, JSON-ish prompt and workflow, each maybe absent. */
    private static MetadataBundle texts(FuzzedDataProvider data) {
        String parameters = data.consumeBoolean() ? data.consumeString(3000) : null;
        String prompt = data.consumeBoolean() ? data.consumeString(3000) : null;
        String workflow = data.consumeBoolean() ? data.consumeString(3000) : null;
        return new MetadataBundle(parameters, prompt, workflow, null);
    }

    /**
     * What an EXIF reader can tell apart: an empty UserComment (only its character code) is how
     * EXIF says "no comment", so empty parameters read back as none (found by this fuzzer; not a
     * loss, as A1111 parameters are never empty).
     */
    private static MetadataBundle exifView(MetadataBundle b) {
        String parameters = b.parameters() == null || b.parameters().isEmpty() ? null : b.parameters();
        return new MetadataBundle(parameters, b.prompt(), b.workflow(), b.samplersDetail());
    }

    /** One of the targets, with up to eight bytes overwritten at places the fuzzer chooses. */
    private static byte[] target(FuzzedDataProvider data, byte[][] targets) {
        byte[] t = targets[data.consumeInt(0, targets.length - 1)].clone();
        int flips = data.consumeInt(0, 8);
        for (int i = 0; i < flips; i++) t[data.consumeInt(0, t.length - 1)] = data.consumeByte();
        return t;
    }

    private static void assertReadsBack(Path name, byte[] written, MetadataBundle texts) {
        EmbeddedMetadata m;
        try {
            m = MetadataReaders.read(name, written);
        } catch (UnreadableFileException e) {
            throw new AssertionError("the writer made a file its reader rejects: " + e.getMessage(), e);
        }
        check(m, MetadataKeys.PARAMETERS, texts.parameters());
        check(m, MetadataKeys.PROMPT, texts.prompt());
        check(m, MetadataKeys.WORKFLOW, texts.workflow());
    }

    private static void check(EmbeddedMetadata m, String key, String expected) {
        String actual = m.text(key).orElse(null);
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError(key + " read back differs: wrote " + describe(expected) + ", read " + describe(actual) + "; problems " + m.problems());
        }
    }

    private static String describe(String s) {
        return s == null ? "nothing" : s.length() + " chars " + (s.length() > 80 ? s.substring(0, 80) + "…" : s).replace("\0", "\\0");
    }

    private static byte[][] load(String... seeds) {
        byte[][] out = new byte[seeds.length][];
        for (int i = 0; i < seeds.length; i++) {
            try (InputStream in = WriterRoundTripFuzzTest.class.getResourceAsStream("ContainerReaderFuzzTestInputs/" + seeds[i])) {
                out[i] = Objects.requireNonNull(in, seeds[i]).readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
