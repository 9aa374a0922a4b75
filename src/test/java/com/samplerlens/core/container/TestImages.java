package com.samplerlens.core.container;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real encoded images made with javax.imageio, for tests that need a target file of a given kind. */
public final class TestImages {
    private TestImages() {}

    /** A noisy RGB picture, so the encoded pixels are not trivially compressible. */
    public static BufferedImage picture(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        long seed = 42;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                img.setRGB(x, y, (int) (seed >>> 40) ^ (x * 7 << 16) ^ (y * 5 << 8));
            }
        }
        return img;
    }

    public static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) throw new IllegalStateException("no ImageIO writer for " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG segment: FF marker, big-endian length (payload + 2), payload. */
    public static byte[] jpegSegment(int marker, byte[] payload) {
        return TestBytes.concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) ((payload.length + 2) >>> 8), (byte) (payload.length + 2)}, payload);
    }

    /** {@code jpeg} with {@code segment} inserted right after SOI and APP0. */
    public static byte[] insertAfterApp0(byte[] jpeg, byte[] segment) {
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) at = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        return TestBytes.concat(java.util.Arrays.copyOf(jpeg, at), segment, java.util.Arrays.copyOfRange(jpeg, at, jpeg.length));
    }
}
