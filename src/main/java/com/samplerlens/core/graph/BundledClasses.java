package com.samplerlens.core.graph;

import com.samplerlens.core.json.LenientJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundled node definitions, read lazily. The file holds some 3,000 classes (about 700 KB)
 * while a workflow uses a few dozen, and the CLI reads it on every run; so the bytes are indexed
 * by class name (the generator writes one class per line: {@code "Name": {…},}) and a class is
 * parsed when first asked for. Indexing by hand because no library indexes JSON members without
 * parsing them.
 */
final class BundledClasses {
    private final byte[] bytes;
    private final Map<String, long[]> ranges;
    private final ConcurrentHashMap<String, NodeDefinitions.Definition> parsed = new ConcurrentHashMap<>();

    private BundledClasses(byte[] bytes, Map<String, long[]> ranges) {
        this.bytes = bytes;
        this.ranges = ranges;
    }

    /** The index, or null when the file is not laid out one class per line (then it is parsed whole). */
    static BundledClasses index(byte[] bytes) {
        Map<String, long[]> ranges = new HashMap<>();
        int line = 0;
        while (line < bytes.length) {
            int end = line;
            while (end < bytes.length && bytes[end] != '\n') end++;
            int a = line, b = end;
            while (a < b && (bytes[a] == ' ' || bytes[a] == '\t')) a++;
            while (b > a && (bytes[b - 1] == '\r' || bytes[b - 1] == ' ' || bytes[b - 1] == ',')) b--;
            if (b > a && !(b - a == 1 && (bytes[a] == '{' || bytes[a] == '}'))) {
                if (bytes[a] != '"') return null;
                int q = a + 1;
                boolean escaped = false;
                while (q < b && bytes[q] != '"') {
                    if (bytes[q] == '\\') {
                        escaped = true;
                        q++;
                    }
                    q++;
                }
                if (q >= b) return null;
                String key = escaped ? decode(bytes, a, q + 1) : new String(bytes, a + 1, q - a - 1, StandardCharsets.UTF_8);
                int v = q + 1;
                while (v < b && (bytes[v] == ' ' || bytes[v] == ':')) v++;
                if (v >= b || bytes[v] != '{' || bytes[b - 1] != '}') return null;
                ranges.put(key, new long[] {v, b - v});
            }
            line = end + 1;
        }
        return ranges.isEmpty() ? null : new BundledClasses(bytes, ranges);
    }

    private static String decode(byte[] bytes, int from, int to) {
        try {
            return LenientJson.parseString(bytes, from, to - from);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    NodeDefinitions.Definition get(String classType) {
        long[] r = ranges.get(classType);
        if (r == null) return null;
        return parsed.computeIfAbsent(classType, c -> {
            try {
                return NodeDefinitions.bundledDefinition(c, LenientJson.parse(bytes, (int) r[0], (int) r[1]));
            } catch (IOException e) {
                throw new UncheckedIOException("bundled node definition of " + c + " is not valid JSON", e);
            }
        });
    }

    Set<String> names() { return Collections.unmodifiableSet(ranges.keySet()); }
}
