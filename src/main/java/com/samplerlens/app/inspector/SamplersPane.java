package com.samplerlens.app.inspector;

import atlantafx.base.theme.Styles;
import com.samplerlens.app.graph.AttributionLooks;
import com.samplerlens.app.graph.NodeLook;
import com.samplerlens.app.graph.SamplerPalette;
import com.samplerlens.app.kit.SaveNodeOption;
import com.samplerlens.app.session.SessionViewModel;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.trace.MultiSamplerOverride;
import com.samplerlens.core.trace.SamplerAttribution;
import com.samplerlens.core.trace.SamplerSelection;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.core.trace.TraceResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.util.StringConverter;

/**
 * The Samplers tab: the trace controls (max samplers, selection, save node, multi-sampler
 * override) and every sampler found, with its badge, colour and attributed nodes. Hovering a
 * sampler highlights its nodes in the graph; clicking one centres the graph on it.
 */
public final class SamplersPane extends VBox {

    private final SessionViewModel vm;
    private final ListView<SamplerAttribution> list = new ListView<>();
    private final ComboBox<String> saveNode = new ComboBox<>();
    private final ComboBox<String> samplerById = new ComboBox<>();
    private final Label emptyHint = new Label("No sampler found upstream of the save node");
    private Map<String, NodeLook.SamplerMark> marks = Map.of();

