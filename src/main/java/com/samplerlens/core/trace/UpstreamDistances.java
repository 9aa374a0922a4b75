package com.samplerlens.core.trace;

import com.samplerlens.core.graph.Graph;
import java.util.Arrays;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Hop distances upstream, as {@link Reach#distances(Graph, String, java.util.function.Predicate,
 * java.util.function.Predicate)} gives them (breadth-first, a node's inputs in input order, the
 * result in discovery order), walked over the graph's int index for many walks in a row. Links
 * are chosen by their index ({@link Graph#firstIn}), so no id is hashed while walking; the arrays
 * are made once and only the entries a walk reached are reset, so a walk costs what it reaches
 * (200,000 chained samplers walk their own few nodes each, not the graph).
 *
 * <p>Why: composing the metadata walked each traced sampler's scope and model path with
 * {@code Reach}, a {@code LinkedHashMap} of boxed distances per walk; at 40,000 nodes those walks
 * were 80 % of the time, against 1.5 % for the trace itself.
 *
 * <p>A walk's map reads this object's arrays: it is valid until the next walk, and reading it
 * after that throws rather than give another walk's distances.
 */
public final class UpstreamDistances {

    private final Graph graph;
    /** Per node: its distance in the current walk, or -1. */
    private final int[] dist;
    /** The nodes reached, in discovery order; the first {@code count} are the current walk's. */
    private final int[] order;
    private int count;
    private int walks;

    public UpstreamDistances(Graph graph) {
        this.graph = graph;
        dist = new int[graph.size()];
        Arrays.fill(dist, -1);
        order = new int[graph.size()];
    }

    /** Distances from {@code startId} (at 0, in the result) over the links that pass {@code follow}. */
    public Map<String, Integer> from(String startId, IntPredicate follow) {
        return walk(startId, follow, follow, true);
    }

    /**
     * Distances of the nodes reached through those of the start's links that pass {@code firstHop}
     * (their sources at 1), then over the links that pass {@code follow}. The start is not in the
     * result and is not walked through again.
     */
    public Map<String, Integer> through(String startId, IntPredicate firstHop, IntPredicate follow) {
        return walk(startId, firstHop, follow, false);
    }

    private Map<String, Integer> walk(String startId, IntPredicate firstHop, IntPredicate follow, boolean withStart) {
        for (int i = 0; i < count; i++) dist[order[i]] = -1;
        count = 0;
        walks++;
        int start = graph.indexOf(startId);
        if (start < 0) return Map.of();
        dist[start] = 0;
        order[count++] = start;
        for (int head = 0; head < count; head++) {
            int v = order[head];
            IntPredicate take = head == 0 ? firstHop : follow;
            for (int e = graph.firstIn(v), end = graph.firstIn(v + 1); e < end; e++) {
                int u = graph.sourceOf(e);
                if (dist[u] >= 0 || !take.test(e)) continue;
                dist[u] = dist[v] + 1;
                order[count++] = u;
            }
        }
        int walk = walks;
        return new WalkDistanceMap(graph, dist, order, count, withStart, () -> {
            if (walk != walks) throw new IllegalStateException("distances read after the next walk began");
        });
    }
}
