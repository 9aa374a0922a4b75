package com.samplerlens.core.inspect;

import com.samplerlens.core.capture.ComposedMetadata;
import com.samplerlens.core.capture.FlatFields;
import com.samplerlens.core.trace.SamplerAttribution;
import com.samplerlens.core.trace.SamplerSelection;
import java.util.Optional;

/**
 * Which sampler the written flat values (Steps, CFG, Seed, Size …) come from, said whenever more
 * samplers were found than written: by default the anchor picks the farthest one, which in a
 * two-pass graph is the first pass, so its Size is the first pass's and not the image's.
 */
public final class ValuesOrigin {
    private ValuesOrigin() {}

    /** The sentence, or empty when every sampler found is written (or none was found). */
    public static Optional<String> describe(ComposedMetadata m, SamplerSelection selection) {
        var trace = m.trace();
        int found = trace.samplers().size();
        int written = trace.traced().size();
        String id = m.flatSamplerId();
        if (id == null || found <= written) return Optional.empty();
        SamplerAttribution s = trace.samplers().stream().filter(a -> a.nodeId().equals(id)).findFirst().orElse(null);
        if (s == null) return Optional.empty();
        String how = switch (selection.method()) {
            case FARTHEST -> "the farthest of " + found + " samplers from the save node (selection Farthest, as the anchor node picks)";
            case NEAREST -> "the nearest of " + found + " samplers to the save node (selection Nearest)";
            case BY_NODE_ID -> "chosen by node id, of " + found + " samplers";
        };
        FlatFields f = m.flat();
        String size = f.width() != null && f.height() != null ? "; Size " + f.width() + "x" + f.height() + " is its size" : "";
        return Optional.of("values from node " + s.nodeId() + " " + s.classType() + ", " + how + size
                + "; " + written + " of " + found + " samplers written (raise max samplers to " + found + " to write every one)");
    }
}
