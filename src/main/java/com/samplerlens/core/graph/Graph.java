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
import java.util.function.Predicate;

/**
 * An immutable ComfyUI graph in API-prompt form: nodes by id (in the source's order) and, for
 * each node, the links into it and out of it. Links are inputs whose source node exists; an
 * input naming a missing node stays a literal (the anchor ignores such edges too).
 */
public final class Graph {

    /** A resolved link: {@code from}'s output {@code outputIndex} feeds {@code to}'s input {@code inputName}. */
    public record Edge(String from, int outputIndex, String to, String inputName) {}

    private final Map<String, Node> nodes;
    // The node index, built once here: the tracer's walks run over ints and arrays, because on
    // 40,000-node graphs String-keyed hash lookups per node and per link were mostly cache misses.
    private final Node[] byIndex;
    private final Map<String, Integer> index;
    // Exact-size arrays rather than growable lists: a 200,000-sampler prompt has 400,000 links.
    // Links into node v are inEdges[inStart[v] .. inStart[v + 1]), in input order; inFrom holds
    // each link's source index.
    private final int[] inStart;
    private final int[] inFrom;
    private final Edge[] inEdges;
    /** Per source index: its links out, in the order their consumers (and their inputs) come; null for none. */
    private final Edge[][] outgoing;
    // Per node index: its id and its class as an index into classNames (a graph has a few dozen
    // classes). Read here once, so the tracer classifies classes, not nodes, without touching
    // Node objects: at 40,000 nodes each such touch was a cache miss and most of a trace.
    private final String[] ids;
    private final int[] classOf;
    private final String[] classNames;
    /** Built on first use (a benign race: two threads may both build equal ranks). */
    private volatile NodeIdRanks idRanks;

    public Graph(Collection<Node> nodeList) {
        LinkedHashMap<String, Node> byId = LinkedHashMap.newLinkedHashMap(nodeList.size());
        for (Node n : nodeList) byId.put(n.id(), n);
        this.nodes = Collections.unmodifiableMap(byId);
        int n = byId.size();
        byIndex = byId.values().toArray(new Node[0]);
        index = HashMap.newHashMap(n);
        ids = new String[n];
        classOf = new int[n];
        HashMap<String, Integer> classIndex = new HashMap<>();
        List<String> classList = new ArrayList<>();
        int inputs = 0;
        for (int v = 0; v < n; v++) {
            Node node = byIndex[v];
            ids[v] = node.id();
            index.put(ids[v], v);
            inputs += node.inputs().size();
            Integer c = classIndex.get(node.classType());
            if (c == null) {
                classIndex.put(node.classType(), c = classList.size());
                classList.add(node.classType());
            }
            classOf[v] = c;
        }
        classNames = classList.toArray(new String[0]);
        inStart = new int[n + 1];
        int[] from = new int[inputs];
        Edge[] edges = new Edge[inputs];
        int[] outCount = new int[n];
        int k = 0;
        for (int v = 0; v < n; v++) {
            inStart[v] = k;
            Node node = byIndex[v];
            for (Map.Entry<String, InputValue> input : node.inputs().entrySet()) {
                if (input.getValue() instanceof InputValue.Link l) {
                    Integer source = index.get(l.sourceId());
                    if (source == null) continue;
                    from[k] = source;
                    edges[k] = new Edge(l.sourceId(), l.outputIndex(), node.id(), input.getKey());
                    outCount[source]++;
                    k++;
                }
            }
        }
        inStart[n] = k;
        inFrom = k == inputs ? from : Arrays.copyOf(from, k);
        inEdges = k == inputs ? edges : Arrays.copyOf(edges, k);
        outgoing = new Edge[n][];
        int[] placed = new int[n];
        for (int e = 0; e < k; e++) {
            int s = inFrom[e];
            if (outgoing[s] == null) outgoing[s] = new Edge[outCount[s]];
            outgoing[s][placed[s]++] = inEdges[e];
        }
    }

    public Map<String, Node> nodes() { return nodes; }

    public Node node(String id) { return nodes.get(id); }

    public boolean contains(String id) { return nodes.containsKey(id); }

    public int size() { return nodes.size(); }

    /** The node's index (0 .. size-1, in node order), or -1 when the graph does not hold it. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    /** The node at {@code index}, in node order. */
    public Node nodeAt(int index) { return byIndex[index]; }

    /** The id of the node at {@code index}. */
    public String idAt(int index) { return ids[index]; }

    /** Every node ranked by {@link NodeIds#ORDER} of its id, built on first use and kept. */
    public NodeIdRanks idRanks() {
        NodeIdRanks r = idRanks;
        if (r == null) idRanks = r = new NodeIdRanks(ids);
        return r;
    }

    /** The class of the node at {@code index}, as an index into {@link #className} (0 .. classCount-1). */
    public int classIndexAt(int index) { return classOf[index]; }

    /** How many distinct classes the graph's nodes have. */
    public int classCount() { return classNames.length; }

    /** The class name with index {@code classIndex} (see {@link #classIndexAt}). */
    public String className(int classIndex) { return classNames[classIndex]; }

    /** Per node index, whether its class passes {@code test}; each class is tested once (a graph has a few dozen). */
    public boolean[] nodesOfClasses(Predicate<String> test) {
        boolean[] byClass = new boolean[classNames.length];
        for (int c = 0; c < byClass.length; c++) byClass[c] = test.test(classNames[c]);
        boolean[] byNode = new boolean[classOf.length];
        for (int v = 0; v < byNode.length; v++) byNode[v] = byClass[classOf[v]];
        return byNode;
    }

    /** Links into node {@code v} are the link indexes {@code firstIn(v) .. firstIn(v + 1) - 1}, in input order. */
    public int firstIn(int v) { return inStart[v]; }

    /** The source node index of link {@code e} (see {@link #firstIn}). */
    public int sourceOf(int e) { return inFrom[e]; }

    /** Link {@code e} (see {@link #firstIn}). */
    public Edge edgeAt(int e) { return inEdges[e]; }

    /** True when some link leaves node {@code v}. */
    public boolean hasOutgoing(int v) { return outgoing[v] != null; }

    /** Links into the node, in input order. */
    public List<Edge> incoming(String id) {
        int v = indexOf(id);
        return v < 0 || inStart[v] == inStart[v + 1] ? List.of() : new EdgeView(inEdges, inStart[v], inStart[v + 1]);
    }

    /** Links out of the node, in the order their consumers appear. */
    public List<Edge> outgoing(String id) {
        int v = indexOf(id);
        return v < 0 || outgoing[v] == null ? List.of() : new EdgeView(outgoing[v], 0, outgoing[v].length);
    }

    /** A read-only list over part of the graph's own array: no copy per call. */
    private static final class EdgeView extends AbstractList<Edge> implements RandomAccess {
        private final Edge[] edges;
        private final int from;
        private final int size;

        EdgeView(Edge[] edges, int from, int to) {
            this.edges = edges;
            this.from = from;
            this.size = to - from;
        }

        @Override public Edge get(int i) {
            if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
            return edges[from + i];
        }

        @Override public int size() { return size; }
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
        return new ArrayList<>(Arrays.asList(inEdges));
    }
}
