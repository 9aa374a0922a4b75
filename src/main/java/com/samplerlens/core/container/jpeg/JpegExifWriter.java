package com.samplerlens.core.container.jpeg;

import com.samplerlens.core.container.exif.ExifPayload;
import com.samplerlens.core.container.exif.ExifTextDecoder;
import com.samplerlens.core.container.exif.ExifTiffBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Puts EXIF and a COM text into a JPEG without touching anything else: every other segment and
 * the scan data are copied byte for byte. Hand-written segment splicing (Commons Imaging's
 * ExifRewriter hides the APP1 bytes it writes, and has no COM writer); the TIFF inside comes from
 * {@link ExifTiffBuilder}.
 *
 * <p>Size arithmetic for planners: a segment is 2 marker + 2 length + payload bytes
 * ({@link #segmentSize}); {@link #writtenSize} gives the exact size {@link #write} will produce.
 */
public final class JpegExifWriter {
    private JpegExifWriter() {}

    /** Largest payload of one marker segment: the 16-bit length counts itself (65,535 − 2). */
    public static final int MAX_SEGMENT_PAYLOAD = 65_533;

    /** Bytes a segment with this payload takes in the file. */
    public static int segmentSize(int payloadBytes) { return 4 + payloadBytes; }

    /**
     * The exact APP1 payload ("Exif\0\0" + TIFF) for {@code p}, keeping the target's other EXIF
     * tags. Not checked against {@link #MAX_SEGMENT_PAYLOAD}, so a planner can see how far over it is.
     */
    public static byte[] app1Payload(byte[] targetJpeg, ExifPayload p) {
        JpegSegmentReader.Result r = parse(targetJpeg);
        byte[] existing = r.segments().stream().filter(s -> isExif(targetJpeg, s)).findFirst()
                .map(s -> Arrays.copyOfRange(targetJpeg, s.payloadOffset() + JpegMetadataReader.EXIF_HEADER.length, s.payloadOffset() + s.payloadLength()))
                .orElse(null);
        byte[] tiff = ExifTiffBuilder.tiff(existing, p);
        byte[] payload = Arrays.copyOf(JpegMetadataReader.EXIF_HEADER, JpegMetadataReader.EXIF_HEADER.length + tiff.length);
        System.arraycopy(tiff, 0, payload, JpegMetadataReader.EXIF_HEADER.length, tiff.length);
        return payload;
    }

    /** The COM payload for a text: UTF-8, no terminator. */
    public static byte[] comPayload(String text) { return text.getBytes(StandardCharsets.UTF_8); }

    /**
     * Writes {@code app1Payload} as the only EXIF APP1 (right after SOI and any APP0 JFIF/JFXX)
     * and {@code comText} as a COM segment after it. A null payload removes the EXIF APP1; a
     * previous parameters COM ({@link #isParametersComment}) is always removed, other comments kept.
     *
     * @throws SegmentTooLargeException when a payload exceeds {@link #MAX_SEGMENT_PAYLOAD}
     * @throws IllegalArgumentException when the target is not a JPEG with image data
     */
    public static byte[] write(byte[] targetJpeg, byte[] app1PayloadOrNull, String comTextOrNull) {
        byte[] com = comTextOrNull == null ? null : comPayload(comTextOrNull);
        check("APP1 EXIF", app1PayloadOrNull);
        check("COM", com);
        JpegSegmentReader.Result r = parse(targetJpeg);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) writtenSize(targetJpeg, app1PayloadOrNull, comTextOrNull));
        out.write(targetJpeg, 0, 2); // SOI
        int i = 1;
        while (i < r.segments().size() && r.segments().get(i).marker() == JpegSegment.APP0) {
            copy(targetJpeg, r.segments().get(i++), out);
        }
        if (app1PayloadOrNull != null) writeSegment(out, JpegSegment.APP1, app1PayloadOrNull);
        if (com != null) writeSegment(out, JpegSegment.COM, com);
        for (; i < r.segments().size(); i++) {
            JpegSegment s = r.segments().get(i);
            if (!isReplaced(targetJpeg, s)) copy(targetJpeg, s, out);
        }
        out.write(targetJpeg, r.scanDataOffset(), targetJpeg.length - r.scanDataOffset());
        return out.toByteArray();
    }

    /** The size {@link #write} will produce, without building the file. */
    public static long writtenSize(byte[] targetJpeg, byte[] app1PayloadOrNull, String comTextOrNull) {
        JpegSegmentReader.Result r = parse(targetJpeg);
        long size = targetJpeg.length;
        for (JpegSegment s : r.segments()) if (isReplaced(targetJpeg, s)) size -= s.totalLength();
        if (app1PayloadOrNull != null) size += segmentSize(app1PayloadOrNull.length);
        if (comTextOrNull != null) size += segmentSize(comPayload(comTextOrNull).length);
        return size;
    }

    /** A COM text that SamplerLens (or the com-marker fallback) wrote: A1111 parameters have "Steps: ". */
    public static boolean isParametersComment(String text) {
        return text.contains("Steps: ") || text.contains("Metadata generator version: ");
    }

    private static boolean isReplaced(byte[] jpeg, JpegSegment s) {
        if (isExif(jpeg, s)) return true;
        return s.marker() == JpegSegment.COM && isParametersComment(ExifTextDecoder.asciiValue(s.payload(jpeg)));
    }

    private static boolean isExif(byte[] jpeg, JpegSegment s) {
        return s.marker() == JpegSegment.APP1 && s.payloadStartsWith(jpeg, JpegMetadataReader.EXIF_HEADER);
    }

    private static void check(String what, byte[] payload) {
        if (payload != null && payload.length > MAX_SEGMENT_PAYLOAD) throw new SegmentTooLargeException(what, payload.length);
    }

    private static JpegSegmentReader.Result parse(byte[] jpeg) {
        if (!JpegSegmentReader.hasSignature(jpeg)) throw new IllegalArgumentException("not a JPEG (no SOI marker)");
        JpegSegmentReader.Result r = JpegSegmentReader.read(jpeg);
        if (r.scanDataOffset() < 0) {
            throw new IllegalArgumentException("JPEG is truncated or damaged; not rewritten: "
                    + (r.problems().isEmpty() ? "no image data" : r.problems().getFirst()));
        }
        return r;
    }

    private static void copy(byte[] jpeg, JpegSegment s, ByteArrayOutputStream out) {
        out.write(jpeg, s.offset(), s.totalLength());
    }

    private static void writeSegment(ByteArrayOutputStream out, int marker, byte[] payload) {
        int length = payload.length + 2;
        out.write(0xFF);
        out.write(marker);
        out.write(length >>> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
    }
}
