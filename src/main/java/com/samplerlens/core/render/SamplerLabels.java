package com.samplerlens.core.render;

import com.samplerlens.core.capture.FileNames;
import com.samplerlens.core.capture.SamplerFields;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Labels for the {@code Samplers:} summary: {@code High} / {@code Low} for two samplers whose
 * models are the high- and low-noise halves of a Wan2.2 MoE pair (the names differ only in a
 * high/low token), else {@code Sampler_N}.
 */
final class SamplerLabels {
    private SamplerLabels() {}

    private static final Pattern HALF = Pattern.compile("(?i)(?<![a-z])(high|low)(?:[_-]?noise)?(?![a-z])");

    static Map<String, String> of(List<SamplerFields> samplers) {
        Map<String, String> labels = new HashMap<>();
        for (SamplerFields s : samplers) labels.put(s.nodeId(), "Sampler_" + s.number());
        for (SamplerFields hi : samplers) {
            if (half(hi) != Boolean.TRUE) continue;
            for (SamplerFields lo : samplers) {
                if (half(lo) != Boolean.FALSE) continue;
                if (!normalised(hi.model()).equals(normalised(lo.model()))) continue;
                long highs = samplers.stream().filter(x -> half(x) == Boolean.TRUE).count();
                long lows = samplers.stream().filter(x -> half(x) == Boolean.FALSE).count();
                if (highs == 1 && lows == 1) {
                    labels.put(hi.nodeId(), "High");
                    labels.put(lo.nodeId(), "Low");
                }
                return labels;
            }
        }
        return labels;
    }

    /** TRUE for a high-noise model, FALSE for low-noise, null for neither (or both tokens). */
    private static Boolean half(SamplerFields s) {
        if (s.model() == null) return null;
        var m = HALF.matcher(FileNames.stem(s.model()));
        Boolean found = null;
        while (m.find()) {
            boolean high = m.group(1).equalsIgnoreCase("high");
            if (found != null && found != high) return null;
            found = high;
        }
        return found;
    }

    private static String normalised(String model) {
        return HALF.matcher(FileNames.stem(model)).replaceAll("#").toLowerCase(Locale.ROOT);
    }
}
