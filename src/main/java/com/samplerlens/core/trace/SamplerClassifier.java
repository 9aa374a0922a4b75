package com.samplerlens.core.trace;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Decides which classes are samplers: the explicit table first; otherwise the anchor's heuristic
 * (the class's capture rules hold a sampler name, or both steps and cfg), which the capture
 * layer supplies as a predicate. Classes listed as never samplers are excluded from the heuristic.
 */
public final class SamplerClassifier {

    private final SamplerTable table;
    private final Predicate<String> heuristic;
    /** Answers by class: a graph of 200,000 samplers asks about one class 200,000 times (pattern scans each). */
    private final Map<String, Boolean> samplerByClass = new ConcurrentHashMap<>();
    /** Hostile graphs can hold a class per node; past this many classes answers are computed, not kept. */
    private static final int MAX_CACHED_CLASSES = 10_000;

    public SamplerClassifier(SamplerTable table, Predicate<String> heuristic) {
        this.table = table;
        this.heuristic = heuristic;
    }

    /** Only the explicit table, no heuristic. */
    public static SamplerClassifier explicitOnly(SamplerTable table) {
        return new SamplerClassifier(table, c -> false);
    }

    public SamplerTable table() { return table; }

    public boolean isExplicit(String classType) { return table.isExplicitSampler(classType); }

    public boolean isHeuristic(String classType) {
        return !table.isExplicitSampler(classType) && !table.isNeverSampler(classType) && heuristic.test(classType);
    }

    public boolean isSampler(String classType) {
        Boolean known = samplerByClass.get(classType);
        if (known != null) return known;
        boolean sampler = isExplicit(classType) || isHeuristic(classType);
        if (samplerByClass.size() < MAX_CACHED_CLASSES) samplerByClass.put(classType, sampler);
        return sampler;
    }
}
