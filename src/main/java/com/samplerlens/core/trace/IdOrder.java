package com.samplerlens.core.trace;

import com.samplerlens.core.graph.NodeIds;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

/** Sorts node ids in {@link NodeIds} order, parsing each id once (big attributed sets sort fast). */
final class IdOrder {
    private IdOrder() {}

    /** An id with its number parsed once ({@link NodeIds#asNumber}), ordered as {@link NodeIds#ORDER}. */
    record Key(String id, Long number) implements Comparable<Key> {
        static Key of(String id) { return new Key(id, NodeIds.asNumber(id)); }

        @Override
        public int compareTo(Key o) {
            if (number != null && o.number != null) {
                int c = Long.compare(number, o.number);
                return c != 0 ? c : id.compareTo(o.id);
            }
            if (number != null) return -1;
            if (o.number != null) return 1;
            return id.compareTo(o.id);
        }
    }

    /** The ids in {@link NodeIds} order, as an unmodifiable list (records keep it without copying). */
    static List<String> sorted(Collection<String> ids) {
        Key[] keys = new Key[ids.size()];
        int i = 0;
        for (String id : ids) keys[i++] = Key.of(id);
        Arrays.sort(keys);
        String[] out = new String[keys.length];
        for (int k = 0; k < keys.length; k++) out[k] = keys[k].id();
        return List.of(out);
    }

    /** The nodes' ids, smallest distance first, equal distances in {@link NodeIds} order. */
    static int[] sortedByDistance(int[] nodes, int[] distance, IntFunction<Key> key) {
        Integer[] boxed = new Integer[nodes.length];
        for (int i = 0; i < nodes.length; i++) boxed[i] = nodes[i];
        Arrays.sort(boxed, Comparator.<Integer>comparingInt(v -> distance[v]).thenComparing(key::apply));
        int[] out = new int[nodes.length];
        for (int i = 0; i < out.length; i++) out[i] = boxed[i];
        return out;
    }

    /** The nodes' ids in {@link NodeIds} order, as an unmodifiable list, each id parsed at most once per graph. */
    static List<String> sorted(int[] nodes, int from, int to, IntFunction<Key> key) {
        Key[] keys = new Key[to - from];
        for (int i = from; i < to; i++) keys[i - from] = key.apply(nodes[i]);
        Arrays.sort(keys);
        String[] out = new String[keys.length];
        for (int k = 0; k < keys.length; k++) out[k] = keys[k].id();
        return List.of(out);
    }
}
