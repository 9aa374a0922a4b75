package com.samplerlens.core.graph;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A node's inputs, immutable and in the source's order, held as two arrays: a graph of 200,000
 * nodes with eleven inputs each kept a LinkedHashMap per node (about 100 bytes per input); this
 * needs about 8. Lookups scan the names, which is faster than hashing for the few inputs a node
 * has; a node with more than {@link #MAX_SCANNED} inputs keeps a hashed map, so a hostile node
 * with 100,000 inputs cannot make every lookup slow.
 */
final class InputMap extends AbstractMap<String, InputValue> {

    static final int MAX_SCANNED = 32;

    private static final InputMap EMPTY = new InputMap(new String[0], new InputValue[0]);

    private final String[] names;
    private final InputValue[] values;

    private InputMap(String[] names, InputValue[] values) {
        this.names = names;
        this.values = values;
    }

    /** An immutable copy in {@code inputs}' iteration order (no copy when it already is one). */
    static Map<String, InputValue> copyOf(Map<String, InputValue> inputs) {
        if (inputs instanceof InputMap m) return m;
        if (inputs.isEmpty()) return EMPTY;
        if (inputs.size() > MAX_SCANNED) return Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        String[] n = new String[inputs.size()];
        InputValue[] v = new InputValue[n.length];
        int i = 0;
        for (Map.Entry<String, InputValue> e : inputs.entrySet()) {
            n[i] = e.getKey();
            v[i] = e.getValue();
            i++;
        }
        return new InputMap(n, v);
    }

    /**
     * Inputs whose names array is shared with other nodes of the same inputs (the streamed
     * loader's: 200,000 KSamplers need one array of their ten names, not 200,000 copies).
     * Neither array is copied; the caller hands them over and never changes them.
     */
    static Map<String, InputValue> ofShared(String[] names, InputValue[] values) {
        if (names.length == 0) return EMPTY;
        if (names.length > MAX_SCANNED) {
            Map<String, InputValue> m = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) m.put(names[i], values[i]);
            return Collections.unmodifiableMap(m);
        }
        return new InputMap(names, values);
    }

    private int indexOf(Object name) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
        return -1;
    }

    @Override public int size() { return names.length; }

    @Override public boolean containsKey(Object key) { return indexOf(key) >= 0; }

    @Override public InputValue get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override public Set<Entry<String, InputValue>> entrySet() {
        return new AbstractSet<>() {
            @Override public int size() { return names.length; }

            @Override public Iterator<Entry<String, InputValue>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override public boolean hasNext() { return next < names.length; }

                    @Override public Entry<String, InputValue> next() {
                        if (next >= names.length) throw new NoSuchElementException();
                        int i = next++;
                        return new SimpleImmutableEntry<>(names[i], values[i]);
                    }
                };
            }
        };
    }
}
