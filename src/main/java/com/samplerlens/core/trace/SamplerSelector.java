package com.samplerlens.core.trace;

import com.samplerlens.core.graph.Graph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The anchor's single-sampler choice (anchor §3.2): By node ID needs a sampler upstream of the
 * save node; Farthest / Nearest sort the trace map by distance (stable, so ties keep discovery
 * order) and take the first explicit table sampler, and only when there is none the first
 * heuristic one.
 */
public final class SamplerSelector {
    private SamplerSelector() {}

    /** The chosen sampler id, or null when none qualifies. */
    public static String select(Graph graph, Map<String, Integer> traceMap, SamplerSelection selection, SamplerClassifier classifier) {
        if (selection.method() == SamplerSelection.Method.BY_NODE_ID) {
            String id = selection.nodeId();
            return id != null && traceMap.containsKey(id) && classifier.isSampler(graph.node(id).classType()) ? id : null;
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>();
        // the save node itself (distance 0) counts only when it is a sampler, as a KSampler (Efficient) output is;
        // the anchor's save node never is one
        entries.addAll(traceMap.entrySet());
        Comparator<Map.Entry<String, Integer>> byDistance = Map.Entry.comparingByValue();
        entries.sort(selection.method() == SamplerSelection.Method.FARTHEST ? byDistance.reversed() : byDistance);
        for (var e : entries) if (classifier.isExplicit(graph.node(e.getKey()).classType())) return e.getKey();
        for (var e : entries) if (classifier.isHeuristic(graph.node(e.getKey()).classType())) return e.getKey();
        return null;
    }
}
