package com.samplerlens.app.kit;

import com.samplerlens.core.capture.LoraInfo;
import com.samplerlens.core.capture.SamplerFieldCatalogue;
import com.samplerlens.core.capture.SamplerFields;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A traced sampler's fields as labelled rows for the Node tab, in the order the parameters text uses; empty values left out. */
public final class SamplerFieldLabels {
    private SamplerFieldLabels() {}

    public static Map<String, String> of(SamplerFields f) {
        Map<String, String> rows = new LinkedHashMap<>();
        put(rows, "Written as", "Sampler_" + f.number());
        for (SamplerFieldCatalogue field : SamplerFieldCatalogue.values()) {
            Object value = field.of(f);
            put(rows, field.label(), value instanceof com.fasterxml.jackson.databind.JsonNode j ? j.asText() : value);
        }
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
