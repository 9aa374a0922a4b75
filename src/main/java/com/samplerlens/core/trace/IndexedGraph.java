package com.samplerlens.core.trace;

import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.Node;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The graph as int arrays for the tracer's many walks: incoming links per node in input order
 * (compressed rows), whether each link is live, and which nodes are samplers. Built once per trace.
 */
final class IndexedGraph {

    final String[] ids;
    private final Map<String, Integer> index;
    private final int[] inStart;
    private final int[] inFrom;
    private final boolean[] live;
    final boolean[] sampler;

    IndexedGraph(Graph graph, ValueResolver values, Predicate<String> isSamplerClass) {
        int n = graph.size();
        ids = new String[n];
        index = new HashMap<>(n * 2);
        sampler = new boolean[n];
        int i = 0;
        int edges = 0;
        for (Node node : graph.nodes().values()) {
            ids[i] = node.id();
            index.put(node.id(), i);
            sampler[i] = isSamplerClass.test(node.classType());
            edges += graph.incoming(node.id()).size();
            i++;
        }
        inStart = new int[n + 1];
        inFrom = new int[edges];
        live = new boolean[edges];
        int e = 0;
        for (int v = 0; v < n; v++) {
            inStart[v] = e;
            for (Graph.Edge edge : graph.incoming(ids[v])) {
                inFrom[e] = index.get(edge.from());
                live[e] = values.isLive(edge);
                e++;
            }
        }
        inStart[n] = e;
    }

    int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

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
    }

    /** A walk's result: {@code order[0..count)} in discovery order, {@code dist[v]} or -1. */
    record Walk(int[] dist, int[] order, int count) {
        LinkedHashMap<String, Integer> toMap(String[] ids) {
            LinkedHashMap<String, Integer> m = new LinkedHashMap<>(count * 2);
            for (int i = 0; i < count; i++) m.put(ids[order[i]], dist[order[i]]);
            return m;
        }
    }
}
