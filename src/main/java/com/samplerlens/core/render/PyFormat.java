package com.samplerlens.core.render;

import com.fasterxml.jackson.databind.JsonNode;

/** Python's {@code str()} of the values the anchor prints: floats as repr (7.0, 1e-05, 1e+16), ints exact, True/False. */
public final class PyFormat {
    private PyFormat() {}

    /** {@code repr(float)}: shortest round-trip digits; exponent form below 1e-4 and from 1e16 on. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        // Double.toString gives the shortest round-trip digits (JDK 19+); only the layout differs from
        // Python. Its text is taken apart by hand: BigDecimal's first use costs 80+ ms on JDK 25.
        String java = Double.toString(Math.abs(d)); // "I.F" or "I.FE±x"
        int e = java.indexOf('E');
        int exp10 = e < 0 ? 0 : Integer.parseInt(java, e + 1, java.length(), 10);
        String mantissaText = e < 0 ? java : java.substring(0, e);
        int dot = mantissaText.indexOf('.');
        String all = mantissaText.substring(0, dot) + mantissaText.substring(dot + 1);
        int first = 0;
        while (all.charAt(first) == '0') first++;
        int last = all.length();
        while (all.charAt(last - 1) == '0') last--;
        String digits = all.substring(first, last);
        int exp = dot - 1 - first + exp10; // power of ten of the first significant digit
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
