package com.samplerlens.core.edit;

import com.samplerlens.core.capture.FlatFields;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flat (anchor) fields a person may set, named by the key they have in the parameters line.
 * {@code Sampler} and {@code Scheduler} are the two halves the line joins into one {@code Sampler}
 * value ({@code euler} + {@code karras} → {@code euler_karras}, or the Civitai name);
 * {@code Size} is {@code WIDTHxHEIGHT}.
 */
public enum FlatField {
    STEPS("Steps", "Steps", "steps", FieldValue.WHOLE),
    SAMPLER("Sampler", "Sampler", "sampler", FieldValue.TEXT),
    SCHEDULER("Scheduler", "Sampler", "scheduler", FieldValue.TEXT),
    CFG_SCALE("CFG scale", "CFG scale", "cfg", FieldValue.DECIMAL),
    GUIDANCE("Guidance", "Guidance", "guidance", FieldValue.DECIMAL),
    DENOISE("Denoise", "Denoise", "denoise", FieldValue.DECIMAL),
    SEED("Seed", "Seed", "seed", FieldValue.SEED),
    SIZE("Size", "Size", null, null),
    MODEL("Model", "Model", "model", FieldValue.TEXT),
    MODEL_HASH("Model hash", "Model hash", "modelHash", FieldValue.TEXT),
    WEIGHT_DTYPE("Weight dtype", "Weight dtype", "weightDtype", FieldValue.TEXT),
    MAX_SHIFT("Max shift", "Max shift", "maxShift", FieldValue.JSON_DECIMAL),
    BASE_SHIFT("Base shift", "Base shift", "baseShift", FieldValue.JSON_DECIMAL),
    CLIP_SKIP("Clip skip", "Clip skip", "clipSkip", FieldValue.WHOLE),
    VAE("VAE", "VAE", "vae", FieldValue.TEXT),
    VAE_HASH("VAE hash", "VAE hash", "vaeHash", FieldValue.TEXT),
    SHIFT("Shift", "Shift", "shift", FieldValue.JSON_DECIMAL);

    private static final Pattern SIZE_VALUE = Pattern.compile("\\s*(\\d+)\\s*[xX×]\\s*(\\d+)\\s*");
    private static final Map<String, FlatField> BY_KEY = new HashMap<>();

    static {
        for (FlatField f : values()) BY_KEY.put(f.key.toLowerCase(Locale.ROOT), f);
    }

    private final String key;
    private final String renderedKey;
    private final String component;
    private final FieldValue kind;

    FlatField(String key, String renderedKey, String component, FieldValue kind) {
        this.key = key;
        this.renderedKey = renderedKey;
        this.component = component;
        this.kind = kind;
    }

    /** The name people use ({@code CFG scale}). */
    public String key() { return key; }

    /** The key of the parameters line this field shows under ({@code Scheduler} shows under {@code Sampler}). */
    public String renderedKey() { return renderedKey; }

    /** The field named {@code key}, ignoring case. */
    public static Optional<FlatField> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key.strip().toLowerCase(Locale.ROOT)));
    }

    /** Checks that {@code raw} is a value of this field; throws {@link IllegalArgumentException} with a message for people. */
    public void validate(String raw) {
        changes(raw);
    }

    FlatFields apply(FlatFields f, String raw) {
        return RecordCopy.with(f, changes(raw));
    }

    private Map<String, Object> changes(String raw) {
        if (this == SIZE) {
            Matcher m = SIZE_VALUE.matcher(raw);
            if (!m.matches()) throw new IllegalArgumentException("Size: \"" + raw + "\" is not WIDTHxHEIGHT");
            try {
                return Map.of("width", Long.parseLong(m.group(1)), "height", Long.parseLong(m.group(2)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Size: \"" + raw + "\" is too large");
            }
        }
        return Map.of(component, kind.parse(key, raw));
    }
}
