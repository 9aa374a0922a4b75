package com.samplerlens.app.write;

import com.samplerlens.app.kit.InspectionService;
import com.samplerlens.app.kit.LoadedDocument;
import com.samplerlens.app.kit.OutputNames;
import com.samplerlens.app.session.SessionViewModel;
import com.samplerlens.core.container.ContainerFormat;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Write… and Re-embed…: choose where the current metadata goes, confirm, and hand the work to
 * the core writer through the view model. Nothing is written over an existing file unless the
 * user picked that file in a save dialog (which asks before replacing).
 */
public final class WriteFlow {

    /** Asks the user to confirm a re-embed; returns the output path to use, or empty to cancel. */
    @FunctionalInterface
    public interface Confirmation {
        Optional<Path> confirm(ReembedPlan plan);
    }

    /** Where the metadata comes from, which pixels receive it, and the proposed output file. */
    /**
     * What a re-embed will do, for the confirmation.
     *
     * @param format  the target's format, which the copy keeps
     * @param written what will be written: the JPEG stage chosen or the chunks, and their size
     */
    public record ReembedPlan(Path source, Path target, Path output, ContainerFormat format, String written) {}

    /** The stage or fields the preview chose, with sizes, when the preview is for the target's format. */
    static String describeWrite(com.samplerlens.app.kit.OutputPreview preview, ContainerFormat previewFormat, ContainerFormat target, long targetBytes) {
        if (preview == null) return "measured when written";
        if (previewFormat != target) {
            return "the Output tab previews " + previewFormat.name() + "; the " + target.name() + " stage and sizes are chosen when written";
        }
        long metadata;
        String what;
        var chosen = preview.stages().stream().filter(com.samplerlens.app.kit.OutputPreview.Stage::chosen).findFirst();
        if (chosen.isPresent()) {
            metadata = chosen.get().metadataBytes();
            what = "JPEG stage \"" + chosen.get().name() + "\" (" + chosen.get().content() + ")";
        } else {
            metadata = preview.fields().stream().mapToLong(com.samplerlens.app.kit.OutputPreview.Field::bytes).sum();
            what = preview.fields().size() + (target == ContainerFormat.PNG ? " text chunks" : " EXIF fields");
        }
        return String.format("%s, %,d bytes of metadata; the copy will be about %,d bytes", what, metadata, targetBytes + metadata);
    }

    private final SessionViewModel vm;
    private final Window owner;
    private final Confirmation confirmation;
    private final Consumer<InspectionService.WriteOutcome> onWritten;

    public WriteFlow(SessionViewModel vm, Window owner, Confirmation confirmation, Consumer<InspectionService.WriteOutcome> onWritten) {
        this.vm = vm;
        this.owner = owner;
        this.confirmation = confirmation;
        this.onWritten = onWritten;
    }

    /** Write…: an image source is copied with new metadata; a JSON source first asks which image receives it. */
    public void writeAs() {
        LoadedDocument doc = vm.documentProperty().get();
        if (!ready(doc)) return;
        if (doc.format() == ContainerFormat.JSON) {
            chooseImage("Choose the image that receives the metadata").ifPresent(this::reembed);
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Write metadata to");
        Path proposed = OutputNames.propose(doc.file(), doc.format());
        chooser.setInitialDirectory(proposed.getParent().toFile());
        chooser.setInitialFileName(proposed.getFileName().toString());
        File out = chooser.showSaveDialog(owner);
        // the save dialog itself asked before choosing an existing file
        if (out != null) vm.output().write(doc.file(), out.toPath(), out.exists(), onWritten);
    }

    /** Re-embed…: pick a target image, then the same path as a drop. */
    public void reembedChosen() {
        if (!ready(vm.documentProperty().get())) return;
        chooseImage("Choose the image that receives the metadata").ifPresent(this::reembed);
    }

    /** Writes the current metadata into a copy of {@code target} after the user confirmed source, target and output. */
    public void reembed(Path target) {
        LoadedDocument doc = vm.documentProperty().get();
        if (!ready(doc)) return;
        if (!Files.isRegularFile(target)) {
            vm.reportProblem("Cannot re-embed", target.getFileName() + ": not a file");
            return;
        }
        ContainerFormat format = OutputNames.imageFormatOf(target).orElse(null);
        if (format == null) {
            vm.reportProblem("Cannot re-embed", target.getFileName() + ": only a PNG, JPEG or WebP image can receive metadata");
            return;
        }
        long targetBytes;
        try {
            targetBytes = Files.size(target);
        } catch (java.io.IOException e) {
            targetBytes = 0;
        }
        ReembedPlan plan = new ReembedPlan(doc.file(), target, OutputNames.propose(target, format), format,
                describeWrite(vm.output().previewProperty().get(), vm.output().outputFormatProperty().get(), format, targetBytes));
        confirmation.confirm(plan).ifPresent(out -> {
            if (Files.exists(out) && !out.equals(plan.output())) {
                // the user typed an existing name in the confirmation: only the save dialog may replace files
                vm.reportProblem("Not written", out.getFileName() + " already exists; choose another name");
                return;
            }
            vm.output().write(target, out, false, onWritten);
        });
    }

    private boolean ready(LoadedDocument doc) {
        if (doc == null) {
            vm.reportProblem("Nothing to write", "Open a workflow or an image first");
            return false;
        }
        if (!vm.output().canWrite()) {
            vm.reportProblem("Cannot write yet", "This build has no metadata writer");
            return false;
        }
        return true;
    }

    private Optional<Path> chooseImage(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.webp"));
        File f = chooser.showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }
}
