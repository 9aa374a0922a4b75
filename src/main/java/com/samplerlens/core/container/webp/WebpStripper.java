package com.samplerlens.core.container.webp;

import com.samplerlens.core.container.exif.ExifStripper;
import java.util.Arrays;

/**
 * A WebP without generation metadata: the EXIF chunk keeps only its non-generation tags
 * ({@link ExifStripper}) or goes (and the VP8X EXIF flag with it). Image chunks, XMP and ICC are
 * copied byte for byte by {@link WebpExifWriter}.
 */
public final class WebpStripper {
    private WebpStripper() {}

    /** @throws IllegalArgumentException when the file is not a WebP whose chunks can all be read */
    public static byte[] strip(byte[] webp) {
        if (!RiffChunkReader.hasSignature(webp)) throw new IllegalArgumentException("not a WebP (no RIFF/WEBP header)");
        RiffChunk exif = RiffChunkReader.read(webp).chunks().stream().filter(c -> c.fourCc().equals("EXIF")).findFirst().orElse(null);
        if (exif == null) return WebpExifWriter.write(webp, null);
        int skip = WebpMetadataReader.startsWith(webp, exif, WebpMetadataReader.EXIF_HEADER) ? WebpMetadataReader.EXIF_HEADER.length : 0;
        byte[] tiff = Arrays.copyOfRange(webp, exif.dataOffset() + skip, exif.dataOffset() + exif.length());
        return WebpExifWriter.write(webp, ExifStripper.strip(tiff).orElse(null));
    }
}
