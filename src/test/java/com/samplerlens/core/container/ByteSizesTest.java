package com.samplerlens.core.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ByteSizes writes its text by hand; it must be exactly what String.format wrote before. */
class ByteSizesTest {

    private static String formatted(long bytes) {
        if (bytes < 10_000) return String.format(Locale.US, "%,d B", bytes);
        if (bytes < 1_000_000) return String.format(Locale.US, "%.1f kB", bytes / 1_000.0);
        return String.format(Locale.US, "%.1f MB", bytes / 1_000_000.0);
    }

    @Test
    void everySizeUpToTwoMegabytesReadsAsStringFormatWritesIt() {
        for (long b = -1_000; b <= 2_000_000; b++) assertEquals(formatted(b), ByteSizes.human(b), "bytes " + b);
    }

    @Test
    void largeSizesAndTheirRoundingEdgesToo() {
        SplittableRandom r = new SplittableRandom(16);
        for (int i = 0; i < 200_000; i++) {
            long b = r.nextLong(1_000_000L, 10_000_000_000_000L); // up to 10 TB
            assertEquals(formatted(b), ByteSizes.human(b), "bytes " + b);
            long edge = b / 100_000 * 100_000 + 49_999 + r.nextInt(3); // ...49,999 / 50,000 / 50,001
            assertEquals(formatted(edge), ByteSizes.human(edge), "bytes " + edge);
        }
        assertEquals("1,234 B", ByteSizes.human(1234));
        assertEquals("45.6 kB", ByteSizes.human(45_649));
        assertEquals("1.3 MB", ByteSizes.human(1_250_000));
    }
}
