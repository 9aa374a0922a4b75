package com.samplerlens.core.container;

import java.util.Optional;

/**
 * The pixel size an image's header declares, read from the bytes without decoding anything:
 * PNG {@code IHDR}, the JPEG start-of-frame segment, WebP {@code VP8 }/{@code VP8L}/{@code VP8X}.
 * Written by hand because the decoders at hand (ImageIO) know no WebP and this is a few header
 * fields; used to tell which output node an image came from when several are equally likely.
 */
public final class PixelSize {
    private PixelSize() {}

    /** "WxH", or empty when the bytes are no image this knows or the header is cut short. */
    public static Optional<String> of(byte[] b) {
        try {
            if (b.length >= 24 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
                return size(int32(b, 16), int32(b, 20));
            }
            if (b.length >= 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8) return jpeg(b);
            if (b.length >= 30 && b[0] == 'R' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return webp(b);
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xff) != 0xff) return Optional.empty();
            int marker = b[i + 1] & 0xff;
            if (marker == 0xff) { i++; continue; }
            if (marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01) { i += 2; continue; }
            int length = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            boolean startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (startOfFrame) {
                int h = ((b[i + 5] & 0xff) << 8) | (b[i + 6] & 0xff);
                int w = ((b[i + 7] & 0xff) << 8) | (b[i + 8] & 0xff);
                return size(w, h);
            }
            if (marker == 0xda || length < 2) return Optional.empty();
            i += 2 + length;
        }
        return Optional.empty();
    }

    private static Optional<String> webp(byte[] b) {
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        return switch (chunk) {
            case "VP8X" -> size(1 + int24le(b, 24), 1 + int24le(b, 27));
            case "VP8 " -> size(((b[26] & 0xff) | (b[27] & 0xff) << 8) & 0x3fff, ((b[28] & 0xff) | (b[29] & 0xff) << 8) & 0x3fff);
            case "VP8L" -> {
                int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
                yield size(1 + (bits & 0x3fff), 1 + ((bits >>> 14) & 0x3fff));
            }
            default -> Optional.empty();
        };
    }

    private static Optional<String> size(int w, int h) {
        return w > 0 && h > 0 ? Optional.of(w + "x" + h) : Optional.empty();
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static int int24le(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
    }
}
