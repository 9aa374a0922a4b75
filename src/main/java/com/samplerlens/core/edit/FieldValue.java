package com.samplerlens.core.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The kinds of value a field holds, and how text a person typed becomes one. Decimals become
 * doubles so that the renderer prints them as Python does ({@code 7} → {@code 7.0}); whole
 * numbers stay whole; a seed that is not a number is kept as text, as ComfyUI would pass it on.
 */
enum FieldValue {
    TEXT("text"),
    WHOLE("a whole number"),
    DECIMAL("a number"),
    /** Stored as JSON (the shift fields): a decimal. */
    JSON_DECIMAL("a number"),
    SEED("a seed");

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL_NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String what;

    FieldValue(String what) {
        this.what = what;
    }

    /** The value for the record component, or an {@link IllegalArgumentException} naming {@code label}. */
    Object parse(String label, String raw) {
        String t = raw.strip();
        return switch (this) {
            case TEXT -> raw;
            case WHOLE -> {
                if (!WHOLE_NUMBER.matcher(t).matches()) throw invalid(label, raw);
                try {
                    yield Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw invalid(label, raw);
                }
            }
            case DECIMAL -> decimal(label, raw, t);
            case JSON_DECIMAL -> JSON.numberNode(decimal(label, raw, t));
            case SEED -> WHOLE_NUMBER.matcher(t).matches() ? seedNumber(t) : JSON.textNode(t);
        };
    }

    private static JsonNode seedNumber(String t) {
        BigInteger b = new BigInteger(t);
        return b.bitLength() < 64 ? JSON.numberNode(b.longValue()) : JSON.numberNode(b);
    }

    private Double decimal(String label, String raw, String t) {
        if (!DECIMAL_NUMBER.matcher(t).matches()) throw invalid(label, raw);
        double d = Double.parseDouble(t);
        if (Double.isInfinite(d)) throw invalid(label, raw);
        return d;
    }

    private IllegalArgumentException invalid(String label, String raw) {
        return new IllegalArgumentException(label + ": \"" + raw + "\" is not " + what);
    }
}
