package com.samplerlens.app.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the canvas draws, level by level: the top level of the workflow and, for every subgraph
 * instance, the level that opens when it is double-clicked. Coordinates are the workflow's own
 * canvas units; a node's {@code y} is the top of its body, its title bar sits above it, as in
 * ComfyUI.
 *
 * @param levels       by prefix: "" is the top level, "311:" the inside of instance 311
 * @param fromWorkflow true when the workflow gave the positions, false for an automatic layout
 */
public record CanvasScene(Map<String, Level> levels, boolean fromWorkflow) {

    /** ComfyUI's title bar height (LiteGraph NODE_TITLE_HEIGHT). */
    public static final double TITLE_HEIGHT = 30;
    /** ComfyUI's slot row height (LiteGraph NODE_SLOT_HEIGHT). */
    public static final double SLOT_HEIGHT = 20;
    /** ComfyUI's widget height (LiteGraph NODE_WIDGET_HEIGHT); widgets are this plus 4 apart. */
    public static final double WIDGET_HEIGHT = 20;

    public CanvasScene {
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    }

    public static final CanvasScene EMPTY = new CanvasScene(Map.of("", new Level("", "Workflow", null, List.of(), List.of(), List.of())), false);

    public Level top() { return levels.get(""); }

    /** The level holding the node drawn for this graph id, or null when no level draws it. */
    public Level levelOf(String graphId) {
        for (Level l : levels.values()) if (l.node(graphId) != null) return l;
        return null;
    }

    /**
     * One graph level.
     *
     * @param prefix   the graph id prefix of its nodes ("" or "311:")
     * @param name     what the breadcrumb shows
     * @param parent   the prefix of the level it opens from; null for the top level
     */
    public static final class Level {
        private final String prefix;
        private final String name;
        private final String parent;
        private final List<CanvasNode> nodes;
        private final List<CanvasLink> links;
        private final List<CanvasGroup> groups;
        private final Map<String, CanvasNode> byId = new java.util.HashMap<>();

        public Level(String prefix, String name, String parent, List<CanvasNode> nodes, List<CanvasLink> links,
                     List<CanvasGroup> groups) {
            this.prefix = prefix;
            this.name = name;
            this.parent = parent;
            this.nodes = List.copyOf(nodes);
            this.links = List.copyOf(links);
            this.groups = List.copyOf(groups);
            for (CanvasNode n : this.nodes) byId.put(n.id(), n);
        }

        public String prefix() { return prefix; }
        public String name() { return name; }
        public String parent() { return parent; }
        public List<CanvasNode> nodes() { return nodes; }
        public List<CanvasLink> links() { return links; }
        public List<CanvasGroup> groups() { return groups; }

        public CanvasNode node(String id) { return byId.get(id); }

        /** The smallest rectangle holding every node with its title bar, and every group: x, y, width, height. */
        public double[] bounds() {
            if (bounds == null) bounds = nodes.isEmpty() && groups.isEmpty() ? new double[] {0, 0, 1, 1} : boundsOf(nodes, groups);
            return bounds.clone();
        }

        /** Worked out once: the minimap asks for it every frame. */
        private double[] bounds;
    }

    /** What a canvas node is, for drawing. */
    public enum Kind { NODE, NOTE, SUBGRAPH, REROUTE, SUBGRAPH_INPUTS, SUBGRAPH_OUTPUTS }

    /**
     * A node as drawn.
     *
     * @param id         its graph id ("12", "311:248"); for a subgraph instance, the instance id ("311")
     * @param type       the class type (or the subgraph's name for an instance)
     * @param title      the title shown
     * @param x          left edge
     * @param y          top of the body (the title bar is above)
     * @param width      width
     * @param bodyHeight height of the body (0 when collapsed)
     * @param collapsed  drawn as its title bar only
     * @param color      the workflow's title colour, or null for the theme's
     * @param bgcolor    the workflow's body colour, or null for the theme's
     * @param mode       0 normal, 2 muted, 4 bypassed
     * @param inputs     input slots shown (linked inputs and inputs that are no widget)
     * @param outputs    output slots
     * @param widgets    widget values shown in the body, in order
     * @param text       a Note's text; null for other nodes
     * @param opens      for a subgraph instance, the prefix of the level it opens; else null
     */
    public record CanvasNode(String id, Kind kind, String type, String title, double x, double y, double width,
                             double bodyHeight, boolean collapsed, String color, String bgcolor, int mode,
                             List<Slot> inputs, List<Slot> outputs, List<Widget> widgets, String text, String opens) {
        public CanvasNode {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
            widgets = List.copyOf(widgets);
        }

        /** Top of the title bar. */
        public double top() { return kind == Kind.REROUTE || kind == Kind.SUBGRAPH_INPUTS || kind == Kind.SUBGRAPH_OUTPUTS ? y : y - TITLE_HEIGHT; }

        /** Whole height with the title bar. */
        public double fullHeight() { return y + bodyHeight - top(); }

        public boolean contains(double px, double py) {
            return px >= x && px <= x + width && py >= top() && py <= y + bodyHeight;
        }

        /** Where a link leaves output {@code slot} (ComfyUI: half a slot in from the edge, rows of 20 from the body's top). */
        public double[] outputPoint(int slot) {
            if (collapsed) return new double[] {x + width, y - TITLE_HEIGHT / 2};
            if (kind == Kind.REROUTE) return new double[] {x + width, y + bodyHeight / 2};
            int row = Math.max(0, Math.min(slot, Math.max(outputs.size() - 1, 0)));
            return new double[] {x + width - SLOT_HEIGHT / 2, y + (row + 0.7) * SLOT_HEIGHT};
        }

        /** Where a link enters input {@code slot}: the row of that input among the slots shown. */
        public double[] inputPoint(int slot) {
            if (collapsed) return new double[] {x, y - TITLE_HEIGHT / 2};
            if (kind == Kind.REROUTE) return new double[] {x, y + bodyHeight / 2};
            int row = 0;
            for (int i = 0; i < inputs.size(); i++) if (inputs.get(i).index() == slot) row = i;
            return new double[] {x + SLOT_HEIGHT / 2, y + (row + 0.7) * SLOT_HEIGHT};
        }
    }

    /**
     * A slot.
     *
     * @param index the slot's index in the node's own list (what links name)
     */
    public record Slot(String name, String type, int index, boolean linked) {}

    /** A widget: its name (may be empty when unknown) and its value as shown. */
    public record Widget(String name, String value, boolean multiline) {}

    /** A link from an output slot of one node to an input slot of another, of a ComfyUI type ("MODEL"). */
    public record CanvasLink(String from, int fromSlot, String to, int toSlot, String type) {}

    /** A group: a titled, coloured rectangle behind the nodes. */
    public record CanvasGroup(String title, double x, double y, double width, double height, String color, double fontSize) {}

    /** The smallest rectangle holding these nodes (title bars included) and groups: x, y, width, height. */
    static double[] boundsOf(List<CanvasNode> nodes, List<CanvasGroup> groups) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (CanvasNode n : nodes) {
            minX = Math.min(minX, n.x());
            minY = Math.min(minY, n.top());
            maxX = Math.max(maxX, n.x() + n.width());
            maxY = Math.max(maxY, n.y() + n.bodyHeight());
        }
        for (CanvasGroup g : groups) {
            minX = Math.min(minX, g.x());
            minY = Math.min(minY, g.y());
            maxX = Math.max(maxX, g.x() + g.width());
            maxY = Math.max(maxY, g.y() + g.height());
        }
        return new double[] {minX, minY, maxX - minX, maxY - minY};
    }
}
