package com.samplerlens.app.graph;

import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.InputValue;
import com.samplerlens.core.graph.Node;
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
 * Places a graph that has no positions of its own (an API prompt): an ELK layered layout from
 * left to right, inputs on the left and the save node on the right.
 */
public final class GraphLayouter {
    private GraphLayouter() {}

    /**
     * @param sizes  width and body height of every node
     * @param header the title bar height added above each body
     * @return the top-left corner of every node's title bar, by id
     */
    public static Map<String, double[]> place(Graph graph, Map<String, double[]> sizes, double header) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, 36.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 110.0);
        root.setProperty(LayeredOptions.SPACING_COMPONENT_COMPONENT, 60.0);
        Map<String, ElkNode> elk = new HashMap<>();
        for (Node n : graph.nodes().values()) {
            ElkNode e = ElkGraphUtil.createNode(root);
            double[] s = sizes.get(n.id());
            e.setDimensions(s[0], s[1] + header);
            elk.put(n.id(), e);
        }
        for (Graph.Edge edge : graph.edges()) {
            if (!edge.from().equals(edge.to()) && elk.containsKey(edge.from()) && elk.containsKey(edge.to())) {
                ElkGraphUtil.createSimpleEdge(elk.get(edge.from()), elk.get(edge.to()));
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        Map<String, double[]> placed = new LinkedHashMap<>();
        for (Node n : graph.nodes().values()) {
            ElkNode e = elk.get(n.id());
            placed.put(n.id(), new double[] {e.getX(), e.getY()});
        }
        return placed;
    }

    /** Lays out a small graph and drops the result: loads and compiles ELK ahead of a real layout. */
    public static void warmUp() {
        List<Node> chain = new ArrayList<>();
        Map<String, double[]> sizes = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            Map<String, InputValue> in = i == 0 ? Map.of() : Map.of("in", new InputValue.Link(Integer.toString(i - 1), 0));
            chain.add(new Node(Integer.toString(i), "WarmUp", null, in, 0, null));
            sizes.put(Integer.toString(i), new double[] {200, 60});
        }
        place(new Graph(chain), sizes, 30);
    }
}
