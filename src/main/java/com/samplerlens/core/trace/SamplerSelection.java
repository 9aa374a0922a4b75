package com.samplerlens.core.trace;

/** The anchor's sampler_selection_method: Farthest (default), Nearest, or By node ID. */
public record SamplerSelection(Method method, String nodeId) {

    public enum Method { FARTHEST, NEAREST, BY_NODE_ID }

    public static final SamplerSelection FARTHEST = new SamplerSelection(Method.FARTHEST, null);
    public static final SamplerSelection NEAREST = new SamplerSelection(Method.NEAREST, null);

    public static SamplerSelection byNodeId(String id) { return new SamplerSelection(Method.BY_NODE_ID, id); }

    /** Parses the CLI form: farthest | nearest | id:N. */
    public static SamplerSelection parse(String s) {
        String t = s.trim();
        if (t.equalsIgnoreCase("farthest")) return FARTHEST;
        if (t.equalsIgnoreCase("nearest")) return NEAREST;
        if (t.regionMatches(true, 0, "id:", 0, 3) && t.length() > 3) return byNodeId(t.substring(3));
        throw new IllegalArgumentException("selection must be farthest, nearest or id:N, not '" + s + "'");
    }
}
