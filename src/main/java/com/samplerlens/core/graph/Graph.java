package com.samplerlens.core.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable ComfyUI graph in API-prompt form: nodes by id (in the source's order) and, for
 * each node, the links into it and out of it. Links are inputs whose source node exists; an
 * input naming a missing node stays a literal (the anchor ignores such edges too).
 */
public final class Graph {

    /** A resolved link: {@code from}'s output {@code outputIndex} feeds {@code to}'s input {@code inputName}. */
    public record Edge(String from, int outputIndex, String to, String inputName) {}

    private final Map<String, Node> nodes;
    private final Map<String, List<Edge>> incoming = new HashMap<>();
    private final Map<String, List<Edge>> outgoing = new HashMap<>();

    public Graph(Collection<Node> nodeList) {
        LinkedHashMap<String, Node> byId = new LinkedHashMap<>();
        for (Node n : nodeList) byId.put(n.id(), n);
        this.nodes = Collections.unmodifiableMap(byId);
        for (Node n : byId.values()) {
            for (Map.Entry<String, InputValue> in : n.inputs().entrySet()) {
                if (in.getValue() instanceof InputValue.Link l && byId.containsKey(l.sourceId())) {
                    Edge e = new Edge(l.sourceId(), l.outputIndex(), n.id(), in.getKey());
                    incoming.computeIfAbsent(n.id(), k -> new ArrayList<>()).add(e);
                    outgoing.computeIfAbsent(l.sourceId(), k -> new ArrayList<>()).add(e);
                }
            }
        }
    }

    public Map<String, Node> nodes() { return nodes; }

    public Node node(String id) { return nodes.get(id); }

    public boolean contains(String id) { return nodes.containsKey(id); }

    public int size() { return nodes.size(); }

    /** Links into the node, in input order. */
    public List<Edge> incoming(String id) { return incoming.getOrDefault(id, List.of()); }

    /** Links out of the node, in the order their consumers appear. */
    public List<Edge> outgoing(String id) { return outgoing.getOrDefault(id, List.of()); }

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
