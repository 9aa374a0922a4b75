package com.samplerlens.app.write;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/** The re-embed dialog: shows where metadata and pixels come from and lets the user adjust the output name. */
public final class ReembedConfirmation implements WriteFlow.Confirmation {

    private final Window owner;

    public ReembedConfirmation(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> confirm(WriteFlow.ReembedPlan plan) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(owner);
        alert.setTitle("Re-embed metadata");
        alert.setHeaderText("Write this metadata into a copy of " + plan.target().getFileName() + "?");
        TextField output = new TextField(plan.output().getFileName().toString());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(8, 0, 0, 0));
        grid.addRow(0, caption("Metadata from"), new Label(plan.source().toString()));
        grid.addRow(1, caption("Pixels from"), new Label(plan.target().toString()));
        grid.addRow(2, caption("Format"), new Label(plan.format().name() + " (the target's own; its pixels are copied as they are)"));
        Label written = new Label(plan.written());
        written.setId("reembedWritten");
        written.setWrapText(true);
        grid.addRow(3, caption("Writes"), written);
        grid.addRow(4, caption("Output file"), output);
        grid.addRow(5, new Label(), note("in " + plan.output().getParent() + ". The target image itself is not changed."));
        GridPane.setHgrow(output, Priority.ALWAYS);
        alert.getDialogPane().setContent(grid);
        alert.getDialogPane().setPrefWidth(640);
        ButtonType write = new ButtonType("Write copy", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(write, ButtonType.CANCEL);
        return alert.showAndWait().filter(b -> b == write).map(b -> {
            String name = output.getText().isBlank() ? plan.output().getFileName().toString() : output.getText().trim();
            return plan.output().getParent().resolve(Path.of(name).getFileName());
        });
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    private static Label note(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        l.setWrapText(true);
        return l;
    }
}
