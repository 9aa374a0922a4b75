package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds LoRA records from a snapshot: names paired with the hash and strengths of the same node and stack position. */
final class Loras {
    private Loras() {}

    /** A bare number where a LoRA name belongs (a strength wired into the name input): no LoRA. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+(\\.\\d+)?");

    /** The LoRAs of the snapshot; each one's node is recorded as a {@code LORA_MODEL_NAME} source, in the same order. */
    static List<LoraInfo> of(Snapshot s, FieldSources.Recorder sources) {
        Map<String, JsonNode> hashes = byNodeAndGroup(s, MetaField.LORA_MODEL_HASH);
        Map<String, JsonNode> modelStrengths = byNodeAndGroup(s, MetaField.LORA_STRENGTH_MODEL);
        Map<String, JsonNode> clipStrengths = byNodeAndGroup(s, MetaField.LORA_STRENGTH_CLIP);
        Map<String, LoraInfo> byName = new LinkedHashMap<>();
        Map<String, Captured> from = new HashMap<>();
        for (Snapshot.Ranked r : s.get(MetaField.LORA_MODEL_NAME)) {
            String raw = r.value().asText().trim();
            if (raw.isEmpty() || raw.equalsIgnoreCase("none") || raw.equalsIgnoreCase("n/a") || NUMBER.matcher(raw).matches()) continue;
            String name = FileNames.basename(raw);
            String at = key(r);
            String hash = text(hashes.get(at));
            LoraInfo info = new LoraInfo(name, hash, number(modelStrengths.get(at)), number(clipStrengths.get(at)));
            String key = name.toLowerCase(Locale.ROOT);
            LoraInfo prior = byName.get(key);
            if (prior == null || (prior.hash() == null && hash != null)) {
                byName.put(key, info);
                from.put(key, r.captured());
            }
        }
        for (String key : byName.keySet()) sources.add(MetaField.LORA_MODEL_NAME, from.get(key));
        return new ArrayList<>(byName.values());
    }

    /**
     * The first value of a field per node and stack position, looked up once: pairing each name
     * by a scan of the field's values was quadratic (a 60,000-LoRA chain took minutes).
     */
    private static Map<String, JsonNode> byNodeAndGroup(Snapshot s, MetaField f) {
        Map<String, JsonNode> first = new HashMap<>();
        for (Snapshot.Ranked r : s.get(f)) first.putIfAbsent(key(r), r.value());
        return first;
    }

    private static String key(Snapshot.Ranked r) {
        return r.nodeId() + "\u0000" + r.captured().group();
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
