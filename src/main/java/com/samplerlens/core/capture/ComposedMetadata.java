package com.samplerlens.core.capture;

import com.samplerlens.core.trace.TraceResult;
import java.util.List;
import java.util.Map;

/**
 * Everything the renderers need: the trace, the flat (anchor) fields, the fields of each traced
 * sampler (Sampler_1 first; in single-sampler mode the chosen sampler with the flat fields),
 * notes per node (values that could not be resolved), warnings, and the node each traced value
 * was taken from.
 *
 * @param flatSamplerId the sampler the flat fields were taken from (the anchor's selection), or null
 * @param sources       where the traced flat and per-sampler values came from (kept as traced when edits change values)
 */
public record ComposedMetadata(TraceResult trace, String flatSamplerId, FlatFields flat, List<SamplerFields> samplers,
                              Map<String, List<String>> notes, List<String> warnings, FieldSources sources) {

    public ComposedMetadata {
        samplers = List.copyOf(samplers);
        notes = inNodeOrder(notes);
        warnings = List.copyOf(warnings);
        if (sources == null) sources = FieldSources.NONE;
    }

    /**
     * The notes by node id in the spec's order (3 before 10): Map.copyOf iterates in an order that
     * changes from run to run, and the CLI prints the notes as the map gives them.
     */
    private static Map<String, List<String>> inNodeOrder(Map<String, List<String>> notes) {
        java.util.TreeMap<String, List<String>> sorted = new java.util.TreeMap<>(com.samplerlens.core.graph.NodeIds.ORDER);
        notes.forEach((id, n) -> sorted.put(java.util.Objects.requireNonNull(id), List.copyOf(n)));
        return java.util.Collections.unmodifiableMap(sorted);
    }

    public boolean multi() { return trace.mode() == com.samplerlens.core.trace.TraceMode.MULTI; }
}
