package com.samplerlens.core.edit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Adds a key of the user's own ({@code Artist: me}), written as the anchor writes its
 * {@code extra_metadata}: after {@code Hashes}, sorted by code point, before the version. Adding a
 * key that is there replaces its value. Names of traced or computed keys are refused (set those
 * fields instead), and so are names A1111-style readers would split wrongly.
 */
public record AddExtraKey(String key, String value) implements MetadataEdit {

    private static final Pattern COMPUTED = Pattern.compile(
            "(?i)hashes|samplers|sampler_\\d+|samplers detail|metadata generator version|metadata fallback|"
                    + "lora_\\d+ .*|embedding_\\d+ .*|clip_\\d+ model name|loras|lora hashes|lora strengths");

    public AddExtraKey {
        Objects.requireNonNull(value, "value");
        key = checkedKey(key);
        if (FlatField.byKey(key).isPresent()) throw new IllegalArgumentException(key + " is a traced field: set it instead of adding it");
        if (PromptKind.byName(key).isPresent()) throw new IllegalArgumentException(key + " is a prompt: replace the prompt instead of adding a key");
        if (COMPUTED.matcher(key).matches()) throw new IllegalArgumentException(key + " is computed from the trace and cannot be added (it can be removed)");
    }

    /** A key that a parameters line can hold: not blank, no {@code :} or line break. */
    static String checkedKey(String key) {
        Objects.requireNonNull(key, "key");
        String k = key.strip();
        if (k.isEmpty()) throw new IllegalArgumentException("a key cannot be empty");
        if (k.contains(":") || k.contains("\n") || k.contains("\r")) {
            throw new IllegalArgumentException("key \"" + k + "\": keys cannot contain ':' or line breaks");
        }
        return k;
    }

    @Override
    public void applyTo(EditableMetadata target) {
        target.putExtra(key, value);
    }

    @Override
    public String description() {
        return "Add " + key + " = " + MetadataEdit.shown(value);
    }
}
