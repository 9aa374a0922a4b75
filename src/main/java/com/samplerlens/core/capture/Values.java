package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Conversions the anchor applies when it builds its dict: int(), float(), str(). */
final class Values {
    private Values() {}

    static Long toLong(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isIntegralNumber() && v.canConvertToLong()) return v.longValue();
        if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue()) && Math.abs(v.doubleValue()) < 9e15) return (long) v.doubleValue();
        if (v.isTextual() && v.asText().trim().matches("-?\\d{1,18}")) return Long.parseLong(v.asText().trim());
        return null;
    }

    static Double toDouble(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isNumber()) return v.doubleValue();
        if (v.isBoolean()) return v.booleanValue() ? 1.0 : 0.0;
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().trim()).doubleValue();
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
