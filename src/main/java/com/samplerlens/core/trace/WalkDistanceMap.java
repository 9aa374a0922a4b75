package com.samplerlens.core.trace;

import com.samplerlens.core.graph.Graph;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A walk's hop distances read from its arrays as an unmodifiable map, in discovery order: no copy
 * of 200,000 boxed entries. The walk's nodes are {@code order[0..count)}, the start first;
 * {@code dist[v]} is a node's distance, or negative when the walk did not reach it.
 *
 * <p>Arrays a later walk reuses ({@link UpstreamDistances}) come with a check that throws once that
 * walk has begun, so a map never shows another walk's distances; arrays nothing writes again
 * (the tracer's own walks) come without one and the map is {@link #permanent()}.
 */
final class WalkDistanceMap extends AbstractMap<String, Integer> {

    private final Graph graph;
    private final int[] dist;
    private final int[] order;
    private final int first;
    private final int count;
    private final Runnable stillValid;

    /**
     * @param withStart  whether the start ({@code order[0]}) is in the map
     * @param stillValid throws when the arrays now hold another walk; null when nothing rewrites them
     */
    WalkDistanceMap(Graph graph, int[] dist, int[] order, int count, boolean withStart, Runnable stillValid) {
        this.graph = graph;
        this.dist = dist;
        this.order = order;
        this.first = withStart || count == 0 ? 0 : 1;
        this.count = count;
        this.stillValid = stillValid;
    }

    /** True when no later walk can change the arrays: the map may be kept. */
    boolean permanent() { return stillValid == null; }

    private void check() {
        if (stillValid != null) stillValid.run();
    }

    @Override public int size() {
        check();
        return count - first;
    }

    @Override public boolean containsKey(Object key) { return get(key) != null; }

    @Override public Integer get(Object key) {
        check();
        if (!(key instanceof String id)) return null;
        int v = graph.indexOf(id);
        if (v < 0 || dist[v] < 0 || (first == 1 && v == order[0])) return null;
        return dist[v];
    }

    @Override public Set<Entry<String, Integer>> entrySet() {
        return new AbstractSet<>() {
            @Override public int size() { return WalkDistanceMap.this.size(); }

            @Override public Iterator<Entry<String, Integer>> iterator() {
                check();
                return new Iterator<>() {
                    private int next = first;

                    @Override public boolean hasNext() {
                        check();
                        return next < count;
                    }

                    @Override public Entry<String, Integer> next() {
                        if (!hasNext()) throw new NoSuchElementException();
                        int v = order[next++];
                        return Map.entry(graph.idAt(v), dist[v]);
                    }
                };
            }
        };
    }
}
