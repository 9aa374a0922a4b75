package com.samplerlens.core.edit;

import com.samplerlens.core.capture.ComposedMetadata;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Undo and redo over the edits of one image, for the app's view model (no JavaFX here: listeners
 * are plain {@link Runnable}s, called on the thread that made the change). Every step, "reset to
 * traced" included, can be undone. The traced metadata can be replaced (another max-samplers
 * setting, another save node) and the edits are replayed on it.
 */
public final class EditHistory {

    /** One undoable step: what it was called and the edit lists before and after it. */
    public record Step(String description, EditList before, EditList after) {}

    private ComposedMetadata traced;
    private EditList current = EditList.EMPTY;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private EditedMetadata result;

    public EditHistory(ComposedMetadata traced) {
        this.traced = Objects.requireNonNull(traced);
    }

    public void addListener(Runnable listener) { listeners.add(listener); }

    public void removeListener(Runnable listener) { listeners.remove(listener); }

    public void perform(MetadataEdit edit) {
        step(edit.description(), current.plus(edit));
    }

    /** Applies several edits (an edits.json file) as one undoable step. */
    public void performAll(String description, EditList edits) {
        if (!edits.isEmpty()) step(description, current.plus(edits));
    }

    public void resetToTraced() {
        if (!current.isEmpty()) step("Reset to traced", EditList.EMPTY);
    }

    public boolean canUndo() { return !undo.isEmpty(); }

    public boolean canRedo() { return !redo.isEmpty(); }

    /** For the menu item: "Undo Set Steps to 30". */
    public Optional<String> undoDescription() { return Optional.ofNullable(undo.peek()).map(Step::description); }

    public Optional<String> redoDescription() { return Optional.ofNullable(redo.peek()).map(Step::description); }

    public void undo() {
        Step s = undo.pop();
        redo.push(s);
        moveTo(s.before());
    }

    public void redo() {
        Step s = redo.pop();
        undo.push(s);
        moveTo(s.after());
    }

    /** The steps done so far, oldest first (the history list). */
    public List<Step> steps() {
        return List.copyOf(undo.reversed());
    }

    /** The edits now in effect (what "Save edits…" writes). */
    public EditList edits() { return current; }

    public ComposedMetadata traced() { return traced; }

    /** The traced metadata changed (options, save node): keep the edits, apply them to the new trace. */
    public void retrace(ComposedMetadata newTrace) {
        this.traced = Objects.requireNonNull(newTrace);
        moveTo(current);
    }

    /** The traced metadata with the current edits applied. */
    public EditedMetadata result() {
        if (result == null) result = current.applyTo(traced);
        return result;
    }

    private void step(String description, EditList after) {
        undo.push(new Step(description, current, after));
        redo.clear();
        moveTo(after);
    }

    private void moveTo(EditList edits) {
        current = edits;
        result = null;
        for (Runnable l : List.copyOf(listeners)) l.run();
    }
}
