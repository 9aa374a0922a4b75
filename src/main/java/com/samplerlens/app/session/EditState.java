package com.samplerlens.app.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.capture.FlatFields;
import com.samplerlens.core.capture.SamplerFields;
import com.samplerlens.core.edit.EditedMetadata;
import com.samplerlens.core.edit.FlatField;
import com.samplerlens.core.edit.PromptKind;
import com.samplerlens.core.edit.SamplerField;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The metadata as edited next to the metadata as traced, for the edit fields: each value as text
 * the edit accepts back, and whether an edit changed it (the "edited" marker).
 *
 * @param edited the traced metadata with the current edits; null when there is nothing to edit (no graph)
 * @param traced the traced metadata without edits, in the same form
 * @param count  how many edits are in effect
 */
public record EditState(EditedMetadata edited, EditedMetadata traced, int count) {

    public static final EditState NONE = new EditState(null, null, 0);

    public boolean editable() { return edited != null; }

    /** Multi-sampler output: each sampler's own fields; otherwise Sampler_1 is the flat fields. */
    public boolean multiSampler() { return editable() && edited.composed().multi(); }

    public String flatValue(FlatField f) { return editable() ? flat(edited.composed().flat(), f) : ""; }

    public boolean flatChanged(FlatField f) {
        return editable() && (!flat(edited.composed().flat(), f).equals(flat(traced.composed().flat(), f)) || removed(f.renderedKey()));
    }

    /** Left out of the parameters line by a Remove edit. */
    public boolean removed(String key) { return editable() && edited.adjustments().removed().contains(key); }

    public String prompt(PromptKind k) { return editable() ? prompt(edited.composed().flat(), k) : ""; }

    public boolean promptChanged(PromptKind k) { return editable() && !prompt(edited.composed().flat(), k).equals(prompt(traced.composed().flat(), k)); }

    /** The traced samplers as written, edits applied. */
    public List<SamplerFields> samplers() { return editable() ? edited.composed().samplers() : List.of(); }

    public String samplerValue(int number, SamplerField f) {
        return sampler(edited, number).map(s -> sampler(s, f)).orElse("");
    }

    public boolean samplerChanged(int number, SamplerField f) {
        return editable() && !samplerValue(number, f).equals(sampler(traced, number).map(s -> sampler(s, f)).orElse(""));
    }

    /** The user's own keys and their values. */
    public SortedMap<String, String> ownKeys() { return editable() ? edited.adjustments().extra() : new TreeMap<>(); }

    private static Optional<SamplerFields> sampler(EditedMetadata m, int number) {
        if (m == null) return Optional.empty();
        return m.composed().samplers().stream().filter(s -> s.number() == number).findFirst();
    }

    private static String flat(FlatFields f, FlatField field) {
        return switch (field) {
            case STEPS -> text(f.steps());
            case SAMPLER -> text(f.sampler());
            case SCHEDULER -> text(f.scheduler());
            case CFG_SCALE -> text(f.cfg());
            case GUIDANCE -> text(f.guidance());
            case DENOISE -> text(f.denoise());
            case SEED -> text(f.seed());
            case SIZE -> f.width() == null || f.height() == null ? "" : f.width() + "x" + f.height();
            case MODEL -> text(f.model());
            case MODEL_HASH -> text(f.modelHash());
            case WEIGHT_DTYPE -> text(f.weightDtype());
            case MAX_SHIFT -> text(f.maxShift());
            case BASE_SHIFT -> text(f.baseShift());
            case CLIP_SKIP -> text(f.clipSkip());
            case VAE -> text(f.vae());
            case VAE_HASH -> text(f.vaeHash());
            case SHIFT -> text(f.shift());
        };
    }

    private static String prompt(FlatFields f, PromptKind k) {
        return switch (k) {
            case POSITIVE -> text(f.positive());
            case NEGATIVE -> text(f.negative());
            case T5 -> text(f.t5Prompt());
            case CLIP -> text(f.clipPrompt());
        };
    }

    private static String sampler(SamplerFields s, SamplerField field) {
        return switch (field) {
            case MODEL -> text(s.model());
            case MODEL_HASH -> text(s.modelHash());
            case VAE -> text(s.vae());
            case VAE_HASH -> text(s.vaeHash());
            case SAMPLER -> text(s.sampler());
            case SCHEDULER -> text(s.scheduler());
            case STEPS -> text(s.steps());
            case START_STEP -> text(s.startStep());
            case END_STEP -> text(s.endStep());
            case CFG -> text(s.cfg());
            case SHIFT -> text(s.shift());
            case DENOISE -> text(s.denoise());
            case SEED -> text(s.seed());
            case POSITIVE -> text(s.positive());
            case NEGATIVE -> text(s.negative());
        };
    }

    /** A value as the edit fields show it and the edits parse it back: numbers as the core keeps them, JSON scalars as their text. */
    private static String text(Object value) {
        return switch (value) {
            case null -> "";
            case JsonNode j when j.isNull() -> "";
            case JsonNode j -> j.isValueNode() ? j.asText() : j.toString();
            default -> Objects.toString(value);
        };
    }
}
