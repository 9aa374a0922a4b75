package com.samplerlens.app.kit;

import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.PixelSize;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A small picture of the open image, decoded from the bytes kept with the document (never from
 * the file again). JavaFX decodes PNG and JPEG itself; it cannot decode WebP, so a WebP image is
 * decoded by the TwelveMonkeys ImageIO reader (pure Java, lossy and lossless WebP). Call off the FX
 * thread: decoding a large image takes a while.
 */
public final class Thumbnails {

    private Thumbnails() {}

    /**
     * What the side panel shows of an image.
     *
     * @param image   the picture scaled to fit; null when it could not be decoded (then the caption stands alone)
     * @param caption "WEBP · 1024×1024 · 512 kB": what the file is, whether or not a picture could be made
     */
    public record Thumbnail(Image image, String caption) {}

    /** The thumbnail of {@code doc} fitting {@code maxWidth × maxHeight}; null for a document that is not an image. */
    public static Thumbnail of(LoadedDocument doc, int maxWidth, int maxHeight) {
        byte[] bytes = doc.imageBytes();
        if (doc.format() == ContainerFormat.JSON || bytes == null) return null;
        String size = PixelSize.of(bytes).map(s -> s.replace('x', '×')).orElse("size unknown");
        String caption = doc.format().name() + " · " + size + " · " + kilobytes(bytes.length);
        Image image;
        try {
            image = doc.format() == ContainerFormat.WEBP ? webp(bytes, maxWidth, maxHeight) : javaFx(bytes, maxWidth, maxHeight);
        } catch (IOException | RuntimeException cannotDecode) {
            image = null;
        }
        if (image == null) caption += " · no preview of its pixels";
        return new Thumbnail(image, caption);
    }

    private static Image javaFx(byte[] bytes, int maxWidth, int maxHeight) {
        Image image = new Image(new ByteArrayInputStream(bytes), maxWidth, maxHeight, true, true);
        return image.isError() ? null : image;
    }

    /** Decodes every {@code step}-th pixel of each {@code step}-th row: the picture is only a few hundred pixels wide. */
    private static Image webp(byte[] bytes, int maxWidth, int maxHeight) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("webp");
        if (!readers.hasNext()) return null;
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            int step = Math.max(1, Math.max(width / maxWidth, height / maxHeight));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            return toFx(reader.read(0, param));
        } finally {
            reader.dispose();
        }
    }

    private static Image toFx(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        int[] argb = picture.getRGB(0, 0, w, h, null, 0, w);
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return image;
    }

    private static String kilobytes(long bytes) {
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.0f kB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
