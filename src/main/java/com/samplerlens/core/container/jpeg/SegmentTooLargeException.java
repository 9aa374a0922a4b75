package com.samplerlens.core.container.jpeg;

import java.util.Locale;

/** A payload that does not fit one JPEG marker segment (at most 65,533 bytes). */
public class SegmentTooLargeException extends IllegalArgumentException {
    private final int payloadBytes;

    public SegmentTooLargeException(String segment, int payloadBytes) {
        super(String.format(Locale.US, "%s payload is %,d bytes; a JPEG segment holds at most %,d", segment, payloadBytes, JpegExifWriter.MAX_SEGMENT_PAYLOAD));
        this.payloadBytes = payloadBytes;
    }

    public int payloadBytes() { return payloadBytes; }
}
