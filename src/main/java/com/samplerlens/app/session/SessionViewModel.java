package com.samplerlens.app.session;

import com.samplerlens.app.graph.AttributionLooks;
import com.samplerlens.app.graph.GraphGeometry;
import com.samplerlens.app.graph.GraphLayouter;
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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    private final ReadOnlyObjectWrapper<GraphGeometry> geometry = new ReadOnlyObjectWrapper<>(this, "geometry");
    private final ReadOnlyObjectWrapper<Inspection> inspection = new ReadOnlyObjectWrapper<>(this, "inspection");
    private final ReadOnlyObjectWrapper<TraceResult> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyObjectWrapper<Map<String, NodeLook>> looks = new ReadOnlyObjectWrapper<>(this, "looks", Map.of());
    private final ReadOnlyObjectWrapper<OutputPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyStringWrapper samplersFound = new ReadOnlyStringWrapper(this, "samplersFound", "");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<Task<?>> work = new ReadOnlyObjectWrapper<>(this, "work");
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> modelsFolder = new ReadOnlyObjectWrapper<>(this, "modelsFolder");
    private long traceGeneration;
    /** Set while an open resets the per-document options: the old document is not traced again for them. */
    private boolean replacingDocument;

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
                GraphGeometry geo = GraphLayouter.layout(doc.graph());
                if (isCancelled()) return null;
                updateMessage("Tracing " + doc.graph().size() + " nodes…");
                return new Opened(doc, geo, options, settings, compute(doc, options, settings));
            }
        };
        task.setOnSucceeded(e -> {
            Opened opened = task.getValue();
            if (opened == null) return;
            problem.set(null);
            replacingDocument = true;
            try {
                saveNodeId.set(null);
                selectionNodeId.set(null);
            } finally {
                replacingDocument = false;
            }
            document.set(opened.document());
            geometry.set(opened.geometry());
            prefs.addRecentFile(file);
            recentFiles.setAll(prefs.recentFiles());
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
        Task<InspectionService.WriteOutcome> task = new Task<>() {
            @Override
            protected InspectionService.WriteOutcome call() throws Exception {
                updateMessage("Writing " + target.getFileName() + "…");
                return service.write(doc, options, settings, pixelsFrom, target, replace);
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> problem.set(describeFailure("Cannot write " + target.getFileName(), task.getException())));
        run(task);
        return task;
    }

    public boolean canWrite() { return service.canWrite(); }

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

    private record Opened(LoadedDocument document, GraphGeometry geometry, TraceOptions options, OutputSettings settings, Traced traced) {}

    private record Traced(Inspection inspection, Map<String, NodeLook> looks) {}

    private Traced compute(LoadedDocument doc, TraceOptions options, OutputSettings settings) {
        Inspection inspection = service.inspect(doc, options, settings);
        return new Traced(inspection, AttributionLooks.looks(doc.graph(), inspection.trace()));
    }

    private void apply(long generation, Traced traced) {
        if (generation != traceGeneration) return;
        inspection.set(traced.inspection());
        looks.set(traced.looks());
        trace.set(traced.inspection().trace());
        preview.set(traced.inspection().preview());
        int found = traced.inspection().trace().samplers().size();
        samplersFound.set(found == 1 ? "1 sampler found" : found + " samplers found");
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
    public ReadOnlyObjectProperty<GraphGeometry> geometryProperty() { return geometry.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Inspection> inspectionProperty() { return inspection.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TraceResult> traceProperty() { return trace.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Map<String, NodeLook>> looksProperty() { return looks.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<OutputPreview> previewProperty() { return preview.getReadOnlyProperty(); }
    public ReadOnlyStringProperty samplersFoundProperty() { return samplersFound.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Problem> problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Task<?>> workProperty() { return work.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> modelsFolderProperty() { return modelsFolder.getReadOnlyProperty(); }
    public ObservableList<Path> recentFiles() { return FXCollections.unmodifiableObservableList(recentFiles); }

    public List<String> warnings() {
        java.util.List<String> all = new java.util.ArrayList<>();
        if (document.get() != null) all.addAll(document.get().warnings());
        if (trace.get() != null) all.addAll(trace.get().warnings());
        if (preview.get() != null) all.addAll(preview.get().notes());
        return all;
    }
}
