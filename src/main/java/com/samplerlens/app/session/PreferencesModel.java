package com.samplerlens.app.session;

import com.samplerlens.app.kit.InspectionService;
import com.samplerlens.app.kit.LoadedDocument;
import com.samplerlens.app.kit.OutputSettings;
import com.samplerlens.app.settings.AppPreferences;
import com.samplerlens.core.container.ContainerFormat;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * What the app remembers between runs: the switches of the other areas (read at start, saved as
 * they change), the recent files and the models folder, with the command that hashes the models
 * the open document names.
 */
public final class PreferencesModel {

    private final SessionViewModel session;
    private final InspectionService service;
    private final AppPreferences prefs;
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObservableList<Path> recentFilesView = FXCollections.unmodifiableObservableList(recentFiles);
    private final ReadOnlyObjectWrapper<Path> modelsFolder = new ReadOnlyObjectWrapper<>(this, "modelsFolder");

    PreferencesModel(SessionViewModel session, InspectionService service, AppPreferences prefs) {
        this.session = session;
        this.service = service;
        this.prefs = prefs;
        recentFiles.setAll(prefs.recentFiles());
        modelsFolder.set(prefs.modelsFolder());
    }

    /** Gives the areas their saved switches, then saves every change to them. */
    void restoreAndFollow(GraphTraceModel graph, OutputModel output) {
        graph.maxSamplersProperty().set(prefs.maxSamplers());
        output.multilineProperty().set(prefs.multiline());
        output.civitaiNamesProperty().set(prefs.civitaiNames());
        output.maxJpegExifKbProperty().set(Math.clamp(prefs.maxJpegExifKb(OutputSettings.DEFAULT_JPEG_EXIF_KB),
                OutputSettings.MIN_JPEG_EXIF_KB, OutputSettings.MAX_JPEG_EXIF_KB));
        try {
            output.outputFormatProperty().set(ContainerFormat.parse(prefs.outputFormat()));
        } catch (IllegalArgumentException stale) {
            output.outputFormatProperty().set(ContainerFormat.PNG);
        }
        graph.maxSamplersProperty().addListener((o, a, b) -> prefs.setMaxSamplers(b.intValue()));
        output.multilineProperty().addListener((o, a, b) -> prefs.setMultiline(b));
        output.civitaiNamesProperty().addListener((o, a, b) -> prefs.setCivitaiNames(b));
        output.outputFormatProperty().addListener((o, a, b) -> { if (b != null) prefs.setOutputFormat(b.id()); });
        output.maxJpegExifKbProperty().addListener((o, a, b) -> prefs.setMaxJpegExifKb(b.intValue()));
    }

    void addRecentFile(Path file) {
        prefs.addRecentFile(file);
        recentFiles.setAll(prefs.recentFiles());
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
        LoadedDocument doc = session.documentProperty().get();
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
            session.retrace();
            List<String> failed = task.getValue();
            if (!failed.isEmpty()) session.reportProblem("Some models could not be hashed", String.join("; ", failed));
        });
        task.setOnCancelled(e -> session.retrace());
        task.setOnFailed(e -> session.fail("Cannot hash the models in " + chosen.getFileName(), task.getException()));
        session.run(task);
        return task;
    }

    /** Saves settings that are not saved as they change. */
    void flush() { prefs.flush(); }

    public ReadOnlyObjectProperty<Path> modelsFolderProperty() { return modelsFolder.getReadOnlyProperty(); }

    /**
     * The recent files, read-only. One wrapper for the life of the model: the source list holds a
     * wrapper's listeners only weakly, so a wrapper made per call was collected with the listener
     * on it and Recent stayed disabled until a restart.
     */
    public ObservableList<Path> recentFiles() { return recentFilesView; }
}
