package com.samplerlens.core.trace;

import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.graph.NodeIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Traces a graph from its save node (spec §2): distances, the samplers upstream, which nodes
 * belong to each sampler, the shared nodes, and single or multi-sampler mode with numbering.
 */
public final class Tracer {

    private final SamplerClassifier classifier;
    private final ValueRules valueRules;

    public Tracer(SamplerClassifier classifier, ValueRules valueRules) {
        this.classifier = classifier;
        this.valueRules = valueRules;
    }

    public SamplerClassifier classifier() { return classifier; }

    public ValueRules valueRules() { return valueRules; }

    public TraceResult trace(Graph graph, TraceOptions options) {
        return trace(graph, options, new ValueResolver(graph, valueRules));
    }

    /** Traces with a resolver the caller keeps (it caches which switch branches are live). */
    public TraceResult trace(Graph graph, TraceOptions options, ValueResolver values) {
        List<String> warnings = new ArrayList<>();
        List<String> outputs = outputNodes(graph);
        String save = chooseSaveNode(graph, outputs, options.saveNodeId(), warnings);
        if (save == null) {
            warnings.add(graph.size() == 0 ? "the graph is empty" : "no output node found; nothing to trace");
            return new TraceResult(null, outputs, TraceMode.SINGLE, Map.of(), List.of(), List.of(), warnings);
        }
        Map<String, Integer> distances = Reach.distances(graph, save);

        Set<String> samplerIds = new HashSet<>();
        for (Node n : graph.nodes().values()) if (classifier.isSampler(n.classType())) samplerIds.add(n.id());
        List<String> found = new ArrayList<>();
        for (String id : distances.keySet()) if (!id.equals(save) && samplerIds.contains(id)) found.add(id);
        found.sort(Comparator.<String>comparingInt(distances::get).thenComparing(NodeIds.ORDER));

        Map<String, Integer> numbers = new java.util.HashMap<>();
        TraceMode mode = number(graph, options, save, distances, found, numbers, warnings);

        List<SamplerAttribution> samplers = new ArrayList<>();
        Set<String> attributedToAny = new HashSet<>();
        for (String id : found) {
            List<String> own = attributed(graph, id, samplerIds, values);
            attributedToAny.addAll(own);
            samplers.add(new SamplerAttribution(id, graph.node(id).classType(), distances.get(id), numbers.getOrDefault(id, 0), own));
        }
        TreeSet<String> shared = new TreeSet<>(NodeIds.ORDER);
        for (String id : Reach.distances(graph, save, values::isLive, x -> true).keySet()) {
            if (!id.equals(save) && !samplerIds.contains(id) && !attributedToAny.contains(id)) shared.add(id);
        }
        return new TraceResult(save, outputs, mode, distances, samplers, new ArrayList<>(shared), warnings);
    }

    /** Decides single or multi mode and assigns numbers to the traced samplers. */
    private TraceMode number(Graph graph, TraceOptions options, String save, Map<String, Integer> distances,
                             List<String> found, Map<String, Integer> numbers, List<String> warnings) {
        if (found.isEmpty()) {
            warnings.add("no sampler found upstream of node " + save + "; no sampler fields are written");
            return TraceMode.SINGLE;
        }
        boolean multi = switch (options.override()) {
            case SINGLE -> false;
            case FORCE_MULTI -> true;
            case AUTO -> options.maxSamplers() >= 2 && found.size() >= 2;
        };
        if (!multi) {
            if (options.override() == MultiSamplerOverride.AUTO && options.maxSamplers() >= 2)
                warnings.add("only one sampler found upstream of node " + save + "; single-sampler output");
            String chosen = SamplerSelector.select(graph, distances, options.selection(), classifier);
            if (chosen == null) warnings.add("Sampler node not found; falling back to partial metadata");
            else numbers.put(chosen, 1);
            return TraceMode.SINGLE;
        }
        int k = options.override() == MultiSamplerOverride.FORCE_MULTI ? found.size() : Math.min(options.maxSamplers(), found.size());
        List<String> traced = new ArrayList<>(found.subList(0, k));
        // reverse proximity: farthest is Sampler_1; equal distances: lower id gets the lower number
        traced.sort(Comparator.<String>comparingInt(distances::get).reversed().thenComparing(NodeIds.ORDER));
        for (int i = 0; i < traced.size(); i++) numbers.put(traced.get(i), i + 1);
        if (found.size() > k)
            warnings.add(found.size() + " samplers found; the " + k + " nearest to node " + save + " are traced");
        return TraceMode.MULTI;
    }

    /** Nodes reachable upstream from the sampler over live links without passing through any sampler. */
    private static List<String> attributed(Graph graph, String sampler, Set<String> samplerIds, ValueResolver values) {
        var reach = Reach.distances(graph, sampler, e -> values.isLive(e) && !samplerIds.contains(e.from()), x -> true);
        TreeSet<String> own = new TreeSet<>(NodeIds.ORDER);
        own.addAll(reach.keySet());
        own.remove(sampler);
        return new ArrayList<>(own);
    }

    /** Output nodes (save and preview classes) in id order; by class name when the table knows none of them. */
    public List<String> outputNodes(Graph graph) {
        TreeSet<String> out = new TreeSet<>(NodeIds.ORDER);
        SamplerTable t = classifier.table();
        for (Node n : graph.nodes().values()) if (t.isOutputNode(n.classType()) || t.isPreviewNode(n.classType())) out.add(n.id());
        if (out.isEmpty()) {
            for (Node n : graph.nodes().values()) {
                String c = n.classType().toLowerCase(Locale.ROOT);
                if ((c.contains("save") || c.contains("preview")) && graph.outgoing(n.id()).isEmpty()) out.add(n.id());
            }
        }
        return new ArrayList<>(out);
    }

    private String chooseSaveNode(Graph graph, List<String> outputs, String requested, List<String> warnings) {
        if (requested != null) {
            if (graph.contains(requested)) return requested;
            warnings.add("save node " + requested + " is not in the graph; using the default");
        }
        SamplerTable t = classifier.table();
        for (String id : outputs) if (graph.node(id).classType().equals(t.preferredSaveNode())) return id;
        for (String id : outputs) if (!t.isPreviewNode(graph.node(id).classType())) return id;
        return outputs.isEmpty() ? null : outputs.getFirst();
    }
}
