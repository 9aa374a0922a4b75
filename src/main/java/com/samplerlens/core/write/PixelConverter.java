package com.samplerlens.core.write;

import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.UnreadableFileException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.nio.file.Path;

/**
 * Re-encodes pixels for a format change, the one case where they cannot be kept byte for byte.
 * Only PNG ↔ JPEG: Java ships no WebP encoder or decoder.
 */
final class PixelConverter {
    private PixelConverter() {}

    /** JPEG quality for converted images: high, since the user asked for metadata, not compression. */
    private static final float JPEG_QUALITY = 0.95f;

    static byte[] convert(Path target, byte[] bytes, ContainerFormat from, ContainerFormat to) throws UnreadableFileException, IOException {
        if (from == ContainerFormat.WEBP || to == ContainerFormat.WEBP) {
            throw new IllegalArgumentException(target.getFileName() + ": cannot convert " + from.id() + " to " + to.id()
                    + ": Java has no WebP encoder/decoder; write " + from.id() + " or give a WebP target");
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) throw new UnreadableFileException(target, "its pixels cannot be decoded for conversion");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (to == ContainerFormat.PNG) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, Color.WHITE, null); // JPEG has no alpha: transparent pixels become white
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
