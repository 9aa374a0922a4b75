package com.samplerlens.app.session;

import com.samplerlens.app.graph.AttributionLooks;
import com.samplerlens.app.graph.CanvasScene;
import com.samplerlens.app.graph.CanvasScenes;
import com.samplerlens.app.graph.NodeLook;
import com.samplerlens.app.kit.Inspection;
import com.samplerlens.app.kit.InspectionService;
import com.samplerlens.app.kit.LoadedDocument;
import com.samplerlens.app.kit.OutputSettings;
import com.samplerlens.app.settings.AppPreferences;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.edit.EditList;
import com.samplerlens.core.trace.TraceOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;

/**
 * One inspection session: the open document and the four areas the views bind to, as the AtlantaFX
 * sampler keeps a model per area: {@link #graph() the graph and its trace}, {@link #editing() the
 * edits}, {@link #output() what is written} and {@link #preferences() what is remembered}. Each
 * exposes read-only results and commands; none touches a control.
 *
 * <p>This class ties them together. Opening reads, lays out and traces on the work thread. Every
 * later change (an option, a setting, an edit) asks for a preview, computed on the preview thread
 * from the document as loaded (its image bytes included, so the file is never read again) where
 * the newest request wins and stale results are dropped; results are applied on the FX thread.
 */
public final class SessionViewModel {

    /** A problem to show the user: a title and one line, never a stack trace. */
    public record Problem(String title, String message) {}

