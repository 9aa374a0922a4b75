package com.samplerlens.core.container.exif;

import static org.junit.jupiter.api.Assertions.*;

import com.samplerlens.core.container.MetadataEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made TIFF blocks: the byte layout follows TIFF 6.0 §2 (header, IFD entries of 12 bytes). */
class ExifMetadataDecoderTest {

    /** Big-endian TIFF with one IFD0 holding ASCII tags; {@code nextIfd} is the next-IFD pointer. */
    private static byte[] tiff(int nextIfd, Object... tagsAndValues) {
        int n = tagsAndValues.length / 2;
        int valuesStart = 8 + 2 + n * 12 + 4;
        ByteArrayOutputStream ifd = new ByteArrayOutputStream();
        ByteArrayOutputStream values = new ByteArrayOutputStream();
        ifd.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        short16(ifd, n);
        for (int i = 0; i < n; i++) {
            byte[] v = (((String) tagsAndValues[2 * i + 1]) + "\0").getBytes(StandardCharsets.UTF_8);
            short16(ifd, (Integer) tagsAndValues[2 * i]);
            short16(ifd, 2);
            int32(ifd, v.length);
            int32(ifd, valuesStart + values.size());
            values.writeBytes(v);
        }
        int32(ifd, nextIfd);
        ifd.writeBytes(values.toByteArray());
        return ifd.toByteArray();
    }

    private static void short16(ByteArrayOutputStream o, int v) { o.write(v >>> 8); o.write(v); }

    private static void int32(ByteArrayOutputStream o, int v) { short16(o, v >>> 16); short16(o, v & 0xFFFF); }

    @Test
    void prefixedComfyTagsBecomeEntriesAndCameraStringsDoNot() {
        var r = ExifMetadataDecoder.decode(tiff(0, 0x010E, "Samplers detail:[{\"i\": 1}]", 0x010F, "Canon", 0x0110, "prompt:{\"3\": {}}"), "test");
        assertEquals(List.of(new MetadataEntry("Samplers detail", "EXIF ImageDescription", "[{\"i\": 1}]", 27),
                new MetadataEntry("prompt", "EXIF Model", "{\"3\": {}}", 17)), r.entries());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void ifdLoopEndsAndKeepsWhatWasRead() {
        var r = ExifMetadataDecoder.decode(tiff(8, 0x010F, "workflow:{\"nodes\": []}"), "test");
        assertEquals("{\"nodes\": []}", r.entries().getFirst().text());
    }

    @Test
    void offsetOutsideTheBlockIsAProblemNotAnException() {
        byte[] t = tiff(0, 0x0110, "prompt:{\"a\": 1, \"b\": 2}");
        t[8 + 2 + 8 + 2] = 0x7F; // value offset of the Model entry now points far outside
        var r = ExifMetadataDecoder.decode(t, "test");
        assertEquals(List.of(), r.entries());
        assertFalse(r.problems().isEmpty());
    }

    @Test
    void notTiffAtAllIsAProblem() {
        var r = ExifMetadataDecoder.decode("BBBBBBBBBBBBBBBB".getBytes(StandardCharsets.US_ASCII), "test");
        assertEquals(List.of(), r.entries());
        assertFalse(r.problems().isEmpty());
    }
}
