package com.samplerlens.core.trace;

import com.samplerlens.core.graph.NodeIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** Sorts node ids in {@link NodeIds} order, parsing each id once (big attributed sets sort fast). */
final class IdOrder {
    private IdOrder() {}

    private record Key(String id, Long number) implements Comparable<Key> {
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
        for (String id : ids) keys[i++] = new Key(id, NodeIds.asNumber(id));
        Arrays.sort(keys);
        String[] out = new String[keys.length];
        for (int k = 0; k < keys.length; k++) out[k] = keys[k].id();
        return List.of(out);
    }

    /** The items' ids, smallest distance first, equal distances in {@link NodeIds} order. */
    static <T> List<String> sortedByDistance(Collection<T> items, Function<T, String> id, ToIntFunction<T> distance) {
        record Ranked(int distance, Key key) {}
        Ranked[] ranked = new Ranked[items.size()];
        int i = 0;
        for (T t : items) {
            String s = id.apply(t);
            ranked[i++] = new Ranked(distance.applyAsInt(t), new Key(s, NodeIds.asNumber(s)));
        }
        Arrays.sort(ranked, Comparator.comparingInt(Ranked::distance).thenComparing(Ranked::key));
        List<String> out = new ArrayList<>(ranked.length);
        for (Ranked r : ranked) out.add(r.key().id());
        return out;
    }
}
