package com.samplerlens.core.trace;

import com.samplerlens.core.graph.Graph;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
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

    /** Every link, every node: the anchor's trace map. */
    public static LinkedHashMap<String, Integer> distances(Graph graph, String start) {
        return distances(graph, start, e -> true, id -> true);
    }
}
