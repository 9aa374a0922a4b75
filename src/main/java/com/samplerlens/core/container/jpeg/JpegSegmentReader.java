package com.samplerlens.core.container.jpeg;

import com.samplerlens.core.container.DecodeProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits JPEG bytes into the marker segments up to and including the first SOS. Everything from
 * the SOS payload's end onwards (entropy-coded data, further scans of a progressive JPEG, EOI) is
 * the "scan data" that writers copy as one block.
 */
public final class JpegSegmentReader {
    private JpegSegmentReader() {}

    /**
     * @param segments       SOI, then every segment in file order; the last is SOS when it was reached
     * @param scanDataOffset offset just past the SOS segment, or -1 when no SOS was found
     * @param ranOut         the walk stopped because the bytes ended (for a prefix of the file: read more)
     */
    public record Result(List<JpegSegment> segments, int scanDataOffset, List<DecodeProblem> problems, boolean ranOut) {}

    public static boolean hasSignature(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == JpegSegment.SOI && (b[2] & 0xFF) == 0xFF;
    }

    public static Result read(byte[] jpeg) {
        List<JpegSegment> segments = new ArrayList<>();
        List<DecodeProblem> problems = new ArrayList<>();
        segments.add(new JpegSegment(JpegSegment.SOI, 0, 2, 0));
        int pos = 2;
        while (true) {
            if (pos >= jpeg.length) {
                problems.add(new DecodeProblem("offset " + pos, "file ends before the image data (no SOS)"));
                return new Result(segments, -1, problems, true);
            }
            if ((jpeg[pos] & 0xFF) != 0xFF) {
                problems.add(new DecodeProblem("offset " + pos, String.format("expected a marker, found 0x%02X; reading stopped", jpeg[pos] & 0xFF)));
                return new Result(segments, -1, problems, false);
            }
            int start = pos;
            while (pos < jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) pos++; // fill bytes
            if (pos >= jpeg.length) continue;
            int marker = jpeg[pos] & 0xFF;
            pos++;
            if (marker == JpegSegment.EOI) {
                problems.add(new DecodeProblem("offset " + start, "EOI before any image data"));
                return new Result(segments, -1, problems, false);
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                segments.add(new JpegSegment(marker, start, pos, 0)); // stand-alone markers carry no length
                continue;
            }
            if (pos + 2 > jpeg.length) {
                problems.add(new DecodeProblem(String.format("FF%02X at offset %d", marker, start), "file ends inside the segment length"));
                return new Result(segments, -1, problems, true);
            }
            int length = ((jpeg[pos] & 0xFF) << 8) | (jpeg[pos + 1] & 0xFF);
            JpegSegment seg = new JpegSegment(marker, start, pos + 2, Math.max(0, length - 2));
            if (length < 2 || pos + length > jpeg.length) {
                problems.add(new DecodeProblem(seg.name() + " at offset " + start, "length " + length
                        + (length < 2 ? " is impossible" : " runs past the end of the file (" + (jpeg.length - pos) + " bytes left)")));
                return new Result(segments, -1, problems, length >= 2);
            }
            segments.add(seg);
            pos += length;
            if (marker == JpegSegment.SOS) return new Result(segments, pos, problems, false);
        }
    }
}
