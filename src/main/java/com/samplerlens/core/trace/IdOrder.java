package com.samplerlens.core.trace;

import com.samplerlens.core.graph.NodeIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

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

    static List<String> sorted(Collection<String> ids) {
        Key[] keys = new Key[ids.size()];
        int i = 0;
        for (String id : ids) keys[i++] = new Key(id, NodeIds.asNumber(id));
        Arrays.sort(keys);
        List<String> out = new ArrayList<>(keys.length);
        for (Key k : keys) out.add(k.id());
        return out;
    }
}
