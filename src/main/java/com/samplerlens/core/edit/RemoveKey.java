package com.samplerlens.core.edit;

/**
 * Leaves a key out of the parameters line: a traced key ({@code Seed}, {@code Hashes},
 * {@code Sampler_2} …) or one the user added. The traced value stays in the model (and in
 * {@code Samplers detail}); a later edit that sets the key brings it back.
 */
public record RemoveKey(String key) implements MetadataEdit {

    public RemoveKey {
        key = AddExtraKey.checkedKey(key);
    }

    @Override
    public void applyTo(EditableMetadata target) {
        target.remove(key);
    }

    @Override
    public String description() {
        return "Remove " + key;
    }
}