    private final InspectionService service;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "samplerlens-work");
        t.setDaemon(true);
        return t;
    });
    private final LatestWins previews = new LatestWins("samplerlens-preview");

    private final GraphTraceModel graph;
    private final EditsModel editing;
    private final OutputModel output;
    private final PreferencesModel preferences;

    private final ReadOnlyObjectWrapper<LoadedDocument> document = new ReadOnlyObjectWrapper<>(this, "document");
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final ReadOnlyObjectWrapper<Task<?>> work = new ReadOnlyObjectWrapper<>(this, "work");
    /** The trace shown, before edits, and the options it was traced with: an edit re-renders on it without tracing again. */
    private Traced shownTrace;
    private Path sample;

    public SessionViewModel(InspectionService service, AppPreferences prefs) {
        this.service = service;
        this.graph = new GraphTraceModel(this::retrace);
        this.editing = new EditsModel(this::editsChanged);
        this.output = new OutputModel(this, service, this::retrace);
        this.preferences = new PreferencesModel(this, service, prefs);
        preferences.restoreAndFollow(graph, output);
    }

    // ---------------------------------------------------------------- the areas

    public GraphTraceModel graph() { return graph; }

    public EditsModel editing() { return editing; }

    public OutputModel output() { return output; }

    public PreferencesModel preferences() { return preferences; }

    // ---------------------------------------------------------------- commands

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
        // a new document starts on its default save node and selection, without edits
        TraceOptions options = graph.optionsForNewDocument();
        OutputSettings settings = output.settings();
        Task<Opened> task = new Task<>() {
            @Override
            protected Opened call() throws Exception {
                updateMessage("Opening " + file.getFileName() + "…");
                LoadedDocument doc = service.load(file);
                if (isCancelled()) return null;
                updateMessage("Laying out " + doc.graph().size() + " nodes…");
                CanvasScene scene = CanvasScenes.build(doc.graph(), doc.texts());
                if (isCancelled()) return null;
                updateMessage("Tracing " + doc.graph().size() + " nodes…");
                return new Opened(doc, scene, compute(new Request(doc, options, settings, EditList.EMPTY), null));
            }
        };
        task.setOnSucceeded(e -> {
            Opened opened = task.getValue();
            if (opened == null) return;
            problem.set(null);
            // previews still computing are for the old document
            previews.dropAll();
            graph.startDocument(opened.document());
            document.set(opened.document());
            graph.showCanvas(opened.canvas());
            // the bundled sample lives in a temporary folder: not a file of the user's to reopen
            if (!isSample(file)) preferences.addRecentFile(file);
            show(opened.computed(), true);
            // options changed while it was opening: trace again with the current ones
            if (!opened.computed().request().sameTrace(graph.traceOptions(), output.settings())) retrace();
            // sidecars make this quick for models hashed before; new ones hash in the background
            if (preferences.modelsFolderProperty().get() != null) preferences.hashModels(preferences.modelsFolderProperty().get());
        });
        task.setOnFailed(e -> fail("Cannot open " + file.getFileName(), task.getException()));
        run(task);
        return task;
    }

    /** Traces and renders again with the current options, settings and edits, off the FX thread. */
    public void retrace() {
        LoadedDocument doc = document.get();
        if (doc == null) return;
        requestPreview(new Request(doc, graph.traceOptions(), output.settings(), editing.edits()), null);
    }

    /** The edits changed: the preview is rendered again on the trace shown, off the FX thread. */
    private void editsChanged() {
        LoadedDocument doc = document.get();
        if (doc == null) return;
        Request request = new Request(doc, graph.traceOptions(), output.settings(), editing.edits());
        Traced reuse = shownTrace != null && shownTrace.request().document() == doc
                && shownTrace.request().sameTrace(request.options(), request.settings()) ? shownTrace : null;
        requestPreview(request, reuse);
    }

    private void requestPreview(Request request, Traced reuse) {
        previews.submit(() -> compute(request, reuse), computed -> show(computed, false),
                failure -> fail("Tracing failed", failure));
    }

    public void reportProblem(String title, String message) { problem.set(new Problem(title, message)); }

    public void dismissProblem() { problem.set(null); }

    /** Remembers settings that are not saved as they change; stops the background threads. */
    public void shutdown() {
        preferences.flush();
        background.shutdownNow();
        previews.shutdown();
    }

    // ---------------------------------------------------------------- computing off the FX thread

    /** What a preview is computed from: all of it taken on the FX thread when it was asked for. */
    private record Request(LoadedDocument document, TraceOptions options, OutputSettings settings, EditList edits) {
        boolean sameTrace(TraceOptions o, OutputSettings s) { return options.equals(o) && settings.equals(s); }
    }

    /** A trace before edits, with the node looks it gives. */
    private record Traced(Request request, Inspection inspection, Map<String, NodeLook> looks) {}

    /** A trace and what would be written with the request's edits. */
    private record Computed(Request request, Traced traced, Inspection shown) {}

    private record Opened(LoadedDocument document, CanvasScene canvas, Computed computed) {}

    /** Runs off the FX thread: traces (unless {@code reuse} holds this trace already) and applies the edits. */
    private Computed compute(Request request, Traced reuse) {
        LoadedDocument doc = request.document();
        Traced traced = reuse;
        if (traced == null) {
            Inspection inspection = service.inspect(doc, request.options(), request.settings());
            traced = new Traced(request, inspection, AttributionLooks.looks(doc.graph(), inspection.trace()));
        }
        Inspection base = traced.inspection();
        Inspection shown = request.edits().isEmpty() || base.report() == null ? base
                : service.withEdits(doc, base, request.edits().applyTo(base.report().composed()), request.settings());
        return new Computed(request, traced, shown);
    }

    /** On the FX thread: the trace first (colours, samplers), then the edits replayed on it, the preview last. */
    private void show(Computed computed, boolean newDocument) {
        if (computed.request().document() != document.get()) return;
        if (newDocument || shownTrace != computed.traced()) {
            shownTrace = computed.traced();
            graph.showTrace(computed.traced().inspection(), computed.traced().looks(), computed.request().options().selection());
            editing.retraced(computed.traced().inspection().report(), newDocument);
        }
        // a view that listens to the inspection alone (the Node tab) sees one consistent state, once per preview
        output.show(computed.shown());
    }

    // ---------------------------------------------------------------- for the areas

    /** The traced inspection shown, before edits; null before the first trace. */
    Inspection tracedInspection() { return shownTrace == null ? null : shownTrace.inspection(); }

    LatestWins previews() { return previews; }

    void run(Task<?> task) {
        task.runningProperty().addListener((o, was, running) -> {
            if (running) work.set(task);
            else if (work.get() == task) work.set(null);
        });
        background.execute(task);
    }

    void fail(String title, Throwable t) {
        problem.set(describeFailure(title, t));
    }

    private static Problem describeFailure(String title, Throwable t) {
        if (t instanceof UnreadableFileException u) return new Problem(title, u.getMessage());
        String message = t == null ? "unknown error" : t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return new Problem(title, message.lines().findFirst().orElse(message));
    }

    // ---------------------------------------------------------------- properties (read-only)

    public ReadOnlyObjectProperty<LoadedDocument> documentProperty() { return document.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Problem> problemProperty() { return problem.getReadOnlyProperty(); }
    /** The background task running (open, hash, write), for the status bar. */
    public ReadOnlyObjectProperty<Task<?>> workProperty() { return work.getReadOnlyProperty(); }

    /** Everything the user should know about the open document: load warnings, trace warnings, preview notes. */
    public List<String> warnings() {
        List<String> all = new ArrayList<>();
        if (document.get() != null) all.addAll(document.get().warnings());
        if (graph.traceProperty().get() != null) all.addAll(graph.traceProperty().get().warnings());
        if (output.previewProperty().get() != null) all.addAll(output.previewProperty().get().notes());
        return all;
    }
}
