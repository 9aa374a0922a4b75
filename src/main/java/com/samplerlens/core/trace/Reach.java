package com.samplerlens.core.trace;

import com.samplerlens.core.graph.Graph;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.function.Predicate;

/** Breadth-first walks upstream (against the direction of links), iterative, cycle-safe. */
public final class Reach {
    private Reach() {}

    /**
     * Hop distance of every node reachable upstream from {@code start} (start at 0), in discovery
     * order: inputs are visited in the node's input order, as the anchor's trace does. Edges
     * failing {@code follow} are not taken; nodes for which {@code expand} is false are recorded
     * but not walked through.
     */
    public static LinkedHashMap<String, Integer> distances(Graph graph, String start, Predicate<Graph.Edge> follow,
                                                           Predicate<String> expand) {
        LinkedHashMap<String, Integer> dist = new LinkedHashMap<>();
        if (!graph.contains(start)) return dist;
        dist.put(start, 0);
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            String id = queue.poll();
            int d = dist.get(id);
            if (!id.equals(start) && !expand.test(id)) continue;
            for (Graph.Edge e : graph.incoming(id)) {
                if (!dist.containsKey(e.from()) && follow.test(e)) {
                    dist.put(e.from(), d + 1);
                    queue.add(e.from());
                }
            }
        }
        return dist;
    }

    /**
     * The ids of every node upstream of {@code start} (start included), every link followed: the
     * membership of {@link #distances(Graph, String)} without boxing a distance per node.
     */
    public static Set<String> upstream(Graph graph, String start) {
        Set<String> seen = new HashSet<>();
        int s = graph.indexOf(start);
        if (s < 0) return seen;
        // an int walk over the graph's index: no id is hashed until the result is built
        boolean[] visited = new boolean[graph.size()];
        int[] queue = new int[graph.size()];
        int head = 0;
        int tail = 0;
        visited[s] = true;
        queue[tail++] = s;
        while (head < tail) {
            int v = queue[head++];
            for (int e = graph.firstIn(v), end = graph.firstIn(v + 1); e < end; e++) {
                int u = graph.sourceOf(e);
                if (visited[u]) continue;
                visited[u] = true;
                queue[tail++] = u;
            }
        }
        for (int i = 0; i < tail; i++) seen.add(graph.nodeAt(queue[i]).id());
        return seen;
    }

    /** Every link, every node: the anchor's trace map. */
    public static LinkedHashMap<String, Integer> distances(Graph graph, String start) {
        return distances(graph, start, e -> true, id -> true);
    }
}
