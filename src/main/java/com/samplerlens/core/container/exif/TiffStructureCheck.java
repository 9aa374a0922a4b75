package com.samplerlens.core.container.exif;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Counts the IFDs of a TIFF block before a library walks them. metadata-extractor and Commons
 * Imaging both follow next-IFD links and sub-IFD pointers by recursion, so a 65 KB block of 3,639
 * chained IFDs overflows the stack (issue 14). This walk is iterative and only reads IFD headers,
 * entry tags and offsets; it does not judge anything else (bad offsets, types, values stay the
 * libraries' to report). Written by hand because neither library offers a bounded walk.
 */
public final class TiffStructureCheck {
    private TiffStructureCheck() {}

    /**
     * IFDs one block may hold (next-IFD chain and sub-IFDs together). A camera JPEG has five (IFD0,
     * thumbnail IFD1, Exif, GPS, Interoperability); DNG-style SubIFDs add a few. The libraries'
     * recursion is never deeper than the number of IFDs, so this bounds their stack too.
     */
    public static final int MAX_IFDS = 64;

    private static final int EXIF_IFD = 0x8769;
    private static final int GPS_IFD = 0x8825;
    private static final int INTEROP_IFD = 0xA005;
    private static final int SUB_IFDS = 0x014A;

    /** Null when the block's IFD structure is within the limits (or not TIFF at all), else the problem in words. */
    public static String problem(byte[] tiff) {
        if (tiff.length < 8) return null;
        boolean little;
        if (tiff[0] == 'I' && tiff[1] == 'I') little = true;
        else if (tiff[0] == 'M' && tiff[1] == 'M') little = false;
        else return null;
        ArrayDeque<Long> pending = new ArrayDeque<>();
        Set<Long> seen = new HashSet<>();
        pending.add(u32(tiff, 4, little));
        int ifds = 0;
        while (!pending.isEmpty()) {
            long offset = pending.poll();
            if (offset <= 0 || offset + 2 > tiff.length || !seen.add(offset)) continue;
            if (++ifds > MAX_IFDS) return "EXIF holds more than " + MAX_IFDS + " IFDs (chained or nested); not read";
            int count = u16(tiff, (int) offset, little);
            long entries = offset + 2;
            for (int i = 0; i < count; i++) {
                long at = entries + 12L * i;
                if (at + 12 > tiff.length) break;
                int tag = u16(tiff, (int) at, little);
                if (tag == EXIF_IFD || tag == GPS_IFD || tag == INTEROP_IFD) {
                    pending.add(u32(tiff, (int) at + 8, little));
                } else if (tag == SUB_IFDS) {
                    long n = u32(tiff, (int) at + 4, little);
                    if (n == 1) {
                        pending.add(u32(tiff, (int) at + 8, little));
                    } else if (n > 1) {
                        if (n > MAX_IFDS) return "EXIF lists " + n + " SubIFDs, more than " + MAX_IFDS + "; not read";
                        long list = u32(tiff, (int) at + 8, little);
                        for (int k = 0; k < n && list + 4L * k + 4 <= tiff.length; k++) {
                            pending.add(u32(tiff, (int) (list + 4L * k), little));
                        }
                    }
                }
            }
            long nextOffsetAt = entries + 12L * count;
            if (nextOffsetAt + 4 <= tiff.length) pending.add(u32(tiff, (int) nextOffsetAt, little));
        }
        return null;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int a = b[at] & 0xFF;
        int c = b[at + 1] & 0xFF;
        return little ? a | c << 8 : a << 8 | c;
    }

    private static long u32(byte[] b, int at, boolean little) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            int byteAt = little ? at + 3 - i : at + i;
            v = v << 8 | (b[byteAt] & 0xFF);
        }
        return v;
    }
}
