package com.samplerlens.app.graph;

import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.NodeIds;
import com.samplerlens.core.trace.SamplerAttribution;
import com.samplerlens.core.trace.TraceResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a {@link TraceResult} into a {@link NodeLook} per node. Reads the attribution; never computes it. */
public final class AttributionLooks {
    private AttributionLooks() {}

    /**
     * Colour order: farthest sampler first (ties: lower id), so that with every sampler traced
     * S1 gets the first colour, and a sampler keeps its colour when max samplers changes.
     */
    public static List<NodeLook.SamplerMark> marks(TraceResult trace) {
        List<SamplerAttribution> byFarthest = new ArrayList<>(trace.samplers());
        byFarthest.sort(Comparator.comparingInt(SamplerAttribution::distance).reversed()
                .thenComparing(SamplerAttribution::nodeId, NodeIds.ORDER));
        List<NodeLook.SamplerMark> marks = new ArrayList<>();
        for (int i = 0; i < byFarthest.size(); i++) {
            SamplerAttribution s = byFarthest.get(i);
            marks.add(new NodeLook.SamplerMark(s.nodeId(), s.number(), i));
        }
        return marks;
    }

    public static Map<String, NodeLook> looks(Graph graph, TraceResult trace) {
        List<NodeLook.SamplerMark> marks = marks(trace);
        Map<String, NodeLook.SamplerMark> samplerById = new HashMap<>();
        Map<String, List<NodeLook.SamplerMark>> memberships = new HashMap<>();
        Map<String, SamplerAttribution> attributionById = new HashMap<>();
        for (SamplerAttribution s : trace.samplers()) attributionById.put(s.nodeId(), s);
        for (NodeLook.SamplerMark m : marks) {
            samplerById.put(m.nodeId(), m);
            memberships.computeIfAbsent(m.nodeId(), k -> new ArrayList<>()).add(m);
            for (String id : attributionById.get(m.nodeId()).attributed()) {
                memberships.computeIfAbsent(id, k -> new ArrayList<>()).add(m);
            }
        }
        Set<String> shared = new HashSet<>(trace.shared());
        boolean traced = trace.saveNodeId() != null;
        Map<String, NodeLook> looks = new LinkedHashMap<>();
        for (String id : graph.nodes().keySet()) {
            looks.put(id, new NodeLook(memberships.getOrDefault(id, List.of()), shared.contains(id),
                    !traced || trace.isUpstream(id), samplerById.get(id), id.equals(trace.saveNodeId())));
        }
        return looks;
    }
}
