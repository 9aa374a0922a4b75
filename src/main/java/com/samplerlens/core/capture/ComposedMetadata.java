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
        notes = Map.copyOf(notes);
        warnings = List.copyOf(warnings);
        if (sources == null) sources = FieldSources.NONE;
    }

    public boolean multi() { return trace.mode() == com.samplerlens.core.trace.TraceMode.MULTI; }
}
