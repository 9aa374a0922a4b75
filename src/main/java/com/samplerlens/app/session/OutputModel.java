package com.samplerlens.app.session;

import com.samplerlens.app.kit.Inspection;
import com.samplerlens.app.kit.InspectionService;
import com.samplerlens.app.kit.LoadedDocument;
import com.samplerlens.app.kit.OutputNames;
import com.samplerlens.app.kit.OutputPreview;
import com.samplerlens.app.kit.OutputSettings;
import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.edit.EditList;
import com.samplerlens.core.inspect.MetadataExport;
import com.samplerlens.core.trace.TraceOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;

/**
 * What is written and how: the output settings (format, multi-line parameters, Civitai names, the
 * JPEG EXIF budget), the preview of what would be written (rendered off the FX thread, edits
 * applied) and the commands that write, strip and export. Changing a setting asks for a new preview.
 */
public final class OutputModel {

    private final SessionViewModel session;
    private final InspectionService service;
    private final BooleanProperty multiline = new SimpleBooleanProperty(this, "multiline");
    private final BooleanProperty civitaiNames = new SimpleBooleanProperty(this, "civitaiNames");
    private final ObjectProperty<ContainerFormat> outputFormat = new SimpleObjectProperty<>(this, "outputFormat", ContainerFormat.PNG);
    private final IntegerProperty maxJpegExifKb = new SimpleIntegerProperty(this, "maxJpegExifKb", OutputSettings.DEFAULT_JPEG_EXIF_KB);
    private final ReadOnlyObjectWrapper<Inspection> inspection = new ReadOnlyObjectWrapper<>(this, "inspection");
    private final ReadOnlyObjectWrapper<OutputPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");

    OutputModel(SessionViewModel session, InspectionService service, Runnable retrace) {
        this.session = session;
        this.service = service;
        multiline.addListener((o, a, b) -> retrace.run());
        civitaiNames.addListener((o, a, b) -> retrace.run());
        outputFormat.addListener((o, a, b) -> retrace.run());
        maxJpegExifKb.addListener((o, a, b) -> retrace.run());
    }

    public OutputSettings settings() {
        return new OutputSettings(outputFormat.get() == null ? ContainerFormat.PNG : outputFormat.get(), multiline.get(), civitaiNames.get(),
                maxJpegExifKb.get());
    }

    /** What would be written now: the inspection with the edits applied, and its preview. */
    void show(Inspection shown) {
        inspection.set(shown);
        preview.set(shown.preview());
    }

    // ---------------------------------------------------------------- commands

    /**
     * Writes the current metadata into a copy of {@code pixelsFrom} at {@code target}, in the
     * background; {@code done} gets the outcome on the FX thread. {@code replace}: the user
     * already agreed to replace an existing {@code target}. Failures become the session's problem.
     */
    public Task<InspectionService.WriteOutcome> write(Path pixelsFrom, Path target, boolean replace, Consumer<InspectionService.WriteOutcome> done) {
        LoadedDocument doc = session.documentProperty().get();
        TraceOptions options = session.graph().traceOptions();
        ContainerFormat format = OutputNames.imageFormatOf(target).orElse(settings().format());
        OutputSettings writeSettings = new OutputSettings(format, multiline.get(), civitaiNames.get(), maxJpegExifKb.get());
        EditList edits = session.editing().edits();
        Task<InspectionService.WriteOutcome> task = new Task<>() {
            @Override
            protected InspectionService.WriteOutcome call() throws Exception {
                updateMessage("Writing " + target.getFileName() + "…");
                return service.write(doc, options, writeSettings, edits, pixelsFrom, target, replace);
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> session.fail("Cannot write " + target.getFileName(), task.getException()));
        session.run(task);
        return task;
    }

    public boolean canWrite() { return service.canWrite(); }

    /**
     * Writes a copy of the open image without generation metadata, in the background; {@code done}
     * gets the copy on the FX thread. {@code replace}: the user already agreed to replace {@code target}.
     */
    public Task<Path> saveCleanCopy(Path target, boolean replace, Consumer<Path> done) {
        Path source = session.documentProperty().get().file();
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() throws Exception {
                updateMessage("Writing " + target.getFileName() + "…");
                service.stripCopy(source, target, replace);
                return target;
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> session.fail("Cannot save " + target.getFileName(), task.getException()));
        session.run(task);
        return task;
    }

    /** The parameters text or the inspect JSON of what would be written, edits applied; empty (and a problem shown) when there is none. */
    public Optional<String> exportText(MetadataExport.Kind kind) {
        LoadedDocument doc = session.documentProperty().get();
        Inspection traced = session.tracedInspection();
        if (doc == null || traced == null) return Optional.empty();
        try {
            return Optional.of(service.export(doc, traced, session.editing().result(), settings(), kind));
        } catch (IllegalStateException e) {
            session.reportProblem("Nothing to export", e.getMessage());
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
        } catch (IOException e) {
            session.reportProblem("Cannot export", target.getFileName() + ": cannot be written (" + e.getMessage() + ")");
            return false;
        }
    }

    // ---------------------------------------------------------------- settings (the views write them)

    public BooleanProperty multilineProperty() { return multiline; }
    public BooleanProperty civitaiNamesProperty() { return civitaiNames; }
    public ObjectProperty<ContainerFormat> outputFormatProperty() { return outputFormat; }
    public IntegerProperty maxJpegExifKbProperty() { return maxJpegExifKb; }

    // ---------------------------------------------------------------- results (read-only)

    /** The trace with the edits applied: the Node tab's captures, the sampler fields as written. */
    public ReadOnlyObjectProperty<Inspection> inspectionProperty() { return inspection.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<OutputPreview> previewProperty() { return preview.getReadOnlyProperty(); }
    /** True while a newer preview is being computed than the one shown. */
    public ReadOnlyBooleanProperty previewPendingProperty() { return session.previews().pendingProperty(); }
}
