package com.samplerlens.core.fallback;

import com.samplerlens.core.container.ContainerFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What writing a {@link com.samplerlens.core.container.MetadataBundle} into one format would do,
 * with byte sizes equal to those of the bytes then written.
 *
 * @param format       PNG, JPEG or WEBP
 * @param maxExifBytes the JPEG EXIF limit in bytes ({@code max_jpeg_exif_kb} × 1024); empty for PNG/WebP
 * @param entries      JPEG: the four stages in order; PNG: one entry per text chunk; WebP: the EXIF chunk
 * @param chosen       JPEG: the stage that will be written; empty for PNG/WebP (no fallback there)
 * @param written      the whole file this plan measured, which the writer writes as it is (so a size
 *                     shown and the file written cannot differ); null when planned without a target
 */
public record WritePlan(ContainerFormat format, OptionalInt maxExifBytes, List<PlanEntry> entries, Optional<JpegStagePlan> chosen,
                        byte[] written) {
    public WritePlan {
        entries = List.copyOf(entries);
    }

    public WritePlan(ContainerFormat format, OptionalInt maxExifBytes, List<PlanEntry> entries, Optional<JpegStagePlan> chosen) {
        this(format, maxExifBytes, entries, chosen, null);
    }
}
