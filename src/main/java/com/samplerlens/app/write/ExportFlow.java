package com.samplerlens.app.write;

import com.samplerlens.app.kit.LoadedDocument;
import com.samplerlens.app.session.SessionViewModel;
import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.inspect.MetadataExport;
import com.samplerlens.core.write.MetadataStripper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Save clean copy…, Export parameters / JSON… and the clipboard copies: the user picks where
 * (the save dialog asks before replacing a file), the view model does the work.
 */
public final class ExportFlow {

    private final SessionViewModel vm;
    private final Window owner;
    private final Consumer<String> onDone;

    public ExportFlow(SessionViewModel vm, Window owner, Consumer<String> onDone) {
        this.vm = vm;
        this.owner = owner;
        this.onDone = onDone;
    }

    /** A copy without generation metadata, proposed as {@code <name>_clean.<ext>} ({@code _clean_2} … when taken). */
    public void saveCleanCopy() {
        LoadedDocument doc = vm.documentProperty().get();
        if (doc == null || doc.format() == ContainerFormat.JSON) {
            vm.reportProblem("Nothing to clean", "Open a PNG, JPEG or WebP image first");
            return;
        }
        Path proposed = free(MetadataStripper.defaultTarget(doc.file().toAbsolutePath()));
        File out = save("Save a copy without generation metadata", proposed);
        if (out != null) vm.output().saveCleanCopy(out.toPath(), out.exists(), p -> onDone.accept("Saved " + p.getFileName() + " without generation metadata"));
    }

    public void export(MetadataExport.Kind kind) {
        LoadedDocument doc = vm.documentProperty().get();
        if (doc == null) {
            vm.reportProblem("Nothing to export", "Open a workflow or an image first");
            return;
        }
        File out = save(kind == MetadataExport.Kind.TXT ? "Export parameters" : "Export as JSON",
                MetadataExport.target(doc.file().toAbsolutePath(), kind));
        if (out != null && vm.output().exportTo(out.toPath(), kind, out.exists())) onDone.accept("Exported " + out.getName());
    }

    public void copy(MetadataExport.Kind kind) {
        vm.output().exportText(kind).ifPresent(text -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            Clipboard.getSystemClipboard().setContent(c);
        });
    }

    private File save(String title, Path proposed) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialDirectory(proposed.getParent().toFile());
        chooser.setInitialFileName(proposed.getFileName().toString());
        return chooser.showSaveDialog(owner);
    }

    /** {@code photo_clean.png}, or {@code photo_clean_2.png} … when that exists. */
    static Path free(Path proposed) {
        String name = proposed.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        Path candidate = proposed;
        for (int n = 2; Files.exists(candidate); n++) candidate = proposed.resolveSibling(stem + "_" + n + ext);
        return candidate;
    }
}
