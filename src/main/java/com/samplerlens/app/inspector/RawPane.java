package com.samplerlens.app.inspector;

import atlantafx.base.theme.Styles;
import com.samplerlens.app.kit.LoadedDocument;
import com.samplerlens.app.session.SessionViewModel;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Raw tab: the metadata texts the source carried, its chunk / segment structure and the problems met reading it. */
public final class RawPane extends VBox {

    private static final String STRUCTURE = "File structure";
    private static final String PROBLEMS = "Warnings";

    private final ComboBox<String> key = new ComboBox<>();
    private final TextArea text = new TextArea();
    private final SessionViewModel vm;

    public RawPane(SessionViewModel vm) {
        this.vm = vm;
        setId("rawPane");
        setSpacing(8);
        setPadding(new Insets(12));
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("mono");
        VBox.setVgrow(text, Priority.ALWAYS);
        key.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(key, Priority.ALWAYS);
        Label caption = new Label("Show");
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        HBox top = new HBox(8, caption, key);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(top, text);
        // a workflow can be hundreds of KB: its text is laid out only when this tab is on screen
        key.valueProperty().addListener((o, a, b) -> { if (isVisible()) showKey(b); });
        visibleProperty().addListener((o, a, shown) -> { if (shown) showKey(key.getValue()); });
        vm.documentProperty().addListener((o, a, doc) -> refresh(doc));
        vm.graph().traceProperty().addListener((o, a, b) -> { if (PROBLEMS.equals(key.getValue())) showKey(PROBLEMS); });
        refresh(vm.documentProperty().get());
    }

    private void refresh(LoadedDocument doc) {
        key.getItems().clear();
        if (doc == null) return;
        key.getItems().addAll(doc.texts().keySet());
        if (!doc.structure().isEmpty()) key.getItems().add(STRUCTURE);
        key.getItems().add(PROBLEMS);
        key.setValue(key.getItems().getFirst());
        if (!isVisible()) text.clear();
    }

    private void showKey(String k) {
        LoadedDocument doc = vm.documentProperty().get();
        if (doc == null || k == null) {
            text.clear();
            return;
        }
        text.setText(switch (k) {
            case STRUCTURE -> String.join("\n", doc.structure());
            case PROBLEMS -> vm.warnings().isEmpty() ? "No warnings." : String.join("\n", vm.warnings());
            default -> doc.texts().getOrDefault(k, "");
        });
    }
}
