package com.samplerlens.app.inspector;

import atlantafx.base.theme.Styles;
import com.samplerlens.app.graph.NodeLook;
import com.samplerlens.app.graph.SamplerPalette;
import com.samplerlens.app.session.SessionViewModel;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.InputValue;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.render.NodeCaptures;
import com.samplerlens.core.trace.AttributionPath;
import com.samplerlens.core.trace.TraceResult;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The Node tab: what the selected node is, why it is coloured the way it is (the chain of links
 * to its sampler, or to the save node), the keys of the parameters text its values went to, a
 * sampler's written fields, and its inputs, where a linked input jumps to its source.
 */
public final class NodeInspector extends ScrollPane {

    private static final int MAX_VALUE_CHARS = 600;

    private final SessionViewModel vm;
    private final Function<String, NodeLook> lookOf;
    private final Consumer<String> focusNode;
    private final VBox content = new VBox(12);
    private String nodeId;

    public NodeInspector(SessionViewModel vm, Function<String, NodeLook> lookOf, Consumer<String> focusNode) {
        this.vm = vm;
        this.lookOf = lookOf;
        this.focusNode = focusNode;
        setId("nodeInspector");
        setFitToWidth(true);
        content.setPadding(new Insets(14));
        setContent(content);
        // set last by every retrace and by every edit, after the trace and the colours
        vm.output().inspectionProperty().addListener((o, a, b) -> show(nodeId));
        show(null);
    }

    public void show(String id) {
        nodeId = id;
        content.getChildren().clear();
        Graph graph = vm.documentProperty().get() == null ? null : vm.documentProperty().get().graph();
        Node node = graph == null || id == null ? null : graph.node(id);
        if (node == null && id != null && graph != null && showSubgraph(graph, id)) return;
        if (node == null) {
            Label hint = new Label("Click a node in the graph to see what it gave to the metadata, its inputs and why it belongs to its sampler.");
            hint.setWrapText(true);
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            content.getChildren().add(hint);
            return;
        }
        Label title = new Label(node.displayName());
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        Label kind = new Label(node.classType() + "  ·  #" + node.id() + modeText(node.mode()));
        kind.getStyleClass().add(Styles.TEXT_MUTED);
        content.getChildren().add(new VBox(2, title, kind));
        TraceResult traced = vm.graph().traceProperty().get();
        if (traced != null && traced.outputNodeIds().contains(node.id()) && !node.id().equals(traced.saveNodeId())) {
            // any output node can be the save node: choosing it here is the picker's choice, one click away
            javafx.scene.control.Button useAsSave = new javafx.scene.control.Button("Use as save node");
            useAsSave.setId("useAsSaveNode");
            useAsSave.setOnAction(e -> vm.graph().saveNodeIdProperty().set(node.id()));
            content.getChildren().add(useAsSave);
        }
        content.getChildren().addAll(section("Why this colour"), membership(graph, node));
        var inspection = vm.output().inspectionProperty().get();
        List<NodeCaptures.Capture> captures = inspection == null ? List.of() : inspection.captures().of(node.id());
        if (!captures.isEmpty()) {
            List<Map.Entry<String, String>> rows = captures.stream()
                    .map(c -> Map.entry(c.sampler() == null ? c.label() : "Sampler_" + c.sampler() + " · " + c.label(), c.value())).toList();
            GridPane grid = fieldGrid(rows);
            grid.setId("nodeCaptures");
            content.getChildren().addAll(section("Captured"), grid);
        }
        Map<String, String> fields = inspection == null ? Map.of() : inspection.samplerFields().getOrDefault(node.id(), Map.of());
        if (!fields.isEmpty()) content.getChildren().addAll(section("Written fields"), fieldGrid(List.copyOf(fields.entrySet())));
        List<String> notes = inspection == null ? List.of() : inspection.notes().getOrDefault(node.id(), List.of());
        if (!notes.isEmpty()) {
            VBox box = new VBox(4);
            notes.forEach(n -> box.getChildren().add(wrapped("• " + n)));
            content.getChildren().addAll(section("Notes"), box);
        }
        content.getChildren().addAll(section("Inputs"), inputs(graph, node));
    }

    /**
     * A subgraph instance is no node of the traced graph (its nodes are, as "311:248"): say what it
     * holds, with a link to each sampler inside, which opens it.
     */
    private boolean showSubgraph(Graph graph, String id) {
        String prefix = id + ":";
        List<Node> inside = graph.nodes().values().stream().filter(n -> n.id().startsWith(prefix)).toList();
        if (inside.isEmpty()) return false;
        Label title = new Label("Subgraph #" + id);
        title.getStyleClass().add(Styles.TITLE_3);
        content.getChildren().addAll(title, wrapped(inside.size() + " nodes inside. Double-click it in the graph to open it."));
        TraceResult trace = vm.graph().traceProperty().get();
        if (trace != null) {
            VBox samplers = new VBox(4);
            for (var s : trace.samplers()) {
                if (!s.nodeId().startsWith(prefix)) continue;
                Node n = graph.node(s.nodeId());
                javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(
                        (s.traced() ? "S" + s.number() : "S–") + "  " + (n == null ? s.classType() : n.displayName()) + " #" + s.nodeId());
                link.setOnAction(e -> focusNode.accept(s.nodeId()));
                samplers.getChildren().add(link);
            }
            if (!samplers.getChildren().isEmpty()) content.getChildren().addAll(section("Samplers inside"), samplers);
        }
        return true;
    }

