package com.samplerlens.core.container;

/**
 * Byte counts for people: "13 B", "1,234 B", "45.6 kB", "1.2 MB" (decimal units, as file managers show).
 *
 * <p>Written out by hand rather than with {@code String.format}: the first format call loads the
 * locale's number symbols, about 8 ms of a one-file {@code inspect}'s start-up, for a size line.
 * The text is {@code String.format(Locale.US, …)}'s ("%,d B", "%.1f kB", "%.1f MB", rounding half
 * up); {@code ByteSizesTest} compares the two.
 */
public final class ByteSizes {
    private ByteSizes() {}

    public static String human(long bytes) {
        if (bytes < 10_000) return grouped(bytes) + " B";
        if (bytes < 1_000_000) return tenths((bytes + 50) / 100) + " kB";
        return tenths(bytes / 100_000 + (bytes % 100_000 >= 50_000 ? 1 : 0)) + " MB";
    }

    /** {@code n} with a comma every three digits ("%,d" in Locale.US). */
    private static String grouped(long n) {
        String digits = Long.toString(n);
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (n < 0) {
            sb.append('-');
            digits = digits.substring(1);
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) sb.append(',');
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    /** A count of tenths as "12.3". */
    private static String tenths(long t) {
        return t / 10 + "." + t % 10;
    }
}
