package com.samplerlens.app.graph;

import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.InputValue;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.graph.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places a graph for drawing: the workflow's own positions when every node has one, otherwise
 * an ELK layered layout from left to right (inputs on the left, the save node on the right).
 */
public final class GraphLayouter {
    private GraphLayouter() {}

    /** Height of the title band; link ends start below it. */
    public static final double HEADER = 26;
    static final double SLOT = 16;
    static final double MIN_HEIGHT = 62;
    /** Workflow boxes can hold big previews; a box only needs room for its text and links. */
    static final double MAX_HEIGHT = 180;
    static final double AUTO_WIDTH = 220;
    /** Wide preview nodes (video and image savers) would dwarf the rest; their left edge stays where the user put it. */
    static final double MAX_WIDTH = 380;
    /** Height of the title bar the ComfyUI editor draws above a node's position. */
    static final double WORKFLOW_TITLE_BAR = 30;

    public static GraphGeometry layout(Graph graph) {
        boolean allPlaced = graph.size() > 0 && graph.nodes().values().stream().allMatch(n -> n.position() != null);
        Map<String, GraphGeometry.Box> boxes = allPlaced ? workflowBoxes(graph) : elkBoxes(graph);
        return new GraphGeometry(boxes, links(graph, boxes), allPlaced);
    }

    /** Lays out a small graph with ELK and drops the result: loads and compiles ELK ahead of a real layout. */
    public static void warmUp() {
        List<Node> chain = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, InputValue> in = i == 0 ? Map.of() : Map.of("in", new InputValue.Link(Integer.toString(i - 1), 0));
            chain.add(new Node(Integer.toString(i), "WarmUp", null, in, 0, null));
        }
        layout(new Graph(chain));
    }

    private static Map<String, GraphGeometry.Box> workflowBoxes(Graph graph) {
        Map<String, GraphGeometry.Box> boxes = new LinkedHashMap<>();
        for (Node n : graph.nodes().values()) {
            Position p = n.position();
            double width = p.width() > 40 ? Math.min(p.width(), MAX_WIDTH) : AUTO_WIDTH;
            double body = Math.clamp(p.height(), neededHeight(graph, n), Math.max(MAX_HEIGHT, neededHeight(graph, n)));
            // the editor's position is the body's corner; its title bar sits above it
            boxes.put(n.id(), new GraphGeometry.Box(p.x(), p.y() - WORKFLOW_TITLE_BAR, width, body + WORKFLOW_TITLE_BAR));
        }
        return boxes;
    }

    private static Map<String, GraphGeometry.Box> elkBoxes(Graph graph) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 28.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 90.0);
        root.setProperty(LayeredOptions.SPACING_COMPONENT_COMPONENT, 60.0);
        Map<String, ElkNode> elk = new HashMap<>();
        for (Node n : graph.nodes().values()) {
            ElkNode e = ElkGraphUtil.createNode(root);
            e.setDimensions(AUTO_WIDTH, neededHeight(graph, n));
            elk.put(n.id(), e);
        }
        for (Graph.Edge edge : graph.edges()) {
            if (!edge.from().equals(edge.to())) {
                ElkGraphUtil.createSimpleEdge(elk.get(edge.from()), elk.get(edge.to()));
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        Map<String, GraphGeometry.Box> boxes = new LinkedHashMap<>();
        for (Node n : graph.nodes().values()) {
            ElkNode e = elk.get(n.id());
            boxes.put(n.id(), new GraphGeometry.Box(e.getX(), e.getY(), e.getWidth(), e.getHeight()));
        }
        return boxes;
    }

    /** Room for the header, the class line and one slot per linked input. */
    private static double neededHeight(Graph graph, Node n) {
        int slots = Math.max(graph.incoming(n.id()).size(), 1);
        return Math.max(MIN_HEIGHT, HEADER + 12 + slots * SLOT);
    }

    private static List<GraphGeometry.Link> links(Graph graph, Map<String, GraphGeometry.Box> boxes) {
        List<GraphGeometry.Link> out = new ArrayList<>();
        for (String id : graph.nodes().keySet()) {
            List<Graph.Edge> in = graph.incoming(id);
            GraphGeometry.Box target = boxes.get(id);
            for (int i = 0; i < in.size(); i++) {
                Graph.Edge e = in.get(i);
                GraphGeometry.Box source = boxes.get(e.from());
                double fromY = Math.min(HEADER + 10 + e.outputIndex() * SLOT, source.height() - 8);
                double toY = Math.min(HEADER + 10 + i * SLOT, target.height() - 8);
                out.add(new GraphGeometry.Link(e.from(), id, fromY, toY));
            }
        }
        return out;
    }
}