    public SamplersPane(SessionViewModel vm, ObjectProperty<String> highlightedSampler, Consumer<String> focusNode) {
        this.vm = vm;
        getStyleClass().add("samplers-pane");
        setSpacing(10);
        setPadding(new Insets(12));

        Spinner<Integer> max = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, TraceOptions.MAX_SAMPLERS_LIMIT, vm.graph().maxSamplersProperty().get()));
        max.setId("maxSamplers");
        max.setEditable(true);
        max.setPrefWidth(90);
        max.getValueFactory().valueProperty().addListener((o, a, b) -> { if (b != null) vm.graph().maxSamplersProperty().set(b); });
        vm.graph().maxSamplersProperty().addListener((o, a, b) -> max.getValueFactory().setValue(b.intValue()));
        max.setTooltip(new Tooltip("How many samplers are written to the metadata (1 = one sampler, as the anchor node does)"));
        Label found = new Label();
        found.setId("samplersFound");
        found.getStyleClass().add(Styles.TEXT_MUTED);
        found.textProperty().bind(vm.graph().samplersFoundProperty());

        ComboBox<SamplerSelection.Method> method = new ComboBox<>(FXCollections.observableArrayList(SamplerSelection.Method.values()));
        method.setId("selectionMethod");
        method.valueProperty().bindBidirectional(vm.graph().selectionMethodProperty());
        method.setConverter(labels(Map.of(SamplerSelection.Method.FARTHEST, "Farthest", SamplerSelection.Method.NEAREST, "Nearest",
                SamplerSelection.Method.BY_NODE_ID, "By node ID")));
        samplerById.setId("selectionNode");
        samplerById.valueProperty().bindBidirectional(vm.graph().selectionNodeIdProperty());
        samplerById.visibleProperty().bind(method.valueProperty().isEqualTo(SamplerSelection.Method.BY_NODE_ID));
        samplerById.managedProperty().bind(samplerById.visibleProperty());
        samplerById.setPromptText("sampler");

        saveNode.setId("saveNode");
        saveNode.setPromptText("default");
        // a bare id says nothing: each output shows its title, class and samplers upstream, the default marked
        saveNode.setConverter(new StringConverter<>() {
            @Override public String toString(String id) {
                if (id == null) return "";
                SaveNodeOption option = saveNodeOption(id);
                return option == null ? "#" + id : option.label();
            }
            @Override public String fromString(String s) { return s; }
        });
        saveNode.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty || id == null ? null : saveNode.getConverter().toString(id));
                SaveNodeOption option = empty || id == null ? null : saveNodeOption(id);
                setStyle(option != null && option.isDefault() ? "-fx-font-weight: bold;" : "");
            }
        });
        // JavaFX leaves the button blank (not the prompt) once the value returns to null, as it does
        // on opening another file: the button says itself which node the default is
        saveNode.setButtonCell(saveButton);
        saveNode.valueProperty().bindBidirectional(vm.graph().saveNodeIdProperty());

        ComboBox<MultiSamplerOverride> mode = new ComboBox<>(FXCollections.observableArrayList(MultiSamplerOverride.values()));
        mode.setId("override");
        mode.valueProperty().bindBidirectional(vm.graph().overrideProperty());
        mode.setConverter(labels(Map.of(MultiSamplerOverride.AUTO, "Automatic", MultiSamplerOverride.FORCE_MULTI, "Force multi-sampler",
                MultiSamplerOverride.SINGLE, "Single sampler only")));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, caption("Max samplers"), new HBox(10, max, found));
        ((HBox) grid.getChildren().get(1)).setAlignment(Pos.CENTER_LEFT);
        grid.addRow(1, caption("Selection"), new HBox(6, method, samplerById));
        saveNodeWhy.setId("saveNodeWhy");
        saveNodeWhy.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        saveNodeWhy.setWrapText(true);
        saveNode.setMaxWidth(Double.MAX_VALUE);
        saveNode.setTooltip(new Tooltip("The output node the image came from: the metadata is traced from it"));
        grid.addRow(2, caption("Save node"), new VBox(2, saveNode, saveNodeWhy));
        grid.addRow(3, caption("Mode"), mode);

        Label origin = new Label();
        origin.setId("valuesOrigin");
        origin.setWrapText(true);
        origin.getStyleClass().add(Styles.TEXT_MUTED);
        origin.textProperty().bind(vm.graph().valuesOriginProperty());
        origin.visibleProperty().bind(vm.graph().valuesOriginProperty().isNotEmpty());
        origin.managedProperty().bind(origin.visibleProperty());

        Label heading = new Label("Samplers");
        heading.getStyleClass().add(Styles.TITLE_4);
        list.setId("samplerList");
        emptyHint.setId("noSamplerHint");
        emptyHint.setWrapText(true);
        emptyHint.setPadding(new Insets(10));
        list.setPlaceholder(emptyHint);
        list.setCellFactory(v -> new SamplerCell(highlightedSampler, focusNode));
        VBox.setVgrow(list, Priority.ALWAYS);
        SamplerFieldsEditor editor = new SamplerFieldsEditor(vm);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> editor.select(s != null && s.traced() ? s.number() : 0));
        getChildren().addAll(grid, origin, heading, list, editor);

        vm.graph().traceProperty().addListener((o, a, b) -> refresh(b));
    }

    private void refresh(TraceResult trace) {
        if (trace == null) {
            list.getItems().clear();
            return;
        }
        Map<String, NodeLook.SamplerMark> byId = new HashMap<>();
        for (NodeLook.SamplerMark m : AttributionLooks.marks(trace)) byId.put(m.nodeId(), m);
        marks = byId;
        // traced first, by number; then the others, nearest first
        List<SamplerAttribution> ordered = new java.util.ArrayList<>(trace.traced());
        trace.samplers().stream().filter(s -> !s.traced()).forEach(ordered::add);
        int selected = list.getSelectionModel().getSelectedItem() == null ? 1 : list.getSelectionModel().getSelectedItem().number();
        list.getItems().setAll(ordered);
        // keep editing the same Sampler_N across re-traces; Sampler_1 at first
        ordered.stream().filter(s -> s.traced() && s.number() == selected).findFirst()
                .or(() -> ordered.stream().filter(SamplerAttribution::traced).findFirst())
                .ifPresent(s -> list.getSelectionModel().select(s));
        emptyHint.setText(noSamplerText(trace, vm.documentProperty().get() == null ? null : vm.documentProperty().get().graph()));
        String keepSave = vm.graph().saveNodeIdProperty().get();
        List<String> outputs = vm.graph().saveNodesProperty().get().stream().map(SaveNodeOption::id).toList();
        if (outputs.isEmpty()) outputs = trace.outputNodeIds();
        saveNode.getItems().setAll(outputs);
        saveNode.setDisable(outputs.size() < 2);
        saveNode.setValue(keepSave);
        // the default's text follows the trace even when the value stays null
        saveButton.refresh();
        String keepSampler = vm.graph().selectionNodeIdProperty().get();
        samplerById.getItems().setAll(trace.samplers().stream().map(SamplerAttribution::nodeId).sorted(com.samplerlens.core.graph.NodeIds.ORDER).toList());
        samplerById.setValue(keepSampler);
    }

    /**
     * What to say when the save node has no sampler upstream. A workflow file does not say which
     * output made the image, and the default (first output node by id) is sometimes a preview:
     * then the user is pointed at the Save node choice.
     */
    static String noSamplerText(TraceResult trace, Graph graph) {
        if (graph != null && graph.size() == 0) return "This image has no ComfyUI graph, only its parameters text: see its summary.";
        if (trace.saveNodeId() == null) return "This graph has no output node, so there is nothing to trace from.";
        Node save = graph == null ? null : graph.node(trace.saveNodeId());
        String which = "#" + trace.saveNodeId() + (save == null ? "" : " (" + save.classType() + ")");
        if (trace.outputNodeIds().size() < 2) return "No sampler found upstream of the save node " + which + ".";
        return "No sampler found upstream of the save node " + which + ". This graph has " + trace.outputNodeIds().size()
                + " output nodes: choose the one your image came from under Save node above.";
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static <T> StringConverter<T> labels(Map<T, String> names) {
        return new StringConverter<>() {
            @Override public String toString(T t) { return t == null ? "" : names.get(t); }
            @Override public T fromString(String s) { return names.entrySet().stream().filter(e -> e.getValue().equals(s)).map(Map.Entry::getKey).findFirst().orElse(null); }
        };
    }

    private SaveNodeOption saveNodeOption(String id) {
        return vm.graph().saveNodesProperty().get().stream().filter(o -> o.id().equals(id)).findFirst().orElse(null);
    }

    private final Label saveNodeWhy = new Label();
    private final SaveNodeButton saveButton = new SaveNodeButton();

    /** The save node picker's button: the chosen node, or which node the default is. */
    private final class SaveNodeButton extends ListCell<String> {
        @Override
        protected void updateItem(String id, boolean empty) {
            super.updateItem(id, empty);
            TraceResult trace = vm.graph().traceProperty().get();
            String shown = id != null && !empty ? id : trace == null ? null : trace.saveNodeId();
            SaveNodeOption option = shown == null ? null : saveNodeOption(shown);
            // the button is narrow: the default mark goes to the line under it
            setText(shown == null ? "default" : option == null ? "#" + shown : option.shortLabel());
            SaveNodeOption preset = vm.documentProperty().get() == null ? null : vm.documentProperty().get().defaultSaveNode();
            saveNodeWhy.setText(preset == null ? ""
                    : id == null || empty || id.equals(preset.id()) ? "The default: " + preset.why()
                    : "Your choice; the default is #" + preset.id() + " (" + preset.why() + ")");
        }

        void refresh() { updateItem(saveNode.getValue(), false); }
    }

    private final class SamplerCell extends ListCell<SamplerAttribution> {
        SamplerCell(ObjectProperty<String> highlighted, Consumer<String> focusNode) {
            // follow the list's width instead of growing it: long model names wrap, no horizontal scroll bar
            setPrefWidth(0);
            setOnMouseEntered(e -> { if (getItem() != null) highlighted.set(getItem().nodeId()); });
            setOnMouseExited(e -> highlighted.set(null));
            setOnMouseClicked(e -> { if (getItem() != null) focusNode.accept(getItem().nodeId()); });
        }

        @Override
        protected void updateItem(SamplerAttribution s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            NodeLook.SamplerMark mark = marks.get(s.nodeId());
            var colour = SamplerPalette.colour(mark == null ? 0 : mark.colourIndex());
            Rectangle swatch = new Rectangle(34, 22);
            swatch.setArcWidth(10);
            swatch.setArcHeight(10);
            swatch.setFill(s.traced() ? colour : SamplerPalette.muted(colour));
            Label badge = new Label(mark == null ? "" : mark.badge());
            badge.setStyle("-fx-font-weight: bold; -fx-text-fill: " + web(SamplerPalette.textOn(s.traced() ? colour : SamplerPalette.muted(colour))) + ";");
            StackPane chip = new StackPane(swatch, badge);

            Graph graph = vm.documentProperty().get() == null ? null : vm.documentProperty().get().graph();
            Node node = graph == null ? null : graph.node(s.nodeId());
            Label title = new Label(node == null ? s.classType() : node.displayName());
            title.getStyleClass().add(Styles.TEXT_BOLD);
            Label detail = new Label("#" + s.nodeId() + " · " + s.classType() + " · " + s.distance() + " hops · "
                    + s.attributed().size() + " nodes" + (s.traced() ? "" : " · not written"));
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            detail.setWrapText(true);
            VBox text = new VBox(2, title, detail);
            var inspection = vm.output().inspectionProperty().get();
            var fields = inspection == null ? java.util.Map.<String, String>of() : inspection.samplerFields().getOrDefault(s.nodeId(), java.util.Map.of());
            String summary = summary(fields);
            if (s.traced() && !summary.isEmpty()) {
                Label written = new Label(summary);
                written.getStyleClass().add(Styles.TEXT_SMALL);
                written.setWrapText(true);
                text.getChildren().add(written);
            }
            HBox row = new HBox(10, chip, text);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setOpacity(s.traced() ? 1 : 0.7);
            setText(null);
            setGraphic(row);
        }
    }

    /** Model and step range, what tells two samplers of a MoE pair apart at a glance. */
    private static String summary(Map<String, String> fields) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (fields.containsKey("Model")) parts.add(fields.get("Model"));
        if (fields.containsKey("Start step") && fields.containsKey("End step")) {
            parts.add("steps " + fields.get("Start step") + "–" + fields.get("End step"));
        } else if (fields.containsKey("Steps")) {
            parts.add(fields.get("Steps") + " steps");
        }
        if (fields.containsKey("Sampler")) parts.add(fields.get("Sampler") + (fields.containsKey("Scheduler") ? " / " + fields.get("Scheduler") : ""));
        return String.join(" · ", parts);
    }

    private static String web(javafx.scene.paint.Color c) {
        return String.format("#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255));
    }
}
