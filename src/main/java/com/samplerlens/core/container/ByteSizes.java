package com.samplerlens.core.container;

import java.util.Locale;

/** Byte counts for people: "13 B", "1,234 B", "45.6 kB", "1.2 MB" (decimal units, as file managers show). */
public final class ByteSizes {
    private ByteSizes() {}

    public static String human(long bytes) {
        if (bytes < 10_000) return String.format(Locale.US, "%,d B", bytes);
        if (bytes < 1_000_000) return String.format(Locale.US, "%.1f kB", bytes / 1_000.0);
        return String.format(Locale.US, "%.1f MB", bytes / 1_000_000.0);
    }
}
