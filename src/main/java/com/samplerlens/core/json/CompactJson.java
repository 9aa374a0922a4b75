package com.samplerlens.core.json;

/**
 * JSON text in the form the anchor stores in EXIF: Python's {@code json.dumps(v, separators=(",", ":"))},
 * i.e. no whitespace between tokens and every character above U+007F written as a lower-case
 * {@code \\uXXXX} escape (ensure_ascii; characters outside the BMP as their surrogate pair). Works on
 * the text itself, so numbers, key order and existing escapes are kept exactly as they were.
 */
public final class CompactJson {
    private CompactJson() {}

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The compact ASCII form of JSON text; text that is not JSON is compacted just as far as it can be. */
    public static String of(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(c).append(json.charAt(++i));
                    continue;
                }
                if (c == '"') inString = false;
                appendAscii(out, c);
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                appendAscii(out, c);
            }
        }
        return out.toString();
    }

    private static void appendAscii(StringBuilder out, char c) {
        if (c < 0x80) {
            out.append(c);
        } else {
            out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]).append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
        }
    }
}
