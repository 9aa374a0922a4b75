package com.samplerlens.core.trace;

import java.util.List;
import java.util.Map;

/**
 * What the tracer found for one save node.
 *
 * @param saveNodeId the output node traced from; null when the graph has none
 * @param outputNodeIds every output node of the graph (candidates for the save node), in id order
 * @param mode       single or multi (spec §2)
 * @param distances  hop distance from the save node of every node upstream of it (save node at 0)
 * @param samplers   every sampler upstream of the save node, nearest first (ties: lower id first),
 *                   each with its attributed nodes; the traced ones carry their number
 * @param shared     upstream nodes that belong to no sampler (VAE decode after the last sampler …)
 * @param warnings   things a person should know ("no sampler found upstream of node 9" …)
 * @param liveDistances hop distances over live links only (dead switch branches not taken): the
 *                   save node's scope for field capture, walked once here rather than again there
 */
public record TraceResult(String saveNodeId, List<String> outputNodeIds, TraceMode mode,
                          Map<String, Integer> distances, List<SamplerAttribution> samplers,
                          List<String> shared, List<String> warnings, Map<String, Integer> liveDistances) {

    /** A trace of a graph whose links are all live (hand-made traces, switch-free graphs). */
    public TraceResult(String saveNodeId, List<String> outputNodeIds, TraceMode mode, Map<String, Integer> distances,
                       List<SamplerAttribution> samplers, List<String> shared, List<String> warnings) {
        this(saveNodeId, outputNodeIds, mode, distances, samplers, shared, warnings, distances);
    }

    public TraceResult {
        outputNodeIds = List.copyOf(outputNodeIds);
        boolean allLive = liveDistances == distances;
        distances = immutable(distances);
        liveDistances = allLive ? distances : immutable(liveDistances);
        samplers = List.copyOf(samplers);
        shared = List.copyOf(shared);
        warnings = List.copyOf(warnings);
    }

    private static Map<String, Integer> immutable(Map<String, Integer> m) {
        // the tracer's maps are already immutable views of its walks; copying them would double the
        // memory of a 200,000-node trace
        return m instanceof WalkDistanceMap w && w.permanent() ? m : Map.copyOf(m);
    }

    /** The samplers written to the metadata, by number (Sampler_1 first). */
    public List<SamplerAttribution> traced() {
        return samplers.stream().filter(SamplerAttribution::traced)
                .sorted(java.util.Comparator.comparingInt(SamplerAttribution::number)).toList();
    }

    /** Numbers of the traced samplers this node belongs to (empty for shared or untraced nodes). */
    public List<Integer> tracedSamplersOf(String nodeId) {
        return traced().stream()
                .filter(s -> s.nodeId().equals(nodeId) || s.attributed().contains(nodeId))
                .map(SamplerAttribution::number).toList();
    }

    public boolean isUpstream(String nodeId) { return distances.containsKey(nodeId); }
}
