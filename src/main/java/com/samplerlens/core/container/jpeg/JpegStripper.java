package com.samplerlens.core.container.jpeg;

import com.samplerlens.core.container.exif.ExifStripper;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * A JPEG without generation metadata: every COM segment is dropped (ComfyUI's com-marker
 * fallback and other generators write parameters there), the EXIF APP1 keeps only its
 * non-generation tags ({@link ExifStripper}) or goes when none are left. XMP, ICC, JFIF, the
 * tables and the scan data are copied byte for byte.
 */
public final class JpegStripper {
    private JpegStripper() {}

    /** @throws IllegalArgumentException when the file is not a JPEG with image data */
    public static byte[] strip(byte[] jpeg) {
        if (!JpegSegmentReader.hasSignature(jpeg)) throw new IllegalArgumentException("not a JPEG (no SOI marker)");
        JpegSegmentReader.Result r = JpegSegmentReader.read(jpeg);
        if (r.scanDataOffset() < 0) {
            throw new IllegalArgumentException("JPEG is truncated or damaged; not rewritten: "
                    + (r.problems().isEmpty() ? "no image data" : r.problems().getFirst()));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        for (JpegSegment s : r.segments()) {
            if (s.marker() == JpegSegment.COM) continue;
            if (s.marker() == JpegSegment.APP1 && s.payloadStartsWith(jpeg, JpegMetadataReader.EXIF_HEADER)) {
                byte[] tiff = Arrays.copyOfRange(jpeg, s.payloadOffset() + JpegMetadataReader.EXIF_HEADER.length, s.payloadOffset() + s.payloadLength());
                Optional<byte[]> kept = ExifStripper.strip(tiff);
                if (kept.isPresent() && kept.get().length + JpegMetadataReader.EXIF_HEADER.length <= JpegExifWriter.MAX_SEGMENT_PAYLOAD) {
                    writeApp1(out, kept.get());
                }
                continue;
            }
            out.write(jpeg, s.offset(), s.totalLength());
        }
        out.write(jpeg, r.scanDataOffset(), jpeg.length - r.scanDataOffset());
        return out.toByteArray();
    }

    private static void writeApp1(ByteArrayOutputStream out, byte[] tiff) {
        int length = 2 + JpegMetadataReader.EXIF_HEADER.length + tiff.length;
        out.write(0xFF);
        out.write(JpegSegment.APP1);
        out.write(length >>> 8);
        out.write(length & 0xFF);
        out.writeBytes(JpegMetadataReader.EXIF_HEADER);
        out.writeBytes(tiff);
    }
}
