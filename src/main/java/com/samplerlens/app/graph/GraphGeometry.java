package com.samplerlens.app.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every node and link of a graph is drawn, in graph units (the workflow's canvas units
 * when the workflow gave positions).
 *
 * @param boxes        node boxes by id, in drawing order
 * @param links        links with their end points
 * @param fromWorkflow true when the positions came from the workflow itself, false for an automatic layout
 */
public record GraphGeometry(Map<String, Box> boxes, List<Link> links, boolean fromWorkflow) {

    public GraphGeometry {
        boxes = Collections.unmodifiableMap(new LinkedHashMap<>(boxes));
        links = List.copyOf(links);
    }

    /** A node's rectangle. */
    public record Box(double x, double y, double width, double height) {
        public double centerX() { return x + width / 2; }
        public double centerY() { return y + height / 2; }
        public boolean contains(double px, double py) { return px >= x && px <= x + width && py >= y && py <= y + height; }
    }

    /**
     * A link drawn from the right side of {@code from} to the left side of {@code to}.
     *
     * @param fromY offset of the start below the source's top edge
     * @param toY   offset of the end below the target's top edge
     */
    public record Link(String from, String to, double fromY, double toY) {}

    /** The smallest rectangle holding every box; a unit box at the origin for an empty graph. */
    public Box bounds() {
        if (boxes.isEmpty()) return new Box(0, 0, 1, 1);
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Box b : boxes.values()) {
            minX = Math.min(minX, b.x());
            minY = Math.min(minY, b.y());
            maxX = Math.max(maxX, b.x() + b.width());
            maxY = Math.max(maxY, b.y() + b.height());
        }
        return new Box(minX, minY, maxX - minX, maxY - minY);
    }
}
