package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Conversions the anchor applies when it builds its dict: int(), float(), str(). */
final class Values {
    private Values() {}

    /** An integer text Long.parseLong takes (compiled once: String.matches compiles its regex per call). */
    private static final java.util.regex.Pattern LONG_TEXT = java.util.regex.Pattern.compile("-?\\d{1,18}");

    static Long toLong(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isIntegralNumber() && v.canConvertToLong()) return v.longValue();
        if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue()) && Math.abs(v.doubleValue()) < 9e15) return (long) v.doubleValue();
        if (v.isTextual()) {
            String t = v.asText().trim();
            if (LONG_TEXT.matcher(t).matches()) return Long.parseLong(t);
        }
        return null;
    }

    /** A decimal number's text (BigDecimal's syntax) as the nearest double. */
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,9})?");

    /**
     * {@code new BigDecimal(text).doubleValue()}, without BigDecimal for the usual texts (its first
     * use costs 80+ ms of start-up on JDK 25): both round the decimal value correctly.
     */
    static double decimal(String text) {
        if (DECIMAL.matcher(text).matches()) {
            double d = Double.parseDouble(text);
            return d == 0 ? 0.0 : d; // a BigDecimal has no -0
        }
        return new BigDecimal(text).doubleValue(); // a long exponent, or no number: BigDecimal decides
    }

    static Double toDouble(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.doubleValue();
        if (v.isBoolean()) return v.booleanValue() ? 1.0 : 0.0;
        if (v.isTextual()) {
            try {
                return decimal(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.asText();
    }
}
