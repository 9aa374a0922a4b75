package com.samplerlens.core.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.InputValue;
import com.samplerlens.core.graph.Node;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Resolves node inputs to static values by following links through constants, reroutes and
 * switches whose condition is itself static; also tells which inputs of a switch are live.
 * Walks iteratively; a link cycle ends in an {@link Resolution.Unresolved}.
 */
public final class ValueResolver {

    /** Switch conditions may themselves come from switches; deeper than this is treated as unknown. */
    private static final int MAX_CONDITION_DEPTH = 32;

    private final Graph graph;
    private final ValueRules rules;
    private final Map<String, Set<String>> liveInputsCache = new HashMap<>();
    private boolean[] liveLinks;
    private boolean liveLinksKnown;

    public ValueResolver(Graph graph, ValueRules rules) {
        this.graph = graph;
        this.rules = rules;
    }

    public Graph graph() { return graph; }

    /** The value of {@code node}'s input {@code inputName}, or null when the node has no such input. */
    public Resolution resolve(Node node, String inputName) {
        return resolve(node, inputName, 0);
    }

    private Resolution resolve(Node start, String startInput, int depth) {
        Node node = start;
        String input = startInput;
        Set<String> seen = new HashSet<>();
        while (true) {
            InputValue v = node.inputs().get(input);
            if (v == null) {
                return node == start ? null : new Resolution.Unresolved(describe(node) + " has no input '" + input + "'");
            }
            if (v instanceof InputValue.Literal lit) return new Resolution.Value(lit.value(), node.id());
            InputValue.Link link = (InputValue.Link) v;
            Node src = graph.node(link.sourceId());
            if (src == null) return new Resolution.Unresolved("linked to node " + link.sourceId() + ", which is not in the graph");
            if (!seen.add(src.id() + "\u0000" + link.outputIndex())) return new Resolution.Unresolved("link cycle through " + describe(src));
            String next = nextInput(src, link.outputIndex(), depth);
            if (next == null) return new Resolution.Unresolved("value comes from " + describe(src) + ", which is only known when ComfyUI runs the graph");
            node = src;
            input = next;
        }
    }

    /** The input of {@code src} that carries its output value, or null when it cannot be evaluated statically. */
    private String nextInput(Node src, int outputIndex, int depth) {
        String constant = rules.constantInput(src.classType(), src.inputs().keySet(), outputIndex);
        if (constant != null) return firstPresent(src, constant);
        String reroute = rules.rerouteInput(src.classType());
        if (reroute != null) {
            if (!reroute.isEmpty()) return reroute;
            return src.inputs().isEmpty() ? null : src.inputs().keySet().iterator().next();
        }
        ValueRules.Switch sw = rules.switchOf(src.classType());
        if (sw != null && depth < MAX_CONDITION_DEPTH) return liveBranch(src, sw, depth);
        return null;
    }

    /** Of "a|b" (a pack renamed its input between versions: Cfg Literal's float, later cfg), the first input the node has. */
    private static String firstPresent(Node src, String names) {
        if (names.indexOf('|') < 0) return names;
        String[] options = names.split("\\|");
        for (String n : options) if (src.inputs().containsKey(n)) return n;
        return options[0];
    }

    /** A switch index written as text ("2"); compiled once, as String.matches would per call. */
    private static final java.util.regex.Pattern INDEX_TEXT = java.util.regex.Pattern.compile("-?\\d{1,9}");

    /** The branch input a switch passes on, or null when its condition is not static. */
    private String liveBranch(Node sw, ValueRules.Switch rule, int depth) {
        Resolution cond = resolve(sw, rule.condition(), depth + 1);
        if (!(cond instanceof Resolution.Value value)) return null;
        if (rule.indexed()) {
            JsonNode c = value.value();
            if (!c.isIntegralNumber() && !(c.isTextual() && INDEX_TEXT.matcher(c.asText()).matches())) return null;
            return rule.inputPrefix() + c.asInt();
        }
        Boolean b = asBoolean(value.value());
        if (b == null) return null;
        return b ? rule.onTrue() : rule.onFalse();
    }

    static Boolean asBoolean(JsonNode n) {
        if (n.isBoolean()) return n.booleanValue();
        if (n.isNumber()) return n.doubleValue() != 0;
        if (n.isTextual()) {
            String t = n.asText().trim().toLowerCase(java.util.Locale.ROOT);
            if (t.equals("true")) return true;
            if (t.equals("false")) return false;
        }
        return null;
    }

    /**
     * Inputs of {@code node} whose links are live: for a switch with a static condition, the
     * condition and the chosen branch; for every other node null (all inputs are live).
     */
    public Set<String> liveInputs(Node node) {
        ValueRules.Switch rule = rules.switchOf(node.classType());
        if (rule == null) return null;
        return liveInputsCache.computeIfAbsent(node.id(), id -> {
            String branch = liveBranch(node, rule, 0);
            return branch == null ? null : Set.of(rule.condition(), branch);
        });
    }

    /**
     * Per link index (see {@link Graph#firstIn}), whether the link feeds a live input; null when
     * every link does, as in most graphs. Worked out once and shared by the tracer and the composer,
     * which hold the same resolver. Callers must not change the array.
     */
    boolean[] liveLinks() {
        if (!liveLinksKnown) {
            liveLinks = findLiveLinks();
            liveLinksKnown = true;
        }
        return liveLinks;
    }

    /** True when link {@code link} (an index, see {@link Graph#firstIn}) feeds a live input, as {@link #isLive(Graph.Edge)}. */
    public boolean isLive(int link) {
        boolean[] live = liveLinks();
        return live == null || live[link];
    }

    /** Only a switch's links can be dead, and only when its condition is static ({@link #liveInputs} not null). */
    private boolean[] findLiveLinks() {
        boolean[] switchClass = new boolean[graph.classCount()];
        boolean anySwitch = false;
        for (int c = 0; c < switchClass.length; c++) anySwitch |= switchClass[c] = isSwitch(graph.className(c));
        if (!anySwitch) return null;
        boolean[] live = null;
        for (int v = 0; v < graph.size(); v++) {
            int first = graph.firstIn(v);
            int end = graph.firstIn(v + 1);
            if (first == end || !switchClass[graph.classIndexAt(v)]) continue;
            Set<String> inputs = liveInputs(graph.nodeAt(v));
            if (inputs == null) continue; // a condition known only when ComfyUI runs: every branch may be live
            for (int e = first; e < end; e++) {
                if (inputs.contains(graph.edgeAt(e).inputName())) continue;
                if (live == null) {
                    live = new boolean[graph.firstIn(graph.size())];
                    java.util.Arrays.fill(live, true);
                }
                live[e] = false;
            }
        }
        return live;
    }

    /** True when nodes of the class are switches: only their links can be dead (see {@link #liveInputs}). */
    public boolean isSwitch(String classType) { return rules.switchOf(classType) != null; }

    /** True when the link feeds a live input (see {@link #liveInputs}). */
    public boolean isLive(Graph.Edge e) {
        Node to = graph.node(e.to());
        if (rules.switchOf(to.classType()) == null) return true;
        Set<String> live = liveInputs(to);
        return live == null || live.contains(e.inputName());
    }

    private static String describe(Node n) {
        return n.classType() + " node " + n.id();
    }
}
