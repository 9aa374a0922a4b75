package com.samplerlens.core.container.webp;

import java.util.Arrays;

/**
 * One chunk of a RIFF/WEBP file.
 *
 * @param fourCc     chunk id, e.g. "VP8X", "VP8 " (with its trailing space), "EXIF"
 * @param offset     file offset of the chunk header
 * @param dataOffset file offset of the data
 * @param length     data length (without the pad byte)
 */
public record RiffChunk(String fourCc, int offset, int dataOffset, int length) {

    /** Header + data + pad byte for odd lengths. */
    public int totalLength() { return 8 + length + (length & 1); }

    public byte[] data(byte[] file) { return Arrays.copyOfRange(file, dataOffset, dataOffset + length); }
}
