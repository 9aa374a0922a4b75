package com.samplerlens.core.trace;

import com.samplerlens.core.graph.Graph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Traces a graph from its save node (spec §2): distances, the samplers upstream, which nodes
 * belong to each sampler, the shared nodes, and single or multi-sampler mode with numbering.
 * Every walk is an iterative breadth-first search over int arrays.
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
        IndexedGraph g = new IndexedGraph(graph, values, classifier::isSampler);
        int saveIndex = g.indexOf(save);
        IndexedGraph.Walk all = g.walk(saveIndex, false, false);
        Map<String, Integer> distances = g.distances(all);

        // from 0: a save node that is itself a sampler (KSampler (Efficient) is an output node) is traced too
        int[] dist = all.dist();
        int foundCount = 0;
        for (int i = 0; i < all.count(); i++) if (g.sampler[all.order()[i]]) foundCount++;
        int[] foundNodes = new int[foundCount];
        for (int i = 0, k = 0; i < all.count(); i++) if (g.sampler[all.order()[i]]) foundNodes[k++] = all.order()[i];
        // the nearest first, then in NodeIds order (by the graph's id ranks: no id string compared)
        foundNodes = IdOrder.sortedByDistance(foundNodes, dist, graph);
        List<String> found = new ArrayList<>(foundCount);
        // their distances, read from the walk's array: a lookup by id per sampler missed the cache
        int[] foundDistances = new int[foundCount];
        for (int i = 0; i < foundCount; i++) {
            found.add(g.id(foundNodes[i]));
            foundDistances[i] = dist[foundNodes[i]];
        }
        Map<String, Integer> numbers = new HashMap<>();
        TraceMode mode = number(graph, options, save, distances, found, foundDistances, numbers, warnings);

        List<SamplerAttribution> samplers = new ArrayList<>(foundCount);
        boolean[] attributedToAny = new boolean[g.size()];
        // each node's sampler number by index: looking the numbers up by id hashed every sampler's id
        int[] numberOf = new int[g.size()];
        for (Map.Entry<String, Integer> e : numbers.entrySet()) {
            int v = g.indexOf(e.getKey());
            if (v >= 0) numberOf[v] = e.getValue();
        }
        // one scratch walk for all samplers: each costs only the nodes and links it reaches, so
        // 200,000 chained samplers cost their attributed sets, not 200,000 graph-sized arrays
        IndexedGraph.ScratchWalk own = g.scratchWalk();
        for (int v : foundNodes) {
            own.run(v);
            for (int i = 1; i < own.count(); i++) attributedToAny[own.at(i)] = true;
            samplers.add(new SamplerAttribution(g.id(v), g.classType(v), dist[v], numberOf[v],
                    own.reachedIds()));
        }
        // without a switch every link is live: the walk above is the live walk (a second walk of the graph saved)
        IndexedGraph.Walk live = g.allLinksLive() ? all : g.walk(saveIndex, true, false);
        int[] shared = new int[live.count()];
        int sharedCount = 0;
        for (int i = 1; i < live.count(); i++) {
            int v = live.order()[i];
            if (!g.sampler[v] && !attributedToAny[v]) shared[sharedCount++] = v;
        }
        return new TraceResult(save, outputs, mode, distances, samplers, IdOrder.sorted(shared, 0, sharedCount, graph),
                warnings, live == all ? distances : g.distances(live));
    }

    /** Decides single or multi mode and assigns numbers to the traced samplers. */
    private TraceMode number(Graph graph, TraceOptions options, String save, Map<String, Integer> distances,
                             List<String> found, int[] foundDistances, Map<String, Integer> numbers, List<String> warnings) {
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
        // the k nearest; on equal distance the higher id is the nearer (spec §2 numbers a tie lower id
        // first and numbers count from the farthest), so a tie at the cut keeps the higher id
        // found is nearest first with ties lower id first: reversing each run of equal distances
        // gives the nearest-first order with the higher id nearer, without a comparison sort
        List<String> nearestFirst = new ArrayList<>(found.size());
        for (int start = 0; start < found.size(); ) {
            int d = foundDistances[start];
            int end = start;
            while (end < found.size() && foundDistances[end] == d) end++;
            for (int i = end - 1; i >= start; i--) nearestFirst.add(found.get(i));
            start = end;
        }
        // reverse proximity: farthest is Sampler_1; equal distances: lower id gets the lower number
        List<String> traced = new ArrayList<>(nearestFirst.subList(0, k)).reversed();
        for (int i = 0; i < traced.size(); i++) numbers.put(traced.get(i), i + 1);
        if (found.size() > k)
            warnings.add(found.size() + " samplers found; the " + k + " nearest to node " + save + " are traced");
        return TraceMode.MULTI;
    }

    /** The anchor's single-sampler choice for this graph and save node (discovery order breaks ties). */
    public String flatSampler(Graph graph, String saveNodeId, SamplerSelection selection) {
        return SamplerSelector.select(graph, new UpstreamDistances(graph).from(saveNodeId, e -> true), selection, classifier);
    }

    /** Output nodes (save and preview classes) in id order; by class name when the table knows none of them. */
    public List<String> outputNodes(Graph graph) {
        return SaveNodeChoice.outputs(graph, classifier.table(), c -> false);
    }

    /** The default of {@link SaveNodeChoice} without pixel sizes; the composition root passes its choice in the options. */
    private String chooseSaveNode(Graph graph, List<String> outputs, String requested, List<String> warnings) {
        if (requested != null) {
            if (graph.contains(requested)) return requested;
            warnings.add("save node " + requested + " is not in the graph; using the default");
        }
        // one output is the choice whatever the counts: the walk per output that counts them is not needed
        if (outputs.size() == 1) return outputs.getFirst();
        return SaveNodeChoice.choose(graph, classifier, c -> false, null, () -> null, id -> null).chosen();
    }
}
