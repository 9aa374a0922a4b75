package com.samplerlens.core.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FallbackMarkerTest {

    @Test
    void appendsAfterTheVersionOnce() {
        assertEquals("p\nSteps: 1, Metadata generator version: 1.4.2, Metadata Fallback: minimal",
                FallbackMarker.mark("p\nSteps: 1, Metadata generator version: 1.4.2\n", FallbackStage.MINIMAL));
    }

    @Test
    void multilineKeepsTheCommaOnTheLastLine() {
        assertEquals("Steps: 1\nMetadata generator version: 1.4.2, Metadata Fallback: com-marker",
                FallbackMarker.mark("Steps: 1\nMetadata generator version: 1.4.2", FallbackStage.COM_MARKER));
    }

    @Test
    void anEarlierMarkerIsReplacedNotRepeated() {
        String once = FallbackMarker.mark("Steps: 1, Metadata generator version: 1.0", FallbackStage.REDUCED_EXIF);
        String again = FallbackMarker.mark(once, FallbackStage.MINIMAL);
        assertEquals("Steps: 1, Metadata generator version: 1.0, Metadata Fallback: minimal", again);
        assertEquals(again, FallbackMarker.mark(again, FallbackStage.MINIMAL));
    }

    @Test
    void fullCarriesNoMarker() {
        assertEquals("Steps: 1\n", FallbackMarker.mark("Steps: 1\n", FallbackStage.FULL));
    }
}
