package com.samplerlens.app.session;

import com.samplerlens.app.graph.AttributionLooks;
import com.samplerlens.app.graph.CanvasScene;
import com.samplerlens.app.graph.CanvasScenes;
import com.samplerlens.app.graph.NodeLook;
import com.samplerlens.app.kit.Inspection;
import com.samplerlens.app.kit.InspectionService;
import com.samplerlens.app.kit.LoadedDocument;
import com.samplerlens.app.kit.OutputPreview;
import com.samplerlens.app.kit.OutputSettings;
import com.samplerlens.app.settings.AppPreferences;
import com.samplerlens.app.kit.OutputNames;
import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.trace.MultiSamplerOverride;
import com.samplerlens.core.trace.SamplerSelection;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.core.trace.TraceResult;
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
import com.samplerlens.core.inspect.MetadataExport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * The state of one inspection session: the open document, the user's options, and what the core made
 * of them (trace, looks, preview). Views bind to its properties and call its commands; it never
 * touches a control. Every option change re-traces at once: on the FX thread for ordinary graphs,
 * on the background thread for big ones.
 */
public final class SessionViewModel {

    /** Graphs up to this size are traced on the FX thread: the result is there before the next frame. */
    static final int SYNC_TRACE_LIMIT = 400;

    /** A problem to show the user: a title and one line, never a stack trace. */
    public record Problem(String title, String message) {}

