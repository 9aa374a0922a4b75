package com.samplerlens.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;

/**
 * Builds a tree from the JSON ComfyUI and Python write (plain JSON plus {@code NaN} and
 * {@code ±Infinity}) without Jackson's parser. Why: on JDK 25 the first Jackson parser initialises
 * {@code java.math.BigDecimal}, whose static initialiser computes 5<sup>65536</sup>: 80–110 ms of
 * interpreted CPU in a one-file {@code inspect} (docs/benchmarks.md), more than reading and
 * tracing the file.
 *
 * <p>Conservative by design: it builds exactly the tree {@link LenientJson}'s Jackson path builds,
 * and for anything outside that plain subset (trailing commas, control characters, odd number
 * spellings, too deep, too long, a syntax error, text after the value) it returns {@code null}, and
 * the caller parses with Jackson, which gives its lenient reading or its exact error message.
 */
final class PlainJsonReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Deeper documents go to Jackson, whose reader is iterative: this one recurses. */
    private static final int MAX_PLAIN_DEPTH = 256;
    /** Jackson's default longest number, in characters. */
    private static final int MAX_NUMBER_LENGTH = 1000;

    private final String s;
    private final int end;
    private final int maxDepth;
    private final int maxString;
    private int i;

    private PlainJsonReader(String s, int maxDepth, int maxString) {
        this.s = s;
        this.end = s.length();
        this.maxDepth = Math.min(maxDepth, MAX_PLAIN_DEPTH);
        this.maxString = maxString;
    }

    /** The tree, {@link MissingNode} for blank text, or null when Jackson must decide. */
    static JsonNode read(String text, int maxDepth, int maxString) {
        PlainJsonReader r = new PlainJsonReader(text, maxDepth, maxString);
        try {
            r.skipSpace();
            if (r.i == r.end) return MissingNode.getInstance();
            JsonNode root = r.value(0);
            if (root == null) return null;
            r.skipSpace();
            return r.i == r.end ? root : null;
        } catch (StringIndexOutOfBoundsException | NumberFormatException e) {
            return null; // truncated or unusual: Jackson says what is wrong
        }
    }

    private JsonNode value(int depth) {
        char c = s.charAt(i);
        switch (c) {
            case '{': return depth >= maxDepth ? null : object(depth + 1);
            case '[': return depth >= maxDepth ? null : array(depth + 1);
            case '"': {
                String t = string();
                return t == null ? null : NODES.textNode(t);
            }
            case 't': return literal("true") ? NODES.booleanNode(true) : null;
            case 'f': return literal("false") ? NODES.booleanNode(false) : null;
            case 'n': return literal("null") ? NODES.nullNode() : null;
            case 'N': return literal("NaN") ? NODES.numberNode(Double.NaN) : null;
            case 'I': return literal("Infinity") ? NODES.numberNode(Double.POSITIVE_INFINITY) : null;
            default:
                if (c == '-' && s.startsWith("-Infinity", i)) {
                    return literal("-Infinity") ? NODES.numberNode(Double.NEGATIVE_INFINITY) : null;
                }
                return c == '-' || (c >= '0' && c <= '9') ? number() : null;
        }
    }

    private JsonNode object(int depth) {
        ObjectNode o = NODES.objectNode();
        i++;
        skipSpace();
        if (s.charAt(i) == '}') {
            i++;
            return o;
        }
        while (true) {
            if (s.charAt(i) != '"') return null;
            String name = string();
            if (name == null) return null;
            skipSpace();
            if (s.charAt(i) != ':') return null;
            i++;
            skipSpace();
            JsonNode v = value(depth);
            if (v == null) return null;
            o.replace(name, v); // a duplicate key: the last value, in the first one's place
            skipSpace();
            char c = s.charAt(i++);
            if (c == '}') return o;
            if (c != ',') return null;
            skipSpace();
        }
    }

    private JsonNode array(int depth) {
        ArrayNode a = NODES.arrayNode();
        i++;
        skipSpace();
        if (s.charAt(i) == ']') {
            i++;
            return a;
        }
        while (true) {
            JsonNode v = value(depth);
            if (v == null) return null;
            a.add(v);
            skipSpace();
            char c = s.charAt(i++);
            if (c == ']') return a;
            if (c != ',') return null;
            skipSpace();
        }
    }

    /** A string at {@code i} (its opening quote), or null. */
    private String string() {
        int start = ++i;
        while (true) { // the common case: no escapes
            char c = s.charAt(i);
            if (c == '"') {
                if (i - start > maxString) return null;
                return s.substring(start, i++);
            }
            if (c == '\\') break;
            if (c < 0x20) return null;
            i++;
        }
        StringBuilder b = new StringBuilder(i - start + 16).append(s, start, i);
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') break;
            if (c < 0x20) return null;
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(s.charAt(i++), 16);
                        if (d < 0) return null;
                        v = v << 4 | d;
                    }
                    b.append((char) v);
                }
                default -> {
                    return null;
                }
            }
        }
        return b.length() > maxString ? null : b.toString();
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, or null. */
    private JsonNode number() {
        int start = i;
        if (s.charAt(i) == '-') i++;
        int intStart = i;
        while (i < end && isDigit(s.charAt(i))) i++;
        int intDigits = i - intStart;
        if (intDigits == 0 || (intDigits > 1 && s.charAt(intStart) == '0')) return null;
        boolean integral = true;
        if (i < end && s.charAt(i) == '.') {
            integral = false;
            int f = ++i;
            while (i < end && isDigit(s.charAt(i))) i++;
            if (i == f) return null;
        }
        if (i < end && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            integral = false;
            i++;
            if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int x = i;
            while (i < end && isDigit(s.charAt(i))) i++;
            if (i == x) return null;
        }
        if (i - start > MAX_NUMBER_LENGTH) return null;
        String n = s.substring(start, i);
        return integral ? NODES.numberNode(new BigInteger(n)) : NODES.numberNode(Double.parseDouble(n));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A literal word, not followed by more of a word (Jackson reads "truex" as one bad token). */
    private boolean literal(String word) {
        if (!s.startsWith(word, i)) return false;
        int after = i + word.length();
        if (after < end && Character.isJavaIdentifierPart(s.charAt(after))) return false;
        i = after;
        return true;
    }

    private void skipSpace() {
        while (i < end) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
            i++;
        }
    }
}
