package com.samplerlens.core.container.jpeg;

import java.util.Arrays;

/**
 * One marker segment before the scan data.
 *
 * @param marker        second marker byte, e.g. 0xE1 for APP1
 * @param offset        file offset of the 0xFF marker byte
 * @param payloadOffset file offset of the payload (after the 2-byte length)
 * @param payloadLength payload bytes (the length field minus 2); 0 for SOI
 */
public record JpegSegment(int marker, int offset, int payloadOffset, int payloadLength) {
    public static final int SOI = 0xD8, EOI = 0xD9, SOS = 0xDA, APP0 = 0xE0, APP1 = 0xE1, COM = 0xFE;

    /** Marker + length + payload (2 for SOI). */
    public int totalLength() { return payloadOffset - offset + payloadLength; }

    public byte[] payload(byte[] jpeg) { return Arrays.copyOfRange(jpeg, payloadOffset, payloadOffset + payloadLength); }

    public boolean payloadStartsWith(byte[] jpeg, byte[] prefix) {
        return payloadLength >= prefix.length
                && Arrays.equals(jpeg, payloadOffset, payloadOffset + prefix.length, prefix, 0, prefix.length);
    }

    public String name() {
        if (marker >= 0xE0 && marker <= 0xEF) return "APP" + (marker - 0xE0);
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) return "SOF" + (marker - 0xC0);
        return switch (marker) {
            case SOI -> "SOI";
            case SOS -> "SOS";
            case COM -> "COM";
            case 0xDB -> "DQT";
            case 0xC4 -> "DHT";
            case 0xDD -> "DRI";
            case 0xCC -> "DAC";
            default -> String.format("FF%02X", marker);
        };
    }
}
