package com.samplerlens.app.output;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import com.samplerlens.app.kit.OutputPreview;
import com.samplerlens.app.kit.OutputSettings;
import com.samplerlens.app.session.SessionViewModel;
import com.samplerlens.core.container.ContainerFormat;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Output tab: the output controls, the parameters text that would be written, the PNG
 * chunks or EXIF fields, and for JPEG every fallback stage with its byte sizes and content.
 * All numbers are those the core computed.
 */
public final class OutputPane extends VBox {

    private final SessionViewModel vm;
    private final TextArea parameters = new TextArea();
    private final TableView<OutputPreview.Field> fields = new TableView<>();
    private final TableView<OutputPreview.Stage> stages = new TableView<>();
    private final TextArea content = new TextArea();
    private final Label notes = new Label();
    private final VBox stagesBox;

    public OutputPane(SessionViewModel vm) {
        this.vm = vm;
        setId("outputPane");
        setSpacing(10);
        setPadding(new Insets(12));

        parameters.setId("parametersText");
        parameters.setEditable(false);
        parameters.setWrapText(true);
        parameters.setPrefRowCount(7);
        parameters.getStyleClass().add("mono");
        Button copy = new Button("Copy");
        copy.setId("copyParameters");
        copy.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(parameters.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        copy.disableProperty().bind(parameters.textProperty().isEmpty());

        fields.setId("fieldsTable");
        fields.getColumns().setAll(java.util.List.of(
                column("Field", f -> f.key(), 130),
                column("Where", f -> f.location(), 130),
                column("Bytes", f -> String.format("%,d", f.bytes()), 80)));
        fields.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fields.setPrefHeight(130);
        fields.setPlaceholder(new Label("Nothing to write"));
        fields.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> { if (f != null) content.setText(f.text()); });

        stages.setId("stagesTable");
        stages.getColumns().setAll(java.util.List.of(
                stageColumn("Stage", s -> (s.chosen() ? "▶ " : "") + s.name(), 120),
                stageColumn("Fits", s -> s.fits() ? "yes" : "no", 50),
                stageColumn("Metadata", s -> String.format("%,d B", s.metadataBytes()), 95),
                stageColumn("File", s -> s.fileBytes() < 0 ? "—" : String.format("%,d B", s.fileBytes()), 95)));
        stages.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        stages.setPrefHeight(150);
        stages.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(OutputPreview.Stage s, boolean empty) {
                super.updateItem(s, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("chosen"), !empty && s != null && s.chosen());
            }
        });
        stages.setPlaceholder(new Label("Nothing to write"));
        stages.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> { if (s != null) content.setText(s.content()); });

        content.setId("contentText");
        content.setEditable(false);
        content.setWrapText(true);
        content.setPromptText("Select a field or a stage to see what it writes");
        content.getStyleClass().add("mono");
        VBox.setVgrow(content, Priority.ALWAYS);
        notes.setWrapText(true);
        notes.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        HBox paramsHead = new HBox(8, heading("Parameters"), spacer(), copy);
        paramsHead.setAlignment(Pos.CENTER_LEFT);
        stagesBox = new VBox(6, heading("JPEG fallback stages"), stages);
        stagesBox.visibleProperty().bind(vm.output().outputFormatProperty().isEqualTo(ContainerFormat.JPEG));
        stagesBox.managedProperty().bind(stagesBox.visibleProperty());
        getChildren().addAll(controls(), paramsHead, parameters, new com.samplerlens.app.edit.EditPane(vm),
                heading("Fields written"), fields, stagesBox, content, notes);

        vm.output().previewProperty().addListener((o, a, p) -> show(p));
        show(vm.output().previewProperty().get());
    }

    private GridPane controls() {
        ComboBox<ContainerFormat> format = new ComboBox<>(FXCollections.observableArrayList(ContainerFormat.PNG, ContainerFormat.JPEG, ContainerFormat.WEBP));
        format.setId("outputFormat");
        format.valueProperty().bindBidirectional(vm.output().outputFormatProperty());
        format.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(ContainerFormat f) { return f == null ? "" : f == ContainerFormat.WEBP ? "WebP" : f.name(); }
            @Override public ContainerFormat fromString(String s) { return ContainerFormat.parse(s); }
        });
        Spinner<Integer> kb = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                OutputSettings.MIN_JPEG_EXIF_KB, OutputSettings.MAX_JPEG_EXIF_KB, vm.output().maxJpegExifKbProperty().get()));
        kb.setId("maxJpegExifKb");
        kb.setEditable(true);
        kb.setPrefWidth(90);
        kb.getValueFactory().valueProperty().addListener((o, a, b) -> { if (b != null) vm.output().maxJpegExifKbProperty().set(b); });
        kb.disableProperty().bind(vm.output().outputFormatProperty().isNotEqualTo(ContainerFormat.JPEG));
        ToggleSwitch multiline = new ToggleSwitch("One key per line");
        multiline.setId("multiline");
        multiline.selectedProperty().bindBidirectional(vm.output().multilineProperty());
        ToggleSwitch civitai = new ToggleSwitch("Civitai sampler names");
        civitai.setId("civitaiNames");
        civitai.selectedProperty().bindBidirectional(vm.output().civitaiNamesProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, caption("Format"), new HBox(10, format, caption("max EXIF KB"), kb));
        grid.addRow(1, caption("Text"), new javafx.scene.layout.FlowPane(16, 6, multiline, civitai));
        grid.getChildren().stream().filter(HBox.class::isInstance).forEach(n -> ((HBox) n).setAlignment(Pos.CENTER_LEFT));
        return grid;
    }

    private void show(OutputPreview p) {
        if (p == null) {
            parameters.clear();
            fields.getItems().clear();
            stages.getItems().clear();
            content.clear();
            notes.setText("");
            return;
        }
        parameters.setText(p.parameters() == null ? "" : p.parameters());
        fields.getItems().setAll(p.fields());
        stages.getItems().setAll(p.stages());
        content.clear();
        p.stages().stream().filter(OutputPreview.Stage::chosen).findFirst().ifPresent(s -> stages.getSelectionModel().select(s));
        notes.setText(String.join("\n", p.notes()));
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static javafx.scene.layout.Region spacer() {
        javafx.scene.layout.Region r = new javafx.scene.layout.Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static TableColumn<OutputPreview.Field, String> column(String name, java.util.function.Function<OutputPreview.Field, String> value, double width) {
        TableColumn<OutputPreview.Field, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private static TableColumn<OutputPreview.Stage, String> stageColumn(String name, java.util.function.Function<OutputPreview.Stage, String> value, double width) {
        TableColumn<OutputPreview.Stage, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
