package com.samplerlens.core.container.jpeg;

import static com.samplerlens.core.container.TestBytes.*;
import static org.junit.jupiter.api.Assertions.*;

import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.TestImages;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.container.exif.ExifTextDecoder;
import com.samplerlens.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A1111 expectations come from {@code exiftool -b -UserComment sdp_automatic1111_cropped.jpg} (180 chars, sha256 5e4b5b14…). */
class JpegMetadataReaderTest {
    private static final Path NAME = Path.of("made.jpg");

    @Test
    void automatic1111UserCommentIsUtf16BigEndian() throws Exception {
        EmbeddedMetadata m = JpegMetadataReader.read(NAME, read(Fixtures.bundled("images/sdp_automatic1111_cropped.jpg")));
        MetadataEntry p = m.entries().getFirst();
        assertEquals("parameters", p.key());
        assertEquals("EXIF UserComment", p.location());
        assertEquals(180, p.text().length());
        assertTrue(p.text().startsWith("photo of a duck\nNegative prompt: monochrome\nSteps: 15, Sampler: UniPC"));
        assertEquals("5e4b5b14c1bfdb79d5638a8e05a084c5bc212dfde26045ce3d9dd3e8f42c663d", sha256(p.text()));
        assertEquals(8 + 2 * 180, p.bytes());
        assertEquals(List.of(), m.problems());
        assertEquals(List.of("SOI", "APP0 14 B", "APP1 EXIF (1 tag) 414 B", "DQT ×2 130 B", "SOF0 15 B", "DHT ×4 74 B", "SOS 10 B", "scan data 6 B"), m.structure());
    }

    @Test
    void app1FullOfPaddingIsAProblemNotACrash() throws Exception {
        EmbeddedMetadata m = JpegMetadataReader.read(NAME, read(Fixtures.shared("images/xx_ComfyUI_00000_malformed_app1.jpeg")));
        assertEquals(List.of(), m.entries());
        assertEquals(1, m.problems().size());
        assertTrue(m.problems().getFirst().message().contains("neither EXIF nor XMP (starts with 'BBBBBBBB')"), m.problems().toString());
        assertTrue(m.structure().contains("APP1 (unknown) 2,048 B"), m.structure().toString());
    }

    @Test
    void comSegmentIsParametersWhenThereIsNoUserComment() throws Exception {
        String params = "a cat, 一只猫\nSteps: 20, Sampler: Euler";
        byte[] jpeg = TestImages.insertAfterApp0(TestImages.encode(TestImages.picture(32, 16), "jpg"),
                TestImages.jpegSegment(0xFE, params.getBytes(StandardCharsets.UTF_8)));
        EmbeddedMetadata m = JpegMetadataReader.read(NAME, jpeg);
        assertEquals(List.of(new MetadataEntry("parameters", "COM", params, params.getBytes(StandardCharsets.UTF_8).length)), m.entries());
    }

    @Test
    void comSegmentIsOnlyACommentWhenUserCommentExists() throws Exception {
        byte[] a1111 = read(Fixtures.bundled("images/sdp_automatic1111_cropped.jpg"));
        byte[] jpeg = TestImages.insertAfterApp0(a1111, TestImages.jpegSegment(0xFE, "made by gd-jpeg".getBytes(StandardCharsets.US_ASCII)));
        EmbeddedMetadata m = JpegMetadataReader.read(NAME, jpeg);
        assertEquals(List.of("parameters", "comment"), m.entries().stream().map(MetadataEntry::key).toList());
        assertEquals("EXIF UserComment", m.entries().getFirst().location());
    }

    @Test
    void littleEndianUnicodeUserCommentAsMetadataExtractorWouldExpectIt() throws Exception {
        // big-endian TIFF, ExifIFD pointer in IFD0, UserComment in the Exif IFD (TIFF 6.0 / Exif 2.3 layout)
        String text = "Steps: 30, Sampler: DPM++ 2M";
        byte[] comment = concat(ExifTextDecoder.UNICODE_PREFIX, text.getBytes(StandardCharsets.UTF_16LE));
        byte[] tiff = concat(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8},
                new byte[] {0, 1, (byte) 0x87, 0x69, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0},
                new byte[] {0, 1, (byte) 0x92, (byte) 0x86, 0, 7, 0, 0, 0, (byte) comment.length, 0, 0, 0, 44, 0, 0, 0, 0},
                comment);
        byte[] jpeg = TestImages.insertAfterApp0(TestImages.encode(TestImages.picture(8, 8), "jpg"),
                TestImages.jpegSegment(0xE1, concat(JpegMetadataReader.EXIF_HEADER, tiff)));
        EmbeddedMetadata m = JpegMetadataReader.read(NAME, jpeg);
        assertEquals(text, m.text("parameters").orElseThrow());
        assertEquals(List.of(), m.problems());
    }

    @Test
    void truncatedInTheHeaderSegmentsIsAProblem() throws Exception {
        byte[] a1111 = read(Fixtures.bundled("images/sdp_automatic1111_cropped.jpg"));
        EmbeddedMetadata m = JpegMetadataReader.read(NAME, Arrays.copyOf(a1111, 300));
        assertEquals(List.of(), m.entries());
        assertTrue(m.problems().getFirst().message().contains("runs past the end"), m.problems().toString());
    }

    @Test
    void onlySoiIsUnreadable() {
        var e = assertThrows(UnreadableFileException.class, () -> JpegMetadataReader.read(NAME, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
        assertTrue(e.getMessage().startsWith("made.jpg: truncated JPEG"), e.getMessage());
    }
}
