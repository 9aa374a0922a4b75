package com.samplerlens.core.edit;

import com.samplerlens.core.capture.FlatFields;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Replaces a prompt's text; an empty text leaves the positive line out and the negative line empty. */
public record ReplacePrompt(PromptKind prompt, String text) implements MetadataEdit {

    public ReplacePrompt {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public void applyTo(EditableMetadata target) {
        Map<String, Object> change = new HashMap<>();
        change.put(prompt.component(), text);
        FlatFields f = RecordCopy.with(target.flat(), change);
        target.setFlat(f);
    }

    @Override
    public String description() {
        return "Replace " + prompt.inSentence() + (text.isEmpty() ? " with nothing" : " with " + MetadataEdit.shown(text));
    }
}
