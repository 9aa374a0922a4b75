package com.samplerlens.core.trace;

import com.samplerlens.core.graph.Graph;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the tracer's walks need beside the graph's own link index: which nodes are samplers and
 * which links are live (a switch's dead branch is not). Built once per trace.
 */
final class IndexedGraph {

    final Graph graph;
    /** Per link, whether it is live; null when every link is (no switch cuts one), as in most graphs. */
    private final boolean[] live;
    final boolean[] sampler;

    IndexedGraph(Graph graph, ValueResolver values, Predicate<String> isSamplerClass) {
        this.graph = graph;
        // the links are the graph's own arrays (firstIn, sourceOf), not a copy: at 40,000 nodes a
        // copy was a megabyte written per trace, and walks that no longer fit in the core's cache
        sampler = graph.nodesOfClasses(isSamplerClass);
        live = values.liveLinks();
    }

    int size() { return sampler.length; }

    String id(int v) { return graph.idAt(v); }

    String classType(int v) { return graph.className(graph.classIndexAt(v)); }

    int indexOf(String id) { return graph.indexOf(id); }

    /**
     * Breadth-first upstream from {@code start}: the nodes reached in discovery order and their
     * hop distances. {@code liveOnly} skips dead switch branches; {@code stopAtSamplers} neither
     * enters nor records a sampler other than the start.
     */
    Walk walk(int start, boolean liveOnly, boolean stopAtSamplers) {
        boolean[] cut = liveOnly ? live : null;
        int[] dist = new int[size()];
        java.util.Arrays.fill(dist, -1);
        int[] order = new int[size()];
        int head = 0;
        int tail = 0;
        dist[start] = 0;
        order[tail++] = start;
        while (head < tail) {
            int v = order[head++];
            for (int e = graph.firstIn(v), end = graph.firstIn(v + 1); e < end; e++) {
                int u = graph.sourceOf(e);
                if (dist[u] >= 0 || (cut != null && !cut[e]) || (stopAtSamplers && sampler[u])) continue;
                dist[u] = dist[v] + 1;
                order[tail++] = u;
            }
        }
        return new Walk(dist, order, tail);
    }

    /** True when no switch cuts a link, so {@code walk(s, true, x)} equals {@code walk(s, false, x)}. */
    boolean allLinksLive() { return live == null; }

    ScratchWalk scratchWalk() { return new ScratchWalk(); }

    /**
     * The live, sampler-bounded reach of {@link #walk} for many starts in a row: the arrays are
     * allocated once and only the entries a walk touched are reset, so a walk costs what it
     * reaches, not the graph's size. Depth-first: only the set reached is used, not its order,
     * and a depth-first walk stays near the node it came from, where a breadth-first frontier
     * spans the graph (at 40,000 nodes a visit cost half as much).
     */
    final class ScratchWalk {
        // per node: REACHED by the current walk, a SAMPLER (never entered), or 0; one array read
        // per link where a seen mark and the sampler flag were two
        private static final byte REACHED = 1;
        private static final byte SAMPLER = 2;
        private final byte[] state = new byte[size()];
        private final int[] order = new int[size()];
        private final int[] stack = new int[size()];
        private int count;

        ScratchWalk() {
            for (int v = 0; v < state.length; v++) if (sampler[v]) state[v] = SAMPLER;
        }

        void run(int start) {
            for (int i = 1; i < count; i++) state[order[i]] = 0;
            if (count > 0) state[order[0]] = sampler[order[0]] ? SAMPLER : 0;
            int top = 0;
            count = 0;
            state[start] = REACHED;
            order[count++] = start;
            stack[top++] = start;
            boolean[] cut = live;
            while (top > 0) {
                int v = stack[--top];
                for (int e = graph.firstIn(v), end = graph.firstIn(v + 1); e < end; e++) {
                    int u = graph.sourceOf(e);
                    if (state[u] != 0 || (cut != null && !cut[e])) continue;
                    state[u] = REACHED;
                    order[count++] = u;
                    stack[top++] = u;
                }
            }
        }

        int count() { return count; }

        int at(int i) { return order[i]; }

        /** The reached nodes, the start at 0, in no particular order after it; valid until the next {@link #run}. */
        int[] order() { return order; }

        /** The ids of the reached nodes other than the start, in {@link com.samplerlens.core.graph.NodeIds} order. */
        java.util.List<String> reachedIds() { return IdOrder.sorted(order, 1, count, state, REACHED, order[0], graph); }
    }

    /** A walk's result: {@code order[0..count)} in discovery order, {@code dist[v]} or -1. */
    record Walk(int[] dist, int[] order, int count) {}

    /** The walk's distances as an unmodifiable map read from its arrays (no copy of 200,000 boxed entries). */
    Map<String, Integer> distances(Walk walk) {
        return new WalkDistanceMap(graph, walk.dist(), walk.order(), walk.count(), true, null);
    }
}
