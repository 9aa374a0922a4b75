package com.samplerlens.app.kit;

import com.samplerlens.core.capture.LoraInfo;
import com.samplerlens.core.capture.SamplerFields;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A traced sampler's fields as labelled rows for the Node tab, in the order the parameters text uses; empty values left out. */
final class SamplerFieldLabels {
    private SamplerFieldLabels() {}

    static Map<String, String> of(SamplerFields f) {
        Map<String, String> rows = new LinkedHashMap<>();
        put(rows, "Written as", "Sampler_" + f.number());
        put(rows, "Model", f.model());
        put(rows, "Model hash", f.modelHash());
        put(rows, "VAE", f.vae());
        put(rows, "VAE hash", f.vaeHash());
        put(rows, "Sampler", f.sampler());
        put(rows, "Scheduler", f.scheduler());
        put(rows, "Steps", f.steps());
        put(rows, "Start step", f.startStep());
        put(rows, "End step", f.endStep());
        put(rows, "CFG scale", f.cfg());
        put(rows, "Shift", f.shift());
        put(rows, "Denoise", f.denoise());
        put(rows, "Seed", f.seed() == null ? null : f.seed().asText());
        put(rows, "Positive", f.positive());
        put(rows, "Negative", f.negative());
        if (!f.loras().isEmpty()) {
            put(rows, "LoRAs", f.loras().stream().map(SamplerFieldLabels::lora).collect(Collectors.joining("\n")));
        }
        return rows;
    }

    private static String lora(LoraInfo l) {
        return l.name() + (l.strengthModel() == null ? "" : " : " + l.strengthModel()) + (l.hash() == null ? "" : "  (" + l.hash() + ")");
    }

    private static void put(Map<String, String> rows, String label, Object value) {
        if (value != null && !value.toString().isBlank()) rows.put(label, value.toString());
    }
}
