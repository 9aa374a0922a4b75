package com.samplerlens.core.trace;

import com.samplerlens.core.graph.Graph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Explains an attribution the tracer already made: the shortest chain of links from a node to
 * the sampler it belongs to (through no other sampler), or to the save node. It decides nothing
 * about membership; it only finds a path to show.
 */
public final class AttributionPath {
    private AttributionPath() {}

    /** Node ids from {@code nodeId} to {@code samplerId}, both included; empty when there is no such path. */
    public static List<String> toSampler(Graph graph, TraceResult trace, String nodeId, String samplerId) {
        Set<String> samplers = new HashSet<>();
        for (SamplerAttribution s : trace.samplers()) samplers.add(s.nodeId());
        // walk upstream from the sampler, never through another sampler, remembering who led where
        Map<String, String> towardSampler = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(samplerId);
        towardSampler.put(samplerId, null);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            if (current.equals(nodeId)) return chain(towardSampler, nodeId);
            if (!current.equals(samplerId) && samplers.contains(current)) continue;
            for (Graph.Edge e : graph.incoming(current)) {
                if (!towardSampler.containsKey(e.from())) {
                    towardSampler.put(e.from(), current);
                    queue.add(e.from());
                }
            }
        }
        return List.of();
    }

    /** Node ids from {@code nodeId} down to the save node, one hop closer each step (by the trace's distances). */
    public static List<String> toSaveNode(Graph graph, TraceResult trace, String nodeId) {
        List<String> path = new ArrayList<>();
        Integer d = trace.distances().get(nodeId);
        if (d == null) return path;
        String current = nodeId;
        path.add(current);
        while (d > 0) {
            String next = null;
            for (Graph.Edge e : graph.outgoing(current)) {
                Integer nd = trace.distances().get(e.to());
                if (nd != null && nd == d - 1) { next = e.to(); break; }
            }
            if (next == null) break;
            path.add(next);
            current = next;
            d--;
        }
        return path;
    }

    private static List<String> chain(Map<String, String> towardSampler, String from) {
        List<String> out = new ArrayList<>();
        for (String at = from; at != null; at = towardSampler.get(at)) out.add(at);
        return out;
    }
}
