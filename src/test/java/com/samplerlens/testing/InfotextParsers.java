package com.samplerlens.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two independent readers of an A1111 parameters text, written from their documented rules (no
 * code of either project): the quote-aware rule of A1111's {@code parse_generation_parameters}
 * and the naive one of readers such as sd-parsers, which split the last line on commas and each
 * item on its first colon. Later keys replace earlier ones in both, as a Python dict does.
 */
public final class InfotextParsers {
    private InfotextParsers() {}

    /** A1111's {@code re_param_code}: a key, a colon, then a quoted JSON string or text up to the next comma. */
    private static final Pattern A1111_PARAM = Pattern.compile("\\s*(\\w[\\w \\-/]+):\\s*(\"(?:\\\\.|[^\\\\\"])+\"|[^,]*)(?:,|$)");

    /** The last line's keys as A1111 reads them (fewer than 3 pairs: the line is prompt text, no keys). */
    public static Map<String, String> a1111(String text) {
        List<String> lines = List.of(text.strip().split("\n"));
        String last = lines.getLast();
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = A1111_PARAM.matcher(last);
        int pairs = 0;
        while (m.find()) pairs++;
        if (pairs < 3) return out;
        m.reset();
        while (m.find()) {
            String v = m.group(2);
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = unquote(v);
            out.put(m.group(1), v);
        }
        return out;
    }

    /** The last line split on every {@code ,}, each item on its first {@code :}; items without a colon are dropped. */
    public static Map<String, String> naive(String text) {
        List<String> lines = List.of(text.strip().split("\n"));
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : lines.getLast().split(",")) {
            int colon = item.indexOf(':');
            if (colon < 0) continue;
            out.put(item.substring(0, colon).strip(), item.substring(colon + 1).strip());
        }
        return out;
    }

    /** {@code json.loads} of a JSON string literal. */
    private static String unquote(String quoted) {
        try {
            return com.samplerlens.core.json.LenientJson.mapper().readValue(quoted, String.class);
        } catch (java.io.IOException e) {
            return quoted;
        }
    }
}
