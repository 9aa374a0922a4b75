package com.samplerlens.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Python's {@code json.dumps}: default separators {@code ", "} / {@code ": "} (or compact
 * {@code ","} / {@code ":"}), ensure_ascii escapes, floats as repr, NaN/Infinity as Python writes them.
 */
public final class PyJson {
    private PyJson() {}

    public static String dumps(JsonNode v) { return write(v, false); }

    public static String compact(JsonNode v) { return write(v, true); }

    private static String write(JsonNode v, boolean compact) {
        StringBuilder sb = new StringBuilder();
        append(sb, v, compact);
        return sb.toString();
    }

    /** A flat string map in insertion order, default separators (the anchor's {@code Hashes}). */
    public static String dumpsStrings(Map<String, String> map) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (var e : map.entrySet()) {
            if (!first) sb.append(", ");
            first = false;
            string(sb, e.getKey());
            sb.append(": ");
            string(sb, e.getValue());
        }
        return sb.append('}').toString();
    }

    static void append(StringBuilder sb, JsonNode v, boolean compact) {
        String comma = compact ? "," : ", ";
        String colon = compact ? ":" : ": ";
        if (v == null || v.isNull() || v.isMissingNode()) sb.append("null");
        else if (v.isBoolean()) sb.append(v.booleanValue() ? "true" : "false");
        else if (v.isIntegralNumber()) sb.append(v.bigIntegerValue());
        else if (v.isNumber()) {
            double d = v.doubleValue();
            sb.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : PyFormat.floatRepr(d));
        } else if (v.isTextual()) string(sb, v.asText());
        else if (v.isArray()) {
            sb.append('[');
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) sb.append(comma);
                append(sb, v.get(i), compact);
            }
            sb.append(']');
        } else if (v.isObject()) {
            sb.append('{');
            boolean first = true;
            for (var e : v.properties()) {
                if (!first) sb.append(comma);
                first = false;
                string(sb, e.getKey());
                sb.append(colon);
                append(sb, e.getValue(), compact);
            }
            sb.append('}');
        } else string(sb, v.asText());
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
