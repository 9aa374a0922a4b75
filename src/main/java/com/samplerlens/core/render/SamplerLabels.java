package com.samplerlens.core.render;

import com.samplerlens.core.capture.FileNames;
import com.samplerlens.core.capture.SamplerFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Labels for the {@code Samplers:} summary: {@code High} / {@code Low} when exactly one traced
 * sampler's model names the high-noise half and exactly one the low-noise half of a Wan2.2 MoE
 * split, else {@code Sampler_N}. The two names need not be the same model otherwise: kijai's
 * Fun-Control workflows pair a Fun-Control HIGH model with a plain I2V LOW one.
 */
final class SamplerLabels {
    private SamplerLabels() {}

    private static final Pattern HALF = Pattern.compile("(?i)(?<![a-z])(high|low)(?:[_-]?noise)?(?![a-z])");

    static Map<String, String> of(List<SamplerFields> samplers) {
        Map<String, String> labels = new HashMap<>();
        for (SamplerFields s : samplers) labels.put(s.nodeId(), "Sampler_" + s.number());
        List<SamplerFields> highs = samplers.stream().filter(x -> half(x) == Boolean.TRUE).toList();
        List<SamplerFields> lows = samplers.stream().filter(x -> half(x) == Boolean.FALSE).toList();
        if (highs.size() == 1 && lows.size() == 1) {
            labels.put(highs.getFirst().nodeId(), "High");
            labels.put(lows.getFirst().nodeId(), "Low");
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
}
