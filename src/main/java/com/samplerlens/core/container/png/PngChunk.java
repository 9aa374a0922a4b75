package com.samplerlens.core.container.png;

/**
 * One chunk as it sits in the file.
 *
 * @param type       four-letter chunk type, e.g. "IHDR"
 * @param offset     file offset of the chunk's length field
 * @param dataOffset file offset of the chunk data
 * @param length     data length in bytes
 * @param crcOk      whether the stored CRC matches type + data
 */
public record PngChunk(String type, int offset, int dataOffset, int length, boolean crcOk) {

    /** Length field + type + data + CRC. */
    public int totalLength() { return 12 + length; }

    public boolean isText() {
        return type.equals("tEXt") || type.equals("zTXt") || type.equals("iTXt");
    }
}
