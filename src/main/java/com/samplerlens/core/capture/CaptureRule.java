package com.samplerlens.core.capture;

import java.util.List;

/**
 * How one field is read from one node class (the anchor's rule dict, as data).
 *
 * @param inputs   input names to read ({@code field_name} is a list of one, {@code fields} many)
 * @param prefix   read every input whose name starts with this (e.g. clip_name, clip_name2); or null
 * @param selector a named reader for stacked inputs (see {@link FieldCapture}); or null
 * @param format   a named transformation (model_hash, negate, sampler_of_scheduler …); or null
 * @param validate positive_prompt / negative_prompt: the node must be that prompt of some sampler; or null
 * @param scope    where the captured values are used
 */
public record CaptureRule(List<String> inputs, String prefix, String selector, String format, String validate, Scope scope) {

    /** Every {@code format} FieldCapture knows: a rule naming another one is refused when it loads. */
    public static final java.util.Set<String> FORMATS = java.util.Set.of("model_hash", "vae_hash", "lora_hash", "embedding_names",
            "embedding_hashes", "negate", "sampler_of_scheduler", "scheduler_of_scheduler", "vae_name_not_baked", "sigma_count",
            "scaled_width", "scaled_height", "preset_width", "preset_height");
    /** Every named {@code selector} FieldCapture knows: a LoRA family and the part of its entries. */
    public static final java.util.Set<String> SELECTORS = selectors();

    private static java.util.Set<String> selectors() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String family : java.util.List.of("rgthree_power_lora", "inline_lora", "lora_manager", "easy_lora_stack", "cr_lora_stack")) {
            for (String part : java.util.List.of("names", "strengths", "strengths_model", "strengths_clip")) out.add(family + "_" + part);
        }
        return java.util.Set.copyOf(out);
    }
    /** Every {@code validate} value. */
    public static final java.util.Set<String> VALIDATIONS = java.util.Set.of("positive_prompt", "negative_prompt");
    /** The keys a rule object may have (keys starting with "_" are comments). */
    public static final java.util.Set<String> KEYS = java.util.Set.of("field_name", "fields", "prefix", "selector", "format", "validate", "scope");


    public enum Scope {
        /** Flat (anchor) fields and per-sampler fields. */
        ALL,
        /** Per-sampler fields only: values the anchor does not write (e.g. ModelSamplingSD3 shift). */
        SAMPLER
    }

    public CaptureRule {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        if (scope == null) scope = Scope.ALL;
    }
}
