package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds LoRA records from a snapshot: names paired with the hash and strengths of the same node and stack position. */
final class Loras {
    private Loras() {}

    static List<LoraInfo> of(Snapshot s) {
        Map<String, LoraInfo> byName = new LinkedHashMap<>();
        for (Snapshot.Ranked r : s.get(MetaField.LORA_MODEL_NAME)) {
            String raw = r.value().asText().trim();
            if (raw.isEmpty() || raw.equalsIgnoreCase("none") || raw.equalsIgnoreCase("n/a") || raw.matches("\\d+(\\.\\d+)?")) continue;
            String name = FileNames.basename(raw);
            String hash = text(match(s, MetaField.LORA_MODEL_HASH, r));
            LoraInfo info = new LoraInfo(name, hash, number(match(s, MetaField.LORA_STRENGTH_MODEL, r)), number(match(s, MetaField.LORA_STRENGTH_CLIP, r)));
            String key = name.toLowerCase(Locale.ROOT);
            LoraInfo prior = byName.get(key);
            if (prior == null || (prior.hash() == null && hash != null)) byName.put(key, info);
        }
        return new ArrayList<>(byName.values());
    }

    private static JsonNode match(Snapshot s, MetaField f, Snapshot.Ranked name) {
        for (Snapshot.Ranked r : s.get(f)) {
            if (r.nodeId().equals(name.nodeId()) && r.captured().group() == name.captured().group()) return r.value();
        }
        return null;
    }

    private static String text(JsonNode v) {
        return v == null || !Snapshot.usable(v) ? null : v.asText();
    }

    static Double number(JsonNode v) {
        if (v == null) return null;
        if (v.isNumber()) return v.doubleValue();
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