    /** Label → value rows, long values cut. */
    private static GridPane fieldGrid(List<Map.Entry<String, String>> rows) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        int row = 0;
        for (Map.Entry<String, String> f : rows) {
            Label name = new Label(f.getKey());
            name.getStyleClass().add(Styles.TEXT_MUTED);
            name.setMinWidth(Region.USE_PREF_SIZE);
            GridPane.setValignment(name, javafx.geometry.VPos.TOP);
            grid.addRow(row++, name, wrapped(shorten(f.getValue())));
        }
        return grid;
    }

    private static String modeText(int mode) {
        return switch (mode) {
            case 2 -> "  ·  muted";
            case 4 -> "  ·  bypassed";
            default -> "";
        };
    }

    private VBox membership(Graph graph, Node node) {
        VBox box = new VBox(8);
        TraceResult trace = vm.graph().traceProperty().get();
        NodeLook look = lookOf.apply(node.id());
        if (trace == null || trace.saveNodeId() == null) {
            box.getChildren().add(wrapped("No save node was traced, so nothing is attributed."));
            return box;
        }
        if (look.save()) box.getChildren().add(wrapped("This is the save node: the trace starts here."));
        if (!look.upstream()) {
            box.getChildren().add(wrapped("Not upstream of the save node #" + trace.saveNodeId() + ": nothing from it is written (drawn faded)."));
            return box;
        }
        if (look.sampler() != null) {
            box.getChildren().add(wrapped(look.sampler().traced()
                    ? "A sampler, written as " + look.sampler().badge().replace("S", "Sampler_") + " (" + trace.distances().get(node.id()) + " hops from the save node)."
                    : "A sampler that is found but not written with the current max samplers (drawn hatched)."));
        }
        for (NodeLook.SamplerMark m : look.memberships()) {
            if (m.nodeId().equals(node.id())) continue;
            javafx.scene.layout.HBox row = chipLine(chip(m), wrapped((m.traced() ? "Belongs to " : "Would belong to ") + nameOf(graph, m.nodeId())
                    + (m.traced() ? "" : " (not written)") + " through:"));
            box.getChildren().addAll(row, pathLinks(graph, AttributionPath.toSampler(graph, trace, node.id(), m.nodeId())));
        }
        if (look.shared()) {
            box.getChildren().add(wrapped("Shared: reached from the save node without belonging to any sampler. Its values only fill gaps a sampler has (the VAE, for example). Path to the save node:"));
            box.getChildren().add(pathLinks(graph, AttributionPath.toSaveNode(graph, trace, node.id())));
        }
        return box;
    }

    private FlowPane pathLinks(Graph graph, List<String> path) {
        FlowPane flow = new FlowPane(2, 2);
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) flow.getChildren().add(new Label("→"));
            String id = path.get(i);
            Hyperlink link = new Hyperlink(nameOf(graph, id));
            link.setOnAction(e -> focusNode.accept(id));
            flow.getChildren().add(link);
        }
        return flow;
    }

    private GridPane inputs(Graph graph, Node node) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        int row = 0;
        for (Map.Entry<String, InputValue> in : node.inputs().entrySet()) {
            Label name = new Label(in.getKey());
            name.getStyleClass().add(Styles.TEXT_MUTED);
            name.setMinWidth(Region.USE_PREF_SIZE);
            javafx.scene.Node value = switch (in.getValue()) {
                case InputValue.Link l when graph.contains(l.sourceId()) -> {
                    Hyperlink link = new Hyperlink("← " + nameOf(graph, l.sourceId()) + " [" + l.outputIndex() + "]");
                    link.setOnAction(e -> focusNode.accept(l.sourceId()));
                    yield link;
                }
                case InputValue.Link l -> wrapped("[" + l.sourceId() + ", " + l.outputIndex() + "] (missing node)");
                case InputValue.Literal lit -> {
                    Label v = wrapped(shorten(lit.value().isTextual() ? lit.value().asText() : lit.value().toString()));
                    v.getStyleClass().add("input-value");
                    yield v;
                }
            };
            GridPane.setValignment(name, javafx.geometry.VPos.TOP);
            grid.addRow(row++, name, value);
        }
        if (row == 0) grid.add(wrapped("No inputs."), 0, 0);
        return grid;
    }

    private static String nameOf(Graph graph, String id) {
        Node n = graph.node(id);
        return n == null ? "#" + id : n.displayName() + " #" + id;
    }

    private static String shorten(String s) {
        return s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS) + "…";
    }

    private static Label section(String text) {
        Label l = new Label(text.toUpperCase(java.util.Locale.ROOT));
        l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD, Styles.TEXT_MUTED);
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static javafx.scene.Node chip(NodeLook.SamplerMark m) {
        var colour = SamplerPalette.colour(m.colourIndex());
        Rectangle r = new Rectangle(28, 18);
        r.setArcWidth(8);
        r.setArcHeight(8);
        r.setFill(m.traced() ? colour : SamplerPalette.muted(colour));
        Label l = new Label(m.badge());
        l.setStyle("-fx-font-weight: bold; -fx-font-size: 10px;");
        l.setTextFill(SamplerPalette.textOn(m.traced() ? colour : SamplerPalette.muted(colour)));
        return new javafx.scene.layout.StackPane(r, l);
    }

    /** A chip and its sentence on one line. */
    private static javafx.scene.layout.HBox chipLine(javafx.scene.Node chip, Label text) {
        javafx.scene.layout.HBox line = new javafx.scene.layout.HBox(8, chip, text);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }
}
