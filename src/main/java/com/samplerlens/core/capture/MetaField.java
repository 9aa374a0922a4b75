package com.samplerlens.core.capture;

import java.util.Locale;
import java.util.Map;

/**
 * Field ids, exactly the anchor's MetaField list (same order and values, gaps intentional);
 * {@code START_STEP} is appended, {@code END_STEP} keeps the anchor's value 54.
 * Aliases (SAMPLER, WIDTH, HEIGHT) are accepted by {@link #parse}.
 */
public enum MetaField {
    MODEL_NAME(0), MODEL_HASH(1), VAE_NAME(2), VAE_HASH(3),
    POSITIVE_PROMPT(10), NEGATIVE_PROMPT(11), CLIP_SKIP(12),
    SEED(20), STEPS(21), CFG(22), SAMPLER_NAME(23), SCHEDULER(24), GUIDANCE(25), DENOISE(26),
    CLIP_MODEL_NAME(27), WEIGHT_DTYPE(29),
    IMAGE_WIDTH(30), IMAGE_HEIGHT(31), MAX_SHIFT(32), BASE_SHIFT(33), T5_PROMPT(34), CLIP_PROMPT(35), SHIFT(36),
    EMBEDDING_NAME(40), EMBEDDING_HASH(41),
    LORA_MODEL_NAME(50), LORA_MODEL_HASH(51), LORA_STRENGTH_MODEL(52), LORA_STRENGTH_CLIP(53),
    END_STEP(54), START_STEP(55);

    private final int value;

    MetaField(int value) { this.value = value; }

    public int value() { return value; }

    private static final Map<String, MetaField> ALIASES = Map.of("SAMPLER", SAMPLER_NAME, "WIDTH", IMAGE_WIDTH, "HEIGHT", IMAGE_HEIGHT);

    /** By name ("MODEL_HASH", aliases too) or by number ("1"), as user rule files write it. */
    public static MetaField parse(String s) {
        String t = s.trim();
        if (allDigits(t)) {
            int v;
            try {
                v = Integer.parseInt(t);
            } catch (NumberFormatException tooLong) {
                throw new IllegalArgumentException("unknown metadata field '" + s + "'");
            }
            for (MetaField f : values()) if (f.value == v) return f;
        } else {
            String u = t.toUpperCase(Locale.ROOT);
            if (ALIASES.containsKey(u)) return ALIASES.get(u);
            for (MetaField f : values()) if (f.name().equals(u)) return f;
        }
        throw new IllegalArgumentException("unknown metadata field '" + s + "'");
    }

    /** {@code \d+} without a regex: parse runs once per rule, and compiling a pattern per call cost start-up. */
    private static boolean allDigits(String t) {
        if (t.isEmpty()) return false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return false; // ASCII only, as the regex \d was
        }
        return true;
    }
}
