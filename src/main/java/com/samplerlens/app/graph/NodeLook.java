package com.samplerlens.app.graph;

import java.util.List;

/**
 * How one node is drawn, derived from the trace only.
 *
 * @param memberships the samplers the node belongs to (for a sampler node: itself), farthest first
 * @param shared      traced but belongs to no sampler: drawn grey
 * @param upstream    upstream of the save node; others are faded
 * @param sampler     the node is a sampler found by the tracer (outlined)
 * @param save        the node is the save node (marked)
 */
public record NodeLook(List<SamplerMark> memberships, boolean shared, boolean upstream, SamplerMark sampler, boolean save) {

    public NodeLook {
        memberships = List.copyOf(memberships);
    }

    public static final NodeLook NEUTRAL = new NodeLook(List.of(), false, true, null, false);

    /**
     * A sampler as the graph shows it.
     *
     * @param nodeId      the sampler's node id
     * @param number      its output number (S1 …), 0 when found but not traced
     * @param colourIndex its colour in {@link SamplerPalette}; stable while max samplers changes
     */
    public record SamplerMark(String nodeId, int number, int colourIndex) {
        public boolean traced() { return number > 0; }

        /** The badge text: "S2", or "S–" for a sampler that is found but not written. */
        public String badge() { return traced() ? "S" + number : "S–"; }
    }
}
