package com.samplerlens.core.edit;

import java.util.Objects;

/** Sets one flat field ({@code Steps}, {@code CFG scale}, {@code Size} …); the value is checked when the edit is made. */
public record SetFlatField(FlatField field, String value) implements MetadataEdit {

    public SetFlatField {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        field.validate(value);
    }

    @Override
    public void applyTo(EditableMetadata target) {
        target.setFlat(field.apply(target.flat(), value));
        target.keep(field.renderedKey());
    }

    @Override
    public String description() {
        return "Set " + field.key() + " to " + MetadataEdit.shown(value);
    }
}
