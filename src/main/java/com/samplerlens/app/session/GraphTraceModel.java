package com.samplerlens.app.session;

import com.samplerlens.app.graph.CanvasScene;
import com.samplerlens.app.graph.NodeLook;
import com.samplerlens.app.kit.Inspection;
import com.samplerlens.app.kit.LoadedDocument;
import com.samplerlens.app.kit.SaveNodeOption;
import com.samplerlens.core.inspect.InspectReport;
import com.samplerlens.core.inspect.ValuesOrigin;
import com.samplerlens.core.trace.MultiSamplerOverride;
import com.samplerlens.core.trace.SamplerSelection;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.core.trace.TraceResult;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The graph and its trace: the trace options the user sets (max samplers, selection, save node,
 * multi-sampler override) and what the core made of them (the canvas, which nodes fed which
 * sampler, their looks, the save node picker's rows). Changing an option asks for a new trace.
 */
public final class GraphTraceModel {

    private final IntegerProperty maxSamplers = new SimpleIntegerProperty(this, "maxSamplers", 1);
    private final ObjectProperty<SamplerSelection.Method> selectionMethod = new SimpleObjectProperty<>(this, "selectionMethod", SamplerSelection.Method.FARTHEST);
    private final ObjectProperty<String> selectionNodeId = new SimpleObjectProperty<>(this, "selectionNodeId");
    private final ObjectProperty<String> saveNodeId = new SimpleObjectProperty<>(this, "saveNodeId");
    private final ObjectProperty<MultiSamplerOverride> override = new SimpleObjectProperty<>(this, "override", MultiSamplerOverride.AUTO);

    private final ReadOnlyObjectWrapper<CanvasScene> canvas = new ReadOnlyObjectWrapper<>(this, "canvas");
    private final ReadOnlyObjectWrapper<TraceResult> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyObjectWrapper<Map<String, NodeLook>> looks = new ReadOnlyObjectWrapper<>(this, "looks", Map.of());
    private final ReadOnlyStringWrapper samplersFound = new ReadOnlyStringWrapper(this, "samplersFound", "");
    /** Which sampler the written values come from, when more were found than written; else empty. */
    private final ReadOnlyStringWrapper valuesOrigin = new ReadOnlyStringWrapper(this, "valuesOrigin", "");
    private final ReadOnlyObjectWrapper<List<SaveNodeOption>> saveNodes = new ReadOnlyObjectWrapper<>(this, "saveNodes", List.of());
    /** Set while a new document resets the per-document options: the old document is not traced again for them. */
    private boolean replacingDocument;

    GraphTraceModel(Runnable retrace) {
        Runnable unlessReplacing = () -> { if (!replacingDocument) retrace.run(); };
        maxSamplers.addListener((o, a, b) -> unlessReplacing.run());
        selectionMethod.addListener((o, a, b) -> unlessReplacing.run());
        selectionNodeId.addListener((o, a, b) -> unlessReplacing.run());
        saveNodeId.addListener((o, a, b) -> unlessReplacing.run());
        override.addListener((o, a, b) -> unlessReplacing.run());
    }

    /** The options as the core takes them, with the current save node and selection node. */
    public TraceOptions traceOptions() {
        return traceOptions(selectionNodeId.get(), saveNodeId.get());
    }

    /** The options a newly opened document starts with: its default save node and selection. */
    TraceOptions optionsForNewDocument() {
        return traceOptions(null, null);
    }

    private TraceOptions traceOptions(String selectionNode, String saveNode) {
        SamplerSelection selection = switch (selectionMethod.get()) {
            case FARTHEST -> SamplerSelection.FARTHEST;
            case NEAREST -> SamplerSelection.NEAREST;
            case BY_NODE_ID -> selectionNode == null ? SamplerSelection.FARTHEST : SamplerSelection.byNodeId(selectionNode);
        };
        return new TraceOptions(Math.clamp(maxSamplers.get(), 1, TraceOptions.MAX_SAMPLERS_LIMIT), selection, saveNode, override.get());
    }

    /** A new document: its save nodes; the per-document options back to their defaults without a retrace. */
    void startDocument(LoadedDocument document) {
        replacingDocument = true;
        try {
            saveNodeId.set(null);
            selectionNodeId.set(null);
        } finally {
            replacingDocument = false;
        }
        saveNodes.set(document.saveNodes());
    }

    /** The new document's drawing (after the document itself is shown). */
    void showCanvas(CanvasScene scene) {
        canvas.set(scene);
    }

    /** A finished trace: the looks and the trace first, so a view listening to the trace sees its colours. */
    void showTrace(Inspection inspection, Map<String, NodeLook> nodeLooks, SamplerSelection selection) {
        TraceResult traced = inspection.trace();
        looks.set(nodeLooks);
        trace.set(traced);
        int found = traced.samplers().size();
        samplersFound.set(found == 1 ? "1 sampler found" : found + " samplers found");
        InspectReport report = inspection.report();
        valuesOrigin.set(report == null ? "" : ValuesOrigin.describe(report.composed(), selection)
                .map(v -> Character.toUpperCase(v.charAt(0)) + v.substring(1) + ".").orElse(""));
    }

    // ---------------------------------------------------------------- options (the views write them)

    public IntegerProperty maxSamplersProperty() { return maxSamplers; }
    public ObjectProperty<SamplerSelection.Method> selectionMethodProperty() { return selectionMethod; }
    public ObjectProperty<String> selectionNodeIdProperty() { return selectionNodeId; }
    /** The save node the user chose; null for the core's default. */
    public ObjectProperty<String> saveNodeIdProperty() { return saveNodeId; }
    public ObjectProperty<MultiSamplerOverride> overrideProperty() { return override; }

    // ---------------------------------------------------------------- results (read-only)

    public ReadOnlyObjectProperty<CanvasScene> canvasProperty() { return canvas.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TraceResult> traceProperty() { return trace.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Map<String, NodeLook>> looksProperty() { return looks.getReadOnlyProperty(); }
    public ReadOnlyStringProperty samplersFoundProperty() { return samplersFound.getReadOnlyProperty(); }
    public ReadOnlyStringProperty valuesOriginProperty() { return valuesOrigin.getReadOnlyProperty(); }
    /** The output nodes the save node picker offers, with titles, classes, samplers upstream and the default marked. */
    public ReadOnlyObjectProperty<List<SaveNodeOption>> saveNodesProperty() { return saveNodes.getReadOnlyProperty(); }
}
