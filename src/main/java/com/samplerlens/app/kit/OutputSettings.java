package com.samplerlens.app.kit;

import com.samplerlens.core.container.ContainerFormat;

/**
 * How the metadata is rendered and packed, as the Output controls set it.
 *
 * @param format          container to preview and write (PNG, JPEG or WebP)
 * @param multiline       one key per line (the anchor's test mode)
 * @param civitaiNames    Civitai-style sampler names in the parameters text
 * @param maxJpegExifKb   the JPEG EXIF budget (4 … 64 KB)
 */
public record OutputSettings(ContainerFormat format, boolean multiline, boolean civitaiNames,
                             int maxJpegExifKb) {

    public static final int MIN_JPEG_EXIF_KB = 4;
    public static final int MAX_JPEG_EXIF_KB = 64;
    public static final int DEFAULT_JPEG_EXIF_KB = 60;

    public OutputSettings {
        if (format == null || format == ContainerFormat.JSON) format = ContainerFormat.PNG;
        maxJpegExifKb = Math.clamp(maxJpegExifKb, MIN_JPEG_EXIF_KB, MAX_JPEG_EXIF_KB);
    }

    public static OutputSettings defaults() {
        return new OutputSettings(ContainerFormat.PNG, false, false, DEFAULT_JPEG_EXIF_KB);
    }
}
