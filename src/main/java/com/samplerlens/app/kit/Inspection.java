package com.samplerlens.app.kit;

import com.samplerlens.core.inspect.InspectReport;
import com.samplerlens.core.render.NodeCaptures;
import com.samplerlens.core.trace.TraceResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the core made of a document for one set of options.
 *
 * @param trace         which nodes fed which sampler
 * @param preview       the metadata that would be written
 * @param samplerFields each traced sampler's fields as written ("Model" → "wan2.2_…"), by sampler node id
 * @param captures      per node, the keys of the parameters text its values went to, as traced (before edits)
 * @param notes         per node, values that could not be resolved statically
 * @param report        the traced metadata the edits apply to; null for a file without a graph (nothing to edit)
 */
public record Inspection(TraceResult trace, OutputPreview preview, Map<String, Map<String, String>> samplerFields,
                         NodeCaptures captures, Map<String, List<String>> notes, InspectReport report) {

    public Inspection {
        samplerFields = Collections.unmodifiableMap(new LinkedHashMap<>(samplerFields));
        notes = Map.copyOf(notes);
    }
}
