package com.samplerlens.core.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FallbackSettingsTest {

    @Test
    void defaultsAreTheAnchors() {
        FallbackSettings s = FallbackSettings.of(null, Map.of());
        assertEquals(60, s.maxJpegExifKb());
        assertEquals(256, s.hardMaxKb());
        assertEquals(65500, s.segmentLimit());
        assertEquals(61440, s.maxExifBytes());
        assertEquals(61440, s.exifBudget());
    }

    @Test
    void clampsEveryLimit() {
        assertEquals(4, FallbackSettings.of(1, Map.of()).maxJpegExifKb());
        assertEquals(256, FallbackSettings.of(9999, Map.of()).maxJpegExifKb());
        assertEquals(64, FallbackSettings.of(9999, Map.of("METADATA_JPEG_EXIF_HARD_MAX_KB", "10")).maxJpegExifKb());
        assertEquals(2048, FallbackSettings.of(null, Map.of("METADATA_JPEG_EXIF_HARD_MAX_KB", "99999")).hardMaxKb());
        assertEquals(50000, FallbackSettings.of(null, Map.of("METADATA_JPEG_EXIF_SEGMENT_LIMIT", "1")).segmentLimit());
        assertEquals(65533, FallbackSettings.of(null, Map.of("METADATA_JPEG_EXIF_SEGMENT_LIMIT", "70000")).segmentLimit());
        assertEquals(256, FallbackSettings.of(null, Map.of("METADATA_JPEG_EXIF_HARD_MAX_KB", "lots")).hardMaxKb());
    }

    @Test
    void theSegmentLimitCapsAHighUserLimit() {
        assertEquals(65500, FallbackSettings.of(200, Map.of()).exifBudget());
    }
}
