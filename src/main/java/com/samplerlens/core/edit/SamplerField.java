package com.samplerlens.core.edit;

import com.samplerlens.core.capture.SamplerFieldCatalogue;
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
    MODEL(SamplerFieldCatalogue.MODEL, FieldValue.TEXT, FlatField.MODEL),
    MODEL_HASH(SamplerFieldCatalogue.MODEL_HASH, FieldValue.TEXT, FlatField.MODEL_HASH),
    VAE(SamplerFieldCatalogue.VAE, FieldValue.TEXT, FlatField.VAE),
    VAE_HASH(SamplerFieldCatalogue.VAE_HASH, FieldValue.TEXT, FlatField.VAE_HASH),
    SAMPLER(SamplerFieldCatalogue.SAMPLER, FieldValue.TEXT, FlatField.SAMPLER),
    SCHEDULER(SamplerFieldCatalogue.SCHEDULER, FieldValue.TEXT, FlatField.SCHEDULER),
    STEPS(SamplerFieldCatalogue.STEPS, FieldValue.WHOLE, FlatField.STEPS),
    START_STEP(SamplerFieldCatalogue.START_STEP, FieldValue.WHOLE, null),
    END_STEP(SamplerFieldCatalogue.END_STEP, FieldValue.WHOLE, null),
    CFG(SamplerFieldCatalogue.CFG, FieldValue.DECIMAL, FlatField.CFG_SCALE),
    SHIFT(SamplerFieldCatalogue.SHIFT, FieldValue.DECIMAL, FlatField.SHIFT),
    DENOISE(SamplerFieldCatalogue.DENOISE, FieldValue.DECIMAL, FlatField.DENOISE),
    SEED(SamplerFieldCatalogue.SEED, FieldValue.SEED, FlatField.SEED),
    POSITIVE(SamplerFieldCatalogue.POSITIVE, FieldValue.TEXT, null),
    NEGATIVE(SamplerFieldCatalogue.NEGATIVE, FieldValue.TEXT, null);

    private final SamplerFieldCatalogue field;
    private final FieldValue kind;
    private final FlatField flat;

    SamplerField(SamplerFieldCatalogue field, FieldValue kind, FlatField flat) {
        this.field = field;
        this.kind = kind;
        this.flat = flat;
    }

    /** The JSON name ({@code cfg}). */
    public String id() { return field.id(); }

    /** The label ({@code CFG scale}). */
    public String label() { return field.label(); }

    /**
     * In single-sampler mode the one sampler's fields are the flat fields: the flat field this one
     * stands for, or empty when the flat fields have no such key (start and end step; the prompts
     * are edited as prompts).
     */
    public Optional<FlatField> flat() { return Optional.ofNullable(flat); }

    /** By JSON name, label or the key inside a {@code Sampler_N} value, ignoring case. */
    public static Optional<SamplerField> byName(String name) {
        return SamplerFieldCatalogue.byName(name).map(f -> valueOf(f.name()));
    }

    /** Throws {@link IllegalArgumentException} when {@code raw} is not a value of this field. */
    public void validate(String raw) {
        kind.parse(field.label(), raw);
    }

    /** The sampler with this field set to {@code raw}, or cleared when {@code raw} is null. */
    SamplerFields apply(SamplerFields s, String raw) {
        return field.with(s, raw == null ? null : kind.parse(field.label(), raw));
    }
}
