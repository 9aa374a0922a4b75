package com.samplerlens.core.fallback;

import java.util.Map;

/**
 * The JPEG size limits (anchor-behaviour.md §7.3), already clamped.
 *
 * @param maxJpegExifKb the user's limit, clamped to [4, {@code hardMaxKb}]
 * @param hardMaxKb     {@code METADATA_JPEG_EXIF_HARD_MAX_KB}, clamped to [64, 2048]
 * @param segmentLimit  {@code METADATA_JPEG_EXIF_SEGMENT_LIMIT} in bytes, clamped to [50000, 65533]
 */
public record FallbackSettings(int maxJpegExifKb, int hardMaxKb, int segmentLimit) {

    public static final int DEFAULT_MAX_JPEG_EXIF_KB = 60;
    public static final int DEFAULT_HARD_MAX_KB = 256;
    public static final int DEFAULT_SEGMENT_LIMIT = 65500;

    /** The largest payload a JPEG segment can hold: its 16-bit length counts itself. */
    public static final int MAX_SEGMENT_LIMIT = 65533;

    public static final String ENV_HARD_MAX_KB = "METADATA_JPEG_EXIF_HARD_MAX_KB";
    public static final String ENV_SEGMENT_LIMIT = "METADATA_JPEG_EXIF_SEGMENT_LIMIT";

    public FallbackSettings {
        hardMaxKb = clamp(hardMaxKb, 64, 2048);
        maxJpegExifKb = clamp(maxJpegExifKb, 4, hardMaxKb);
        segmentLimit = clamp(segmentLimit, 50_000, MAX_SEGMENT_LIMIT);
    }

    /** The limits for a requested KB value (null: the default 60), with the caps read from {@code env}. */
    public static FallbackSettings of(Integer requestedKb, Map<String, String> env) {
        return new FallbackSettings(requestedKb != null ? requestedKb : DEFAULT_MAX_JPEG_EXIF_KB,
                intOr(env.get(ENV_HARD_MAX_KB), DEFAULT_HARD_MAX_KB),
                intOr(env.get(ENV_SEGMENT_LIMIT), DEFAULT_SEGMENT_LIMIT));
    }

    /** The limits for a requested KB value with the caps from the process environment. */
    public static FallbackSettings fromEnvironment(Integer requestedKb) {
        return of(requestedKb, System.getenv());
    }

    /** The user's limit in bytes ({@code max_exif} of the anchor). */
    public int maxExifBytes() { return maxJpegExifKb * 1024; }

    /**
     * The largest APP1 payload any EXIF stage may have: the user's limit, and never more than the
     * segment limit. The anchor checks the segment limit for {@code full} only and so can write
     * an APP1 segment too long for its own length field; SamplerLens checks it for every stage.
     */
    public int exifBudget() { return Math.min(maxExifBytes(), segmentLimit); }

    private static int intOr(String value, int fallback) {
        if (value == null) return fallback;
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int clamp(int v, int lo, int hi) { return Math.max(lo, Math.min(hi, v)); }
}
