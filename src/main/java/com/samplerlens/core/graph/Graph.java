package com.samplerlens.core.graph;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * An immutable ComfyUI graph in API-prompt form: nodes by id (in the source's order) and, for
 * each node, the links into it and out of it. Links are inputs whose source node exists; an
 * input naming a missing node stays a literal (the anchor ignores such edges too).
 */
public final class Graph {

    /** A resolved link: {@code from}'s output {@code outputIndex} feeds {@code to}'s input {@code inputName}. */
    public record Edge(String from, int outputIndex, String to, String inputName) {}

    private final Map<String, Node> nodes;
    // Exact-size arrays rather than growable lists: a 200,000-sampler prompt has 400,000 of them,
    // and an ArrayList with its ten-slot array took about 80 bytes each (≈ 30 MB of a 512 MB heap).
    private final Map<String, Edge[]> incoming;
    private final Map<String, Edge[]> outgoing;

    public Graph(Collection<Node> nodeList) {
        LinkedHashMap<String, Node> byId = LinkedHashMap.newLinkedHashMap(nodeList.size());
        for (Node n : nodeList) byId.put(n.id(), n);
        this.nodes = Collections.unmodifiableMap(byId);
        incoming = HashMap.newHashMap(byId.size());
        Map<String, int[]> outCount = HashMap.newHashMap(byId.size()); // per source: edges out, edges placed
        for (Node n : byId.values()) {
            Edge[] in = null;
            int k = 0;
            for (Map.Entry<String, InputValue> input : n.inputs().entrySet()) {
                if (input.getValue() instanceof InputValue.Link l && byId.containsKey(l.sourceId())) {
                    if (in == null) in = new Edge[n.inputs().size()];
                    in[k++] = new Edge(l.sourceId(), l.outputIndex(), n.id(), input.getKey());
                    outCount.computeIfAbsent(l.sourceId(), x -> new int[2])[0]++;
                }
            }
            if (in != null) incoming.put(n.id(), k == in.length ? in : Arrays.copyOf(in, k));
        }
        // the same edges out of each source, in the order their consumers (and their inputs) come
        outgoing = HashMap.newHashMap(outCount.size());
        for (Node n : byId.values()) {
            Edge[] in = incoming.get(n.id());
            if (in == null) continue;
            for (Edge e : in) {
                int[] count = outCount.get(e.from());
                Edge[] out = count[1] == 0 ? new Edge[count[0]] : outgoing.get(e.from());
                if (count[1] == 0) outgoing.put(e.from(), out);
                out[count[1]++] = e;
            }
        }
    }

    public Map<String, Node> nodes() { return nodes; }

    public Node node(String id) { return nodes.get(id); }

    public boolean contains(String id) { return nodes.containsKey(id); }

    public int size() { return nodes.size(); }

    /** Links into the node, in input order. */
    public List<Edge> incoming(String id) { return view(incoming.get(id)); }

    /** Links out of the node, in the order their consumers appear. */
    public List<Edge> outgoing(String id) { return view(outgoing.get(id)); }

    /** A read-only list over the graph's own array: no copy per call. */
    private static List<Edge> view(Edge[] edges) {
        return edges == null ? List.of() : new EdgeView(edges);
    }

    private static final class EdgeView extends AbstractList<Edge> implements RandomAccess {
        private final Edge[] edges;

        EdgeView(Edge[] edges) { this.edges = edges; }

        @Override public Edge get(int i) { return edges[i]; }

        @Override public int size() { return edges.length; }
    }

    /**
     * The graph with no node's {@link Node#runControls()}: for a workflow saved in an image when
     * its run was queued, whose values are the ones that ran.
     */
    public Graph withoutRunControls() {
        if (nodes.values().stream().allMatch(n -> n.runControls().isEmpty())) return this;
        return new Graph(nodes.values().stream().map(Node::withoutRunControls).toList());
    }

    /** All links, grouped by consumer in node order. */
    public List<Edge> edges() {
        List<Edge> all = new ArrayList<>();
        for (String id : nodes.keySet()) all.addAll(incoming(id));
        return all;
    }
}