    private final InspectionService service;
    private final AppPreferences prefs;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "samplerlens-work");
        t.setDaemon(true);
        return t;
    });

    // options
    private final IntegerProperty maxSamplers = new SimpleIntegerProperty(this, "maxSamplers");
    private final ObjectProperty<SamplerSelection.Method> selectionMethod = new SimpleObjectProperty<>(this, "selectionMethod", SamplerSelection.Method.FARTHEST);
    private final ObjectProperty<String> selectionNodeId = new SimpleObjectProperty<>(this, "selectionNodeId");
    private final ObjectProperty<String> saveNodeId = new SimpleObjectProperty<>(this, "saveNodeId");
    private final ObjectProperty<MultiSamplerOverride> override = new SimpleObjectProperty<>(this, "override", MultiSamplerOverride.AUTO);
    private final BooleanProperty multiline = new SimpleBooleanProperty(this, "multiline");
    private final BooleanProperty civitaiNames = new SimpleBooleanProperty(this, "civitaiNames");
    private final ObjectProperty<ContainerFormat> outputFormat = new SimpleObjectProperty<>(this, "outputFormat", ContainerFormat.PNG);
    private final IntegerProperty maxJpegExifKb = new SimpleIntegerProperty(this, "maxJpegExifKb", OutputSettings.DEFAULT_JPEG_EXIF_KB);

    // results
    private final ReadOnlyObjectWrapper<LoadedDocument> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ReadOnlyObjectWrapper<CanvasScene> canvas = new ReadOnlyObjectWrapper<>(this, "canvas");
    private final ReadOnlyObjectWrapper<Inspection> inspection = new ReadOnlyObjectWrapper<>(this, "inspection");
    private final ReadOnlyObjectWrapper<TraceResult> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyObjectWrapper<Map<String, NodeLook>> looks = new ReadOnlyObjectWrapper<>(this, "looks", Map.of());
    private final ReadOnlyObjectWrapper<OutputPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper samplersFound = new ReadOnlyStringWrapper(this, "samplersFound", "");
    /** Which sampler the written values come from, when more were found than written; else empty. */
    private final ReadOnlyStringWrapper valuesOrigin = new ReadOnlyStringWrapper(this, "valuesOrigin", "");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<Task<?>> work = new ReadOnlyObjectWrapper<>(this, "work");
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObservableList<Path> recentFilesView = FXCollections.unmodifiableObservableList(recentFiles);
    private final ReadOnlyObjectWrapper<Path> modelsFolder = new ReadOnlyObjectWrapper<>(this, "modelsFolder");
    private long traceGeneration;
    /** Set while an open resets the per-document options: the old document is not traced again for them. */
    private boolean replacingDocument;

    // edits
    private final ReadOnlyObjectWrapper<EditState> editState = new ReadOnlyObjectWrapper<>(this, "editState", EditState.NONE);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "Redo");
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    /** The undo/redo history of the open document's edits; null while there is nothing to edit. */
    private EditHistory edits;
    private Inspection tracedInspection;
    private EditedMetadata tracedMetadata;
    private boolean jumping;

    /**
     * One line of the history list: position 0 is the traced metadata, then every step done, then
     * the steps undone (which a click redoes).
     */
    public record HistoryEntry(int position, String description, boolean done, boolean current) {}

    public SessionViewModel(InspectionService service, AppPreferences prefs) {
        this.service = service;
        this.prefs = prefs;
        maxSamplers.set(prefs.maxSamplers());
        multiline.set(prefs.multiline());
        civitaiNames.set(prefs.civitaiNames());
        maxJpegExifKb.set(Math.clamp(prefs.maxJpegExifKb(OutputSettings.DEFAULT_JPEG_EXIF_KB),
                OutputSettings.MIN_JPEG_EXIF_KB, OutputSettings.MAX_JPEG_EXIF_KB));
        try {
            outputFormat.set(ContainerFormat.parse(prefs.outputFormat()));
        } catch (IllegalArgumentException stale) {
            outputFormat.set(ContainerFormat.PNG);
        }
        recentFiles.setAll(prefs.recentFiles());
        modelsFolder.set(prefs.modelsFolder());

        maxSamplers.addListener((o, a, b) -> { prefs.setMaxSamplers(b.intValue()); retrace(); });
        selectionMethod.addListener((o, a, b) -> retrace());
        selectionNodeId.addListener((o, a, b) -> retrace());
        saveNodeId.addListener((o, a, b) -> retrace());
        override.addListener((o, a, b) -> retrace());
        multiline.addListener((o, a, b) -> { prefs.setMultiline(b); retrace(); });
        civitaiNames.addListener((o, a, b) -> { prefs.setCivitaiNames(b); retrace(); });
        outputFormat.addListener((o, a, b) -> { if (b != null) prefs.setOutputFormat(b.id()); retrace(); });
        maxJpegExifKb.addListener((o, a, b) -> { prefs.setMaxJpegExifKb(b.intValue()); retrace(); });
    }

    // ---------------------------------------------------------------- commands

    private Path sample;

    /** Opens the bundled sample: shown as the sample, not as a file of the user's, and kept out of recent files. */
    public Task<?> openSample(Path file) {
        sample = file;
        return open(file);
    }

    /** Whether this file is the bundled sample opened by {@link #openSample}. */
    public boolean isSample(Path file) {
        return sample != null && sample.equals(file);
    }

    /**
     * Opens a file in the background: reading, layout and the first trace all happen off the FX
     * thread, so the window stays live and the graph appears traced in one step. The result
     * replaces the current document.
     */
    public Task<?> open(Path file) {
        // a new document starts on its default save node and selection
        TraceOptions options = traceOptions(null, null);
        OutputSettings settings = outputSettings();
        Task<Opened> task = new Task<>() {
            @Override
            protected Opened call() throws Exception {
                updateMessage("Opening " + file.getFileName() + "…");
                LoadedDocument doc = service.load(file);
                if (isCancelled()) return null;
                updateMessage("Laying out " + doc.graph().size() + " nodes…");
                CanvasScene geo = CanvasScenes.build(doc.graph(), doc.texts());
                if (isCancelled()) return null;
                updateMessage("Tracing " + doc.graph().size() + " nodes…");
                return new Opened(doc, geo, options, settings, compute(doc, options, settings));
            }
        };
        task.setOnSucceeded(e -> {
            Opened opened = task.getValue();
            if (opened == null) return;
            problem.set(null);
            edits = null;
            replacingDocument = true;
            try {
                saveNodeId.set(null);
                selectionNodeId.set(null);
            } finally {
                replacingDocument = false;
            }
            document.set(opened.document());
            canvas.set(opened.canvas());
            // the bundled sample lives in a temporary folder: not a file of the user's to reopen
            if (!isSample(file)) {
                prefs.addRecentFile(file);
                recentFiles.setAll(prefs.recentFiles());
            }
            // options changed while it was opening: trace again with the current ones
            if (opened.options().equals(traceOptions()) && opened.settings().equals(outputSettings())) apply(++traceGeneration, opened.traced());
            else retrace();
            // sidecars make this quick for models hashed before; new ones hash in the background
            if (modelsFolder.get() != null) hashModels(modelsFolder.get());
        });
        task.setOnFailed(e -> problem.set(describeFailure("Cannot open " + file.getFileName(), task.getException())));
        run(task);
        return task;
    }

    /**
     * Remembers {@code folder} as the models folder and hashes, in the background, the models the
     * open document names; the preview is re-rendered with their hashes when done (and with those
     * finished so far when cancelled). Returns null when no document is open: the folder applies
     * to the next one.
     */
    public Task<List<String>> hashModels(Path folder) {
        Path chosen = folder.toAbsolutePath().normalize();
        prefs.setModelsFolder(chosen);
        modelsFolder.set(chosen);
        LoadedDocument doc = document.get();
        if (doc == null) return null;
        Task<List<String>> task = new Task<>() {
            @Override
            protected List<String> call() throws Exception {
                updateMessage("Looking for models in " + chosen.getFileName() + "…");
                return service.hashModels(doc, chosen, (done, total) -> updateProgress(done, total),
                        file -> updateMessage("Hashing " + file.getFileName() + "…"), this::isCancelled);
            }
        };
        task.setOnSucceeded(e -> {
            retrace();
            List<String> failed = task.getValue();
            if (!failed.isEmpty()) problem.set(new Problem("Some models could not be hashed", String.join("; ", failed)));
        });
        task.setOnCancelled(e -> retrace());
        task.setOnFailed(e -> problem.set(describeFailure("Cannot hash the models in " + chosen.getFileName(), task.getException())));
        run(task);
        return task;
    }

    /** Re-traces and re-renders with the current options. */
    public void retrace() {
        LoadedDocument doc = document.get();
        if (doc == null || replacingDocument) return;
        TraceOptions options = traceOptions();
        OutputSettings settings = outputSettings();
        long generation = ++traceGeneration;
        if (doc.graph().size() <= SYNC_TRACE_LIMIT) {
            apply(generation, compute(doc, options, settings));
            return;
        }
        Task<Traced> task = new Task<>() {
            @Override
            protected Traced call() {
                updateMessage("Tracing " + doc.graph().size() + " nodes…");
                return compute(doc, options, settings);
            }
        };
        task.setOnSucceeded(e -> apply(generation, task.getValue()));
        task.setOnFailed(e -> problem.set(describeFailure("Tracing failed", task.getException())));
        run(task);
    }

    /**
     * Writes the current metadata into a copy of {@code pixelsFrom} at {@code target}, in the
     * background; {@code done} gets the outcome on the FX thread. {@code replace}: the user
     * already agreed to replace an existing {@code target}. Failures become a {@link #problemProperty() problem}.
     */
    public Task<InspectionService.WriteOutcome> write(Path pixelsFrom, Path target, boolean replace,
                                                      java.util.function.Consumer<InspectionService.WriteOutcome> done) {
        LoadedDocument doc = document.get();
        TraceOptions options = traceOptions();
        ContainerFormat format = OutputNames.imageFormatOf(target).orElse(outputFormat.get());
        OutputSettings settings = new OutputSettings(format, multiline.get(), civitaiNames.get(), maxJpegExifKb.get());
        EditList currentEdits = edits == null ? EditList.EMPTY : edits.edits();
        Task<InspectionService.WriteOutcome> task = new Task<>() {
            @Override
            protected InspectionService.WriteOutcome call() throws Exception {
                updateMessage("Writing " + target.getFileName() + "…");
                return service.write(doc, options, settings, currentEdits, pixelsFrom, target, replace);
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> problem.set(describeFailure("Cannot write " + target.getFileName(), task.getException())));
        run(task);
        return task;
    }

    public boolean canWrite() { return service.canWrite(); }

    /**
     * Writes a copy of the open image without generation metadata, in the background; {@code done}
     * gets the copy on the FX thread. {@code replace}: the user already agreed to replace {@code target}.
     */
    public Task<Path> saveCleanCopy(Path target, boolean replace, java.util.function.Consumer<Path> done) {
        Path source = document.get().file();
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws Exception {
                updateMessage("Writing " + target.getFileName() + "…");
                service.stripCopy(source, target, replace);
                return target;
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> problem.set(describeFailure("Cannot save " + target.getFileName(), task.getException())));
        run(task);
        return task;
    }

    /** The parameters text or the inspect JSON of what would be written, edits applied; empty (and a problem shown) when there is none. */
    public Optional<String> exportText(MetadataExport.Kind kind) {
        if (document.get() == null || tracedInspection == null) return Optional.empty();
        try {
            return Optional.of(service.export(document.get(), tracedInspection, edits == null ? null : edits.result(), outputSettings(), kind));
        } catch (IllegalStateException e) {
            problem.set(new Problem("Nothing to export", e.getMessage()));
            return Optional.empty();
        }
    }

    /** Writes {@link #exportText} to {@code target}; {@code replace}: the user already agreed to replace it. */
    public boolean exportTo(Path target, MetadataExport.Kind kind, boolean replace) {
        Optional<String> text = exportText(kind);
        if (text.isEmpty()) return false;
        try {
            MetadataExport.write(target, text.get(), replace);
            return true;
        } catch (java.io.IOException e) {
            problem.set(new Problem("Cannot export", target.getFileName() + ": cannot be written (" + e.getMessage() + ")"));
            return false;
        }
    }

    // ---------------------------------------------------------------- edit commands (each is one undoable step)

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
        jumping = true;
        try {
            while (edits.steps().size() > position && edits.canUndo()) edits.undo();
            while (edits.steps().size() < position && edits.canRedo()) edits.redo();
        } finally {
            jumping = false;
        }
        editsChanged();
    }

    private Optional<String> perform(java.util.function.Supplier<MetadataEdit> edit) {
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

    public void reportProblem(String title, String message) { problem.set(new Problem(title, message)); }

    public void dismissProblem() { problem.set(null); }


    /** Remembers settings that are not saved as they change. */
    public void shutdown() {
        prefs.flush();
        background.shutdownNow();
    }

    // ---------------------------------------------------------------- state

    public TraceOptions traceOptions() {
        return traceOptions(selectionNodeId.get(), saveNodeId.get());
    }

    private TraceOptions traceOptions(String selectionNode, String saveNode) {
        SamplerSelection selection = switch (selectionMethod.get()) {
            case FARTHEST -> SamplerSelection.FARTHEST;
            case NEAREST -> SamplerSelection.NEAREST;
            case BY_NODE_ID -> selectionNode == null ? SamplerSelection.FARTHEST : SamplerSelection.byNodeId(selectionNode);
        };
        return new TraceOptions(Math.clamp(maxSamplers.get(), 1, TraceOptions.MAX_SAMPLERS_LIMIT), selection, saveNode, override.get());
    }

    public OutputSettings outputSettings() {
        return new OutputSettings(outputFormat.get(), multiline.get(), civitaiNames.get(), maxJpegExifKb.get());
    }

    private record Opened(LoadedDocument document, CanvasScene canvas, TraceOptions options, OutputSettings settings, Traced traced) {}

    private record Traced(Inspection inspection, Map<String, NodeLook> looks) {}

    private Traced compute(LoadedDocument doc, TraceOptions options, OutputSettings settings) {
        Inspection inspection = service.inspect(doc, options, settings);
        return new Traced(inspection, AttributionLooks.looks(doc.graph(), inspection.trace()));
    }

    private void apply(long generation, Traced traced) {
        if (generation != traceGeneration) return;
        // colours and trace first, the inspection last: a view that listens to the inspection alone
        // (the Node tab) then sees one consistent state, once per retrace
        looks.set(traced.looks());
        trace.set(traced.inspection().trace());
        int found = traced.inspection().trace().samplers().size();
        samplersFound.set(found == 1 ? "1 sampler found" : found + " samplers found");
        tracedInspection = traced.inspection();
        InspectReport report = traced.inspection().report();
        valuesOrigin.set(report == null ? "" : com.samplerlens.core.inspect.ValuesOrigin.describe(report.composed(), traceOptions().selection())
                .map(v -> Character.toUpperCase(v.charAt(0)) + v.substring(1) + ".").orElse(""));
        if (report == null) {
            edits = null;
            editsChanged();
        } else {
            tracedMetadata = EditList.EMPTY.applyTo(report.composed());
            if (edits == null) {
                edits = new EditHistory(report.composed());
                edits.addListener(this::editsChanged);
                editsChanged();
            } else {
                // another trace of the same document: the edits are replayed on it
                edits.retrace(report.composed());
            }
        }
    }

    /** The edits or the trace changed: the preview, the fields and the history follow. */
    private void editsChanged() {
        if (jumping) return;
        LoadedDocument doc = document.get();
        if (edits == null) {
            inspection.set(tracedInspection);
            preview.set(tracedInspection.preview());
            editState.set(EditState.NONE);
            history.clear();
        } else {
            Inspection shown = edits.edits().isEmpty() ? tracedInspection : service.withEdits(doc, tracedInspection, edits.result(), outputSettings());
            inspection.set(shown);
            preview.set(shown.preview());
            editState.set(new EditState(edits.result(), tracedMetadata, edits.edits().edits().size()));
            List<HistoryEntry> entries = new java.util.ArrayList<>();
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

    private void run(Task<?> task) {
        task.runningProperty().addListener((o, was, running) -> {
            if (running) work.set(task);
            else if (work.get() == task) work.set(null);
        });
        background.execute(task);
    }

    private static Problem describeFailure(String title, Throwable t) {
        if (t instanceof UnreadableFileException u) return new Problem(title, u.getMessage());
        String message = t == null ? "unknown error" : t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return new Problem(title, message.lines().findFirst().orElse(message));
    }

    // ---------------------------------------------------------------- properties

    public IntegerProperty maxSamplersProperty() { return maxSamplers; }
    public ObjectProperty<SamplerSelection.Method> selectionMethodProperty() { return selectionMethod; }
    public ObjectProperty<String> selectionNodeIdProperty() { return selectionNodeId; }
    public ObjectProperty<String> saveNodeIdProperty() { return saveNodeId; }
    public ObjectProperty<MultiSamplerOverride> overrideProperty() { return override; }
    public BooleanProperty multilineProperty() { return multiline; }
    public BooleanProperty civitaiNamesProperty() { return civitaiNames; }
    public ObjectProperty<ContainerFormat> outputFormatProperty() { return outputFormat; }
    public IntegerProperty maxJpegExifKbProperty() { return maxJpegExifKb; }

    public ReadOnlyObjectProperty<LoadedDocument> documentProperty() { return document.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<CanvasScene> canvasProperty() { return canvas.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Inspection> inspectionProperty() { return inspection.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TraceResult> traceProperty() { return trace.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Map<String, NodeLook>> looksProperty() { return looks.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<OutputPreview> previewProperty() { return preview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty samplersFoundProperty() { return samplersFound.getReadOnlyProperty(); }
    public ReadOnlyStringProperty valuesOriginProperty() { return valuesOrigin.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Problem> problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Task<?>> workProperty() { return work.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<EditState> editStateProperty() { return editState.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canUndoProperty() { return canUndo.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty canRedoProperty() { return canRedo.getReadOnlyProperty(); }
    public ReadOnlyStringProperty undoTextProperty() { return undoText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty redoTextProperty() { return redoText.getReadOnlyProperty(); }
    /** The history list, oldest first. */
    public ObservableList<HistoryEntry> history() { return FXCollections.unmodifiableObservableList(history); }
    /** The edits in effect (what Write writes). */
    public EditList edits() { return edits == null ? EditList.EMPTY : edits.edits(); }
    public ReadOnlyObjectProperty<Path> modelsFolderProperty() { return modelsFolder.getReadOnlyProperty(); }
    /**
     * The recent files, read-only. One wrapper for the life of the view model: the source list
     * holds a wrapper's listeners only weakly, so a wrapper made per call was collected with the
     * listener on it and Recent stayed disabled until a restart.
     */
    public ObservableList<Path> recentFiles() { return recentFilesView; }

    public List<String> warnings() {
        java.util.List<String> all = new java.util.ArrayList<>();
        if (document.get() != null) all.addAll(document.get().warnings());
        if (trace.get() != null) all.addAll(trace.get().warnings());
        if (preview.get() != null) all.addAll(preview.get().notes());
        return all;
    }
}
