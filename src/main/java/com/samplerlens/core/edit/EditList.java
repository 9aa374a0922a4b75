package com.samplerlens.core.edit;

import com.samplerlens.core.capture.ComposedMetadata;
import java.util.ArrayList;
import java.util.List;

/** Edits in the order they were made; applying them to traced metadata replays them one by one. */
public record EditList(List<MetadataEdit> edits) {

    public static final EditList EMPTY = new EditList(List.of());

    public EditList {
        edits = List.copyOf(edits);
    }

    public EditList plus(MetadataEdit edit) {
        List<MetadataEdit> l = new ArrayList<>(edits);
        l.add(edit);
        return new EditList(l);
    }

    public EditList plus(EditList more) {
        List<MetadataEdit> l = new ArrayList<>(edits);
        l.addAll(more.edits);
        return new EditList(l);
    }

    public boolean isEmpty() { return edits.isEmpty(); }

    public EditedMetadata applyTo(ComposedMetadata traced) {
        EditableMetadata m = new EditableMetadata(traced);
        for (MetadataEdit e : edits) e.applyTo(m);
        return m.result();
    }
}
