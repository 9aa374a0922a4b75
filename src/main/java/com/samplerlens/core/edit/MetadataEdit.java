package com.samplerlens.core.edit;

/**
 * One change a person makes to the traced metadata, as a command: it applies itself to the
 * metadata being edited and says in a few words what it does (for the history list and the
 * Undo/Redo menu items). Edits are values: an {@link EditList} replays them on the traced
 * metadata, so undoing one is replaying the others.
 */
public sealed interface MetadataEdit permits SetFlatField, SetSamplerField, AddExtraKey, RemoveKey, ReplacePrompt {

    void applyTo(EditableMetadata target);

    /** E.g. {@code Set Steps to 30}. */
    String description();

    /** A value as a description shows it: short, on one line. */
    static String shown(String value) {
        String one = value.replace('\n', ' ').replace('\r', ' ');
        return one.length() <= 40 ? "\"" + one + "\"" : "\"" + one.substring(0, 39) + "…\"";
    }
}
