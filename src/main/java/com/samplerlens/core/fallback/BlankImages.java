package com.samplerlens.core.fallback;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * One-pixel images to measure metadata against when no target is given: what our chunks and
 * segments weigh does not depend on the pixels, so measuring them in a real file of the format
 * gives the same numbers the writers produce for any target.
 */
final class BlankImages {
    private BlankImages() {}

    private static final class Holder {
        static final byte[] PNG = encode("png");
        static final byte[] JPEG = encode("jpeg");
    }

    static byte[] png() { return Holder.PNG.clone(); }

    static byte[] jpeg() { return Holder.JPEG.clone(); }

    private static byte[] encode(String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
