package com.samplerlens.core.trace;

import java.util.function.Predicate;

/**
 * Decides which classes are samplers: the explicit table first; otherwise the anchor's heuristic
 * (the class's capture rules hold a sampler name, or both steps and cfg), which the capture
 * layer supplies as a predicate. Classes listed as never samplers are excluded from the heuristic.
 */
public final class SamplerClassifier {

    private final SamplerTable table;
    private final Predicate<String> heuristic;

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

    public boolean isSampler(String classType) { return isExplicit(classType) || isHeuristic(classType); }
}
