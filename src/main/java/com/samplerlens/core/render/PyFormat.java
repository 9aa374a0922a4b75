package com.samplerlens.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Python's {@code str()} of the values the anchor prints: floats as repr (7.0, 1e-05, 1e+16), ints exact, True/False. */
public final class PyFormat {
    private PyFormat() {}

    /** {@code repr(float)}: shortest round-trip digits; exponent form below 1e-4 and from 1e16 on. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        // Double.toString gives the shortest round-trip digits (JDK 19+); only the layout differs from Python
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale();
        String sign = d < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int a = Math.abs(exp);
            return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (a < 10 ? "0" + a : String.valueOf(a));
        }
        if (exp < 0) return sign + "0." + "0".repeat(-exp - 1) + digits;
        if (digits.length() <= exp + 1) return sign + digits + "0".repeat(exp + 1 - digits.length()) + ".0";
        return sign + digits.substring(0, exp + 1) + "." + digits.substring(exp + 1);
    }

    /** {@code str()} of a JSON value as ComfyUI hands it to Python. */
    public static String str(JsonNode v) {
        if (v == null || v.isNull()) return "None";
        if (v.isBoolean()) return v.booleanValue() ? "True" : "False";
        if (v.isIntegralNumber()) return v.bigIntegerValue().toString();
        if (v.isNumber()) return floatRepr(v.doubleValue());
        if (v.isTextual()) return v.asText();
        return PyJson.dumps(v);
    }

    public static String str(Double d) { return floatRepr(d); }
}
