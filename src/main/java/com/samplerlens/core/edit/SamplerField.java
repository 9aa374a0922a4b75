package com.samplerlens.core.edit;

import com.samplerlens.core.capture.SamplerFields;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one traced sampler a person may set or clear: the names of the inspect JSON and
 * {@code Samplers detail} ({@code cfg}, {@code start_step} …), also accepted as they read in a
 * {@code Sampler_N} value ({@code CFG scale}, {@code Start step} …). A change shows in both the
 * {@code Sampler_N} text and {@code Samplers detail}; {@code positive}/{@code negative} show only in
 * the inspect report (the file has the flat prompts).
 */
public enum SamplerField {
    MODEL("model", "Model", "model", FieldValue.TEXT, FlatField.MODEL),
    MODEL_HASH("model_hash", "Model hash", "modelHash", FieldValue.TEXT, FlatField.MODEL_HASH),
    VAE("vae", "VAE", "vae", FieldValue.TEXT, FlatField.VAE),
    VAE_HASH("vae_hash", "VAE hash", "vaeHash", FieldValue.TEXT, FlatField.VAE_HASH),
    SAMPLER("sampler", "Sampler", "sampler", FieldValue.TEXT, FlatField.SAMPLER),
    SCHEDULER("scheduler", "Scheduler", "scheduler", FieldValue.TEXT, FlatField.SCHEDULER),
    STEPS("steps", "Steps", "steps", FieldValue.WHOLE, FlatField.STEPS),
    START_STEP("start_step", "Start step", "startStep", FieldValue.WHOLE, null),
    END_STEP("end_step", "End step", "endStep", FieldValue.WHOLE, null),
    CFG("cfg", "CFG scale", "cfg", FieldValue.DECIMAL, FlatField.CFG_SCALE),
    SHIFT("shift", "Shift", "shift", FieldValue.DECIMAL, FlatField.SHIFT),
    DENOISE("denoise", "Denoise", "denoise", FieldValue.DECIMAL, FlatField.DENOISE),
    SEED("seed", "Seed", "seed", FieldValue.SEED, FlatField.SEED),
    POSITIVE("positive", "Positive prompt", "positive", FieldValue.TEXT, null),
    NEGATIVE("negative", "Negative prompt", "negative", FieldValue.TEXT, null);

    private static final Map<String, SamplerField> BY_NAME = new HashMap<>();

    static {
        for (SamplerField f : values()) {
            BY_NAME.put(f.id, f);
            BY_NAME.put(f.label.toLowerCase(Locale.ROOT), f);
        }
        // the seed's aliases for node variants that call them start / end
        BY_NAME.put("start", START_STEP);
        BY_NAME.put("end", END_STEP);
    }

    private final String id;
    private final String label;
    private final String component;
    private final FieldValue kind;
    private final FlatField flat;

    SamplerField(String id, String label, String component, FieldValue kind, FlatField flat) {
        this.id = id;
        this.label = label;
        this.component = component;
        this.kind = kind;
        this.flat = flat;
    }

    /** The JSON name ({@code cfg}). */
    public String id() { return id; }

    /** The name in a {@code Sampler_N} value ({@code CFG scale}). */
    public String label() { return label; }

    /**
     * In single-sampler mode the one sampler's fields are the flat fields: the flat field this one
     * stands for, or empty when the flat fields have no such key (start and end step; the prompts
     * are edited as prompts).
     */
    public Optional<FlatField> flat() { return Optional.ofNullable(flat); }

    /** By JSON name or label, ignoring case. */
    public static Optional<SamplerField> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /** Throws {@link IllegalArgumentException} when {@code raw} is not a value of this field. */
    public void validate(String raw) {
        kind.parse(label, raw);
    }

    /** The sampler with this field set to {@code raw}, or cleared when {@code raw} is null. */
    SamplerFields apply(SamplerFields s, String raw) {
        HashMap<String, Object> change = new HashMap<>();
        change.put(component, raw == null ? null : kind.parse(label, raw));
        return RecordCopy.with(s, change);
    }
}
