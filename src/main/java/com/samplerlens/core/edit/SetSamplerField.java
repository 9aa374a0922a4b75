package com.samplerlens.core.edit;

import com.samplerlens.core.capture.SamplerFields;
import java.util.Objects;

/**
 * Sets (or, with a null value, clears) one field of traced sampler {@code Sampler_N}. In
 * single-sampler mode {@code Sampler_1} is the flat fields, so the edit sets the flat field of the
 * same meaning. A sampler the file does not have is reported as a warning, not an error, so that
 * one edits file can be applied to many images.
 */
public record SetSamplerField(int sampler, SamplerField field, String value) implements MetadataEdit {

    public SetSamplerField {
        Objects.requireNonNull(field, "field");
        if (sampler < 1) throw new IllegalArgumentException("Sampler_" + sampler + ": samplers are numbered from 1");
        if (value != null) field.validate(value);
    }

    @Override
    public void applyTo(EditableMetadata target) {
        String name = "Sampler_" + sampler + "." + field.id();
        if (!target.multiSampler()) {
            if (sampler != 1 || target.samplerCount() == 0) {
                target.warn(name + ": this file has no " + "Sampler_" + sampler + " (single-sampler mode); edit skipped");
                return;
            }
            applyAsFlat(target, name);
            return;
        }
        SamplerFields s = target.sampler(sampler).orElse(null);
        if (s == null) {
            target.warn(name + ": this file has no Sampler_" + sampler + " (" + target.samplerCount() + " traced); edit skipped");
            return;
        }
        target.replaceSampler(field.apply(s, value));
    }

    private void applyAsFlat(EditableMetadata target, String name) {
        if (field == SamplerField.POSITIVE || field == SamplerField.NEGATIVE) {
            new ReplacePrompt(field == SamplerField.POSITIVE ? PromptKind.POSITIVE : PromptKind.NEGATIVE, value == null ? "" : value).applyTo(target);
            return;
        }
        FlatField flat = field.flat().orElse(null);
        if (flat == null) {
            target.warn(name + ": single-sampler output has no " + field.label() + "; edit skipped");
        } else if (value == null) {
            new RemoveKey(flat.renderedKey()).applyTo(target);
        } else {
            new SetFlatField(flat, value).applyTo(target);
        }
    }

    @Override
    public String description() {
        String what = "Sampler_" + sampler + " " + field.label();
        return value == null ? "Clear " + what : "Set " + what + " to " + MetadataEdit.shown(value);
    }
}
