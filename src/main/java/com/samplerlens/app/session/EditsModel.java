package com.samplerlens.app.session;

import com.samplerlens.core.edit.AddExtraKey;
import com.samplerlens.core.edit.EditHistory;
import com.samplerlens.core.edit.EditList;
import com.samplerlens.core.edit.EditedMetadata;
import com.samplerlens.core.edit.FlatField;
import com.samplerlens.core.edit.MetadataEdit;
import com.samplerlens.core.edit.PromptKind;
import com.samplerlens.core.edit.RemoveKey;
import com.samplerlens.core.edit.ReplacePrompt;
import com.samplerlens.core.edit.SamplerField;
import com.samplerlens.core.edit.SetFlatField;
import com.samplerlens.core.edit.SetSamplerField;
import com.samplerlens.core.inspect.InspectReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The user's edits on top of the traced metadata: one command per kind of edit (each one undoable
 * step), undo, redo and the history list. The edits outlive a retrace: they are replayed on the new
 * trace. Every change asks for a new preview, which is rendered off the FX thread.
 */
public final class EditsModel {

    /**
     * One line of the history list: position 0 is the traced metadata, then every step done, then
     * the steps undone (which a click redoes).
     */
    public record HistoryEntry(int position, String description, boolean done, boolean current) {}

    private final Runnable previewChanged;
    private final ReadOnlyObjectWrapper<EditState> editState = new ReadOnlyObjectWrapper<>(this, "editState", EditState.NONE);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "Redo");
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    private final ObservableList<HistoryEntry> historyView = FXCollections.unmodifiableObservableList(history);
    /** The undo/redo history of the open document's edits; null while there is nothing to edit. */
    private EditHistory edits;
    private EditedMetadata tracedMetadata;
    /** Set while several steps are taken at once, or a retrace replays the edits: one refresh afterwards. */
    private boolean quiet;

    EditsModel(Runnable previewChanged) {
        this.previewChanged = previewChanged;
    }

    // ---------------------------------------------------------------- commands (each is one undoable step)

    /** Sets one field of traced sampler {@code Sampler_N}; an empty text clears it. Returns the reason when refused. */
    public Optional<String> setSamplerField(int sampler, SamplerField field, String text) {
        String value = text == null || text.isBlank() ? null : text.strip();
        if (Objects.equals(value == null ? "" : value, editState.get().samplerValue(sampler, field))) return Optional.empty();
        return perform(() -> new SetSamplerField(sampler, field, value));
    }

    public Optional<String> setFlatField(FlatField field, String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) return Optional.of(field.key() + ": enter a value, or remove the key");
        if (value.equals(editState.get().flatValue(field)) && !editState.get().removed(field.renderedKey())) return Optional.empty();
        return perform(() -> new SetFlatField(field, value));
    }

    public Optional<String> replacePrompt(PromptKind prompt, String text) {
        String value = text == null ? "" : text;
        if (value.equals(editState.get().prompt(prompt))) return Optional.empty();
        return perform(() -> new ReplacePrompt(prompt, value));
    }

    public Optional<String> addKey(String key, String value) {
        return perform(() -> new AddExtraKey(key == null ? "" : key, value == null ? "" : value));
    }

    public Optional<String> removeKey(String key) {
        return perform(() -> new RemoveKey(key));
    }

    public void undo() { if (edits != null && edits.canUndo()) edits.undo(); }

    public void redo() { if (edits != null && edits.canRedo()) edits.redo(); }

    public void resetToTraced() { if (edits != null) edits.resetToTraced(); }

    /** Undoes or redoes steps until the history stands at {@code position} (a {@link HistoryEntry#position()}). */
    public void jumpTo(int position) {
        if (edits == null) return;
        quiet = true;
        try {
            while (edits.steps().size() > position && edits.canUndo()) edits.undo();
            while (edits.steps().size() < position && edits.canRedo()) edits.redo();
        } finally {
            quiet = false;
        }
        changed();
    }

    private Optional<String> perform(Supplier<MetadataEdit> edit) {
        if (edits == null) return Optional.of("Nothing to edit: open a ComfyUI image or workflow");
        MetadataEdit made;
        try {
            made = edit.get();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        edits.perform(made);
        return Optional.empty();
    }

    // ---------------------------------------------------------------- the session's side

    /** The edits in effect (what Write writes). */
    public EditList edits() { return edits == null ? EditList.EMPTY : edits.edits(); }

    /** The traced metadata with the edits applied; null while there is nothing to edit. */
    EditedMetadata result() { return edits == null ? null : edits.result(); }

    /**
     * A new trace arrived: the edits are replayed on it (a new document starts without any). A
     * null report (a file without a graph) leaves nothing to edit. Asks for no preview: the
     * trace's own request already rendered one with these edits.
     */
    void retraced(InspectReport report, boolean newDocument) {
        if (report == null) {
            edits = null;
        } else {
            tracedMetadata = EditList.EMPTY.applyTo(report.composed());
            if (edits == null || newDocument) {
                edits = new EditHistory(report.composed());
                edits.addListener(this::changed);
            } else {
                quiet = true;
                try {
                    edits.retrace(report.composed());
                } finally {
                    quiet = false;
                }
            }
        }
        refresh();
    }

    private void changed() {
        if (quiet) return;
        refresh();
        previewChanged.run();
    }

    /** The fields, the history and the undo buttons follow the edits. */
    private void refresh() {
        if (edits == null) {
            editState.set(EditState.NONE);
            history.clear();
        } else {
            editState.set(new EditState(edits.result(), tracedMetadata, edits.edits().edits().size()));
            List<HistoryEntry> entries = new ArrayList<>();
            List<EditHistory.Step> done = edits.steps();
            entries.add(new HistoryEntry(0, "Traced", true, done.isEmpty()));
            for (int i = 0; i < done.size(); i++) entries.add(new HistoryEntry(i + 1, done.get(i).description(), true, i == done.size() - 1));
            List<EditHistory.Step> undone = edits.undoneSteps();
            for (int i = 0; i < undone.size(); i++) entries.add(new HistoryEntry(done.size() + i + 1, undone.get(i).description(), false, false));
            history.setAll(entries);
        }
        canUndo.set(edits != null && edits.canUndo());
        canRedo.set(edits != null && edits.canRedo());
        undoText.set(edits == null ? "Undo" : edits.undoDescription().map(d -> "Undo " + d).orElse("Undo"));
        redoText.set(edits == null ? "Redo" : edits.redoDescription().map(d -> "Redo " + d).orElse("Redo"));
    }

    // ---------------------------------------------------------------- properties (read-only)

    public ReadOnlyObjectProperty<EditState> editStateProperty() { return editState.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canRedoProperty() { return canRedo.getReadOnlyProperty(); }
    public ReadOnlyStringProperty undoTextProperty() { return undoText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty redoTextProperty() { return redoText.getReadOnlyProperty(); }
    /** The history list, oldest first. */
    public ObservableList<HistoryEntry> history() { return historyView; }
}
