package com.samplerlens.core.edit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line edit syntax of the command line ({@code --set}, {@code --remove}) and of quick
 * entry fields:
 * <ul>
 *   <li>{@code Key=Value} — the key decides the edit: a flat field ({@code Steps=30},
 *       {@code CFG scale=4.5}, {@code Size=832x1216}, {@code Sampler=euler}, {@code Scheduler=karras});
 *       a prompt ({@code Prompt=…}, {@code Negative prompt=…}, {@code T5 Prompt=…}, {@code CLIP Prompt=…});
 *       a sampler field {@code Sampler_N.field=Value} ({@code Sampler_2.cfg=4.5},
 *       {@code Sampler_1.start_step=0}, {@code Sampler_2.CFG scale=4.5}); any other key is the
 *       user's own key ({@code Artist=me}). Only the first {@code =} splits, so values may hold {@code =}.</li>
 *   <li>{@code Key} to remove — a key of the parameters line ({@code Seed}, {@code Hashes},
 *       {@code Sampler_2}, a user key), {@code Sampler_N.field} to clear one sampler field, or a
 *       prompt to empty it.</li>
 * </ul>
 * Field and prompt names ignore case. Errors are {@link IllegalArgumentException}s with a message for people.
 */
public final class EditSyntax {
    private EditSyntax() {}

    private static final Pattern SAMPLER_FIELD = Pattern.compile("(?i)sampler_(\\d+)\\.(.+)");

    public static MetadataEdit set(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq < 0) throw new IllegalArgumentException("\"" + assignment + "\": expected Key=Value");
        String key = assignment.substring(0, eq).strip();
        String value = assignment.substring(eq + 1);
        Optional<SamplerTarget> sampler = samplerTarget(key);
        if (sampler.isPresent()) return new SetSamplerField(sampler.get().number(), sampler.get().field(), value);
        Optional<PromptKind> prompt = PromptKind.byName(key);
        if (prompt.isPresent()) return new ReplacePrompt(prompt.get(), value);
        Optional<FlatField> flat = FlatField.byKey(key);
        if (flat.isPresent()) return new SetFlatField(flat.get(), value);
        return new AddExtraKey(key, value);
    }

    public static MetadataEdit remove(String key) {
        Optional<SamplerTarget> sampler = samplerTarget(key.strip());
        if (sampler.isPresent()) return new SetSamplerField(sampler.get().number(), sampler.get().field(), null);
        Optional<PromptKind> prompt = PromptKind.byName(key);
        if (prompt.isPresent()) return new ReplacePrompt(prompt.get(), "");
        Optional<FlatField> flat = FlatField.byKey(key);
        return new RemoveKey(flat.map(FlatField::renderedKey).orElse(key));
    }

    private record SamplerTarget(int number, SamplerField field) {}

    private static Optional<SamplerTarget> samplerTarget(String key) {
        Matcher m = SAMPLER_FIELD.matcher(key);
        if (!m.matches()) return Optional.empty();
        int number;
        try {
            number = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": no such sampler");
        }
        SamplerField field = SamplerField.byName(m.group(2))
                .orElseThrow(() -> new IllegalArgumentException(key + ": unknown sampler field \"" + m.group(2).strip() + "\" (one of " + fieldNames() + ")"));
        return Optional.of(new SamplerTarget(number, field));
    }

    private static String fieldNames() {
        StringBuilder sb = new StringBuilder();
        for (SamplerField f : SamplerField.values()) sb.append(sb.isEmpty() ? "" : ", ").append(f.id());
        return sb.toString();
    }
}
