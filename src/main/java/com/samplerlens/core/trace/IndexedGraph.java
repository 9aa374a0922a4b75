package com.samplerlens.core.trace;

import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.Node;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The graph as int arrays for the tracer's many walks: incoming links per node in input order
 * (compressed rows), whether each link is live, and which nodes are samplers. Built once per trace.
 */
final class IndexedGraph {

    final String[] ids;
    private final Graph graph;
    private final int[] inStart;
    private final int[] inFrom;
    private final boolean[] live;
    final boolean[] sampler;
    final Node[] nodes;
    /** Each node's sort key, parsed when first needed: an id shared by 200,000 samplers is parsed once. */
    private final IdOrder.Key[] keys;

    IndexedGraph(Graph graph, ValueResolver values, Predicate<String> isSamplerClass) {
        this.graph = graph;
        int n = graph.size();
        ids = new String[n];
        sampler = new boolean[n];
        nodes = new Node[n];
        keys = new IdOrder.Key[n];
        // read from the graph's own index: no id is hashed here (with 40,000 nodes the lookups
        // by id were cache misses and most of the trace)
        int edges = graph.firstIn(n);
        inStart = new int[n + 1];
        inFrom = new int[edges];
        live = new boolean[edges];
        // each class classified once (sampler? switch?) in maps of a few dozen entries that stay
        // in cache, where the classifier's and rules' own maps missed it per node
        HashMap<String, Boolean> samplerClass = new HashMap<>();
        HashMap<String, Boolean> switchClass = new HashMap<>();
        for (int v = 0; v < n; v++) {
            Node node = graph.nodeAt(v);
            nodes[v] = node;
            ids[v] = node.id();
            String c = node.classType();
            Boolean isSampler = samplerClass.get(c);
            if (isSampler == null) samplerClass.put(c, isSampler = isSamplerClass.test(c));
            sampler[v] = isSampler;
            int first = graph.firstIn(v);
            int end = graph.firstIn(v + 1);
            inStart[v] = first;
            if (first == end) continue;
            Boolean isSwitch = switchClass.get(c);
            if (isSwitch == null) switchClass.put(c, isSwitch = values.isSwitch(c));
            Set<String> liveInputs = isSwitch ? values.liveInputs(node) : null;
            for (int e = first; e < end; e++) {
                inFrom[e] = graph.sourceOf(e);
                live[e] = liveInputs == null || liveInputs.contains(graph.edgeAt(e).inputName());
            }
        }
        inStart[n] = edges;
    }

    IdOrder.Key key(int v) {
        IdOrder.Key k = keys[v];
        if (k == null) keys[v] = k = IdOrder.Key.of(ids[v]);
        return k;
    }

    int indexOf(String id) { return graph.indexOf(id); }

    /**
     * Breadth-first upstream from {@code start}: the nodes reached in discovery order and their
     * hop distances. {@code liveOnly} skips dead switch branches; {@code stopAtSamplers} neither
     * enters nor records a sampler other than the start.
     */
    Walk walk(int start, boolean liveOnly, boolean stopAtSamplers) {
        int[] dist = new int[ids.length];
        java.util.Arrays.fill(dist, -1);
        int[] order = new int[ids.length];
        int head = 0;
        int tail = 0;
        dist[start] = 0;
        order[tail++] = start;
        while (head < tail) {
            int v = order[head++];
            for (int e = inStart[v]; e < inStart[v + 1]; e++) {
                int u = inFrom[e];
                if (dist[u] >= 0 || (liveOnly && !live[e]) || (stopAtSamplers && sampler[u])) continue;
                dist[u] = dist[v] + 1;
                order[tail++] = u;
            }
        }
        return new Walk(dist, order, tail);
    }

    ScratchWalk scratchWalk() { return new ScratchWalk(); }

    /**
     * The live, sampler-bounded walk of {@link #walk} for many starts in a row: the arrays are
     * allocated once and only the entries a walk touched are reset, so a walk costs what it
     * reaches, not the graph's size.
     */
    final class ScratchWalk {
        private final boolean[] seen = new boolean[ids.length];
        private final int[] order = new int[ids.length];
        private int count;

        void run(int start) {
            for (int i = 0; i < count; i++) seen[order[i]] = false;
            int head = 0;
            count = 0;
            seen[start] = true;
            order[count++] = start;
            while (head < count) {
                int v = order[head++];
                for (int e = inStart[v]; e < inStart[v + 1]; e++) {
                    int u = inFrom[e];
                    if (seen[u] || !live[e] || sampler[u]) continue;
                    seen[u] = true;
                    order[count++] = u;
                }
            }
        }

        int count() { return count; }

        int at(int i) { return order[i]; }

        /** The reached nodes, the start at 0; valid until the next {@link #run}. */
        int[] order() { return order; }
    }

    /** A walk's result: {@code order[0..count)} in discovery order, {@code dist[v]} or -1. */
    record Walk(int[] dist, int[] order, int count) {
        LinkedHashMap<String, Integer> toMap(String[] ids) {
            LinkedHashMap<String, Integer> m = new LinkedHashMap<>(count * 2);
            for (int i = 0; i < count; i++) m.put(ids[order[i]], dist[order[i]]);
            return m;
        }
    }

    /** The walk's distances as an unmodifiable map read from its arrays (no copy of 200,000 boxed entries). */
    Map<String, Integer> distances(Walk walk) { return new DistanceMap(ids, graph, walk); }

    /**
     * Hop distances read from a walk's arrays. Immutable: nothing writes the arrays after the
     * walk. Iteration is in discovery order.
     */
    static final class DistanceMap extends AbstractMap<String, Integer> {
        private final String[] ids;
        private final Graph graph;
        private final Walk walk;

        private DistanceMap(String[] ids, Graph graph, Walk walk) {
            this.ids = ids;
            this.graph = graph;
            this.walk = walk;
        }

        @Override public int size() { return walk.count(); }

        @Override public boolean containsKey(Object key) { return get(key) != null; }

        @Override public Integer get(Object key) {
            if (!(key instanceof String id)) return null;
            int i = graph.indexOf(id);
            if (i < 0 || walk.dist()[i] < 0) return null;
            return walk.dist()[i];
        }

        @Override public Set<Entry<String, Integer>> entrySet() {
            return new AbstractSet<>() {
                @Override public int size() { return walk.count(); }

                @Override public Iterator<Entry<String, Integer>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override public boolean hasNext() { return next < walk.count(); }

                        @Override public Entry<String, Integer> next() {
                            if (next >= walk.count()) throw new NoSuchElementException();
                            int v = walk.order()[next++];
                            return Map.entry(ids[v], walk.dist()[v]);
                        }
                    };
                }
            };
        }
    }
}
