package com.samplerlens.core.capture;

import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.trace.PromptInputs;
import com.samplerlens.core.trace.SamplerTable;
import com.samplerlens.core.trace.ValueResolver;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The anchor's prompt validators (§4.2): for each sampler of the table, the first text encoder
 * reached breadth-first from its positive (negative) input is its positive (negative) prompt.
 * Guider overrides pick one input; a node with both positive- and negative-named link inputs is
 * followed only on the branch's side; otherwise all links are followed. Only live switch branches
 * are walked, and the walk stops at other samplers as attribution does (the video sampler after an
 * image sampler has no prompt of its own, not the image's), except through an output that hands
 * the sampler's conditioning on (KSampler (Efficient)'s CONDITIONING+/-, Impact's basic pipe). A class whose conditioning is empty
 * whatever its input (ConditioningZeroOut) ends the walk: that branch's prompt is empty.
 */
public final class PromptRouting {

    public enum Branch { POSITIVE, NEGATIVE }

    private static final Pattern ENCODER_NAME = Pattern.compile(
            "(?i).*((text|prompt).*encode|encode.*(text|prompt)|text-encoder|cliptextencode|t5 ?encode).*");
    private static final Set<String> KNOWN_ENCODERS = Set.of("CLIPTextEncode", "CLIPTextEncodeFlux",
            "TextEncodeQwenImageEdit", "TextEncodeQwenImageEditPlus");

    private final Graph graph;
    private final SamplerTable table;
    private final CaptureRules rules;
    private final ValueResolver values;
    private final com.samplerlens.core.trace.SamplerClassifier samplers;
    private final Map<String, String> cache = new HashMap<>();
    private Set<String> positives;
    private Set<String> negatives;

    /**
     * {@code samplers} is the composer's own classifier (the tracer's), passed in so that its
     * per-class answers carry over from file to file instead of starting empty for every graph.
     */
    public PromptRouting(Graph graph, SamplerTable table, CaptureRules rules, ValueResolver values,
                         com.samplerlens.core.trace.SamplerClassifier samplers) {
        this.graph = graph;
        this.table = table;
        this.rules = rules;
        this.values = values;
        this.samplers = samplers;
    }

    /** True when the node is the positive (negative) prompt of any table sampler in the graph. */
    public boolean isPrompt(String nodeId, Branch branch) {
        if (positives == null) {
            positives = new HashSet<>();
            negatives = new HashSet<>();
            for (Node n : graph.nodes().values()) {
                if (!table.isExplicitSampler(n.classType())) continue;
                // walked, not cached: with 200,000 samplers the cache's keys cost more than the walks,
                // and only the traced samplers ask encoderOf again
                String p = walk(n.id(), Branch.POSITIVE);
                String q = walk(n.id(), Branch.NEGATIVE);
                if (p != null) positives.add(p);
                if (q != null) negatives.add(q);
            }
        }
        return (branch == Branch.POSITIVE ? positives : negatives).contains(nodeId);
    }

    /** True when the node {@link #encoderOf} found gives an empty conditioning (ConditioningZeroOut). */
    public boolean isEmpty(String nodeId) {
        Node n = nodeId == null ? null : graph.node(nodeId);
        return n != null && table.isEmptyConditioning(n.classType());
    }

    /** The text encoder (or empty-conditioning node, see {@link #isEmpty}) feeding {@code samplerId}'s branch, or null. */
    public String encoderOf(String samplerId, Branch branch) {
        return cache.computeIfAbsent(samplerId + "\u0000" + branch, k -> walk(samplerId, branch));
    }

    private String walk(String samplerId, Branch branch) {
        Node sampler = graph.node(samplerId);
        PromptInputs in = table.samplerInputs(sampler.classType());
        String startInput = in == null ? branch.name().toLowerCase(java.util.Locale.ROOT)
                : branch == Branch.POSITIVE ? in.positive() : in.negative();
        if (startInput == null) return null;
        ArrayDeque<String> queue = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (Graph.Edge e : graph.incoming(samplerId)) {
            if (e.inputName().equals(startInput) && values.isLive(e) && entersSource(e) && seen.add(e.from())) queue.add(e.from());
        }
        while (!queue.isEmpty()) {
            String id = queue.poll();
            Node n = graph.node(id);
            if (isTextEncoder(n.classType()) || table.isEmptyConditioning(n.classType())) return id;
            for (Graph.Edge e : follow(n, branch)) if (values.isLive(e) && entersSource(e) && seen.add(e.from())) queue.add(e.from());
        }
        return null;
    }

    /** A link from another sampler is followed only from an output that hands that sampler's conditioning on. */
    private boolean entersSource(Graph.Edge e) {
        Node src = graph.node(e.from());
        if (src == null || !samplers.isSampler(src.classType())) return src != null;
        return table.passesOn(src.classType(), e.outputIndex());
    }

    private List<Graph.Edge> follow(Node n, Branch branch) {
        List<Graph.Edge> in = graph.incoming(n.id());
        PromptInputs guider = table.guiderInputs(n.classType());
        if (guider != null) {
            String name = branch == Branch.POSITIVE ? guider.positive() : guider.negative();
            return in.stream().filter(e -> e.inputName().equals(name)).toList();
        }
        String mine = branch == Branch.POSITIVE ? "positive" : "negative";
        String other = branch == Branch.POSITIVE ? "negative" : "positive";
        boolean hasMine = in.stream().anyMatch(e -> matches(e.inputName(), mine));
        boolean hasOther = in.stream().anyMatch(e -> matches(e.inputName(), other));
        if (hasMine && hasOther) return in.stream().filter(e -> matches(e.inputName(), mine)).toList();
        return in;
    }

    private static boolean matches(String input, String branch) {
        return input.equals(branch) || input.startsWith(branch + "_") || input.endsWith("_" + branch);
    }

    public boolean isTextEncoder(String classType) {
        if (KNOWN_ENCODERS.contains(classType)) return true;
        var r = rules.of(classType);
        if (r.containsKey(MetaField.POSITIVE_PROMPT) || r.containsKey(MetaField.NEGATIVE_PROMPT)) return true;
        return ENCODER_NAME.matcher(classType).matches();
    }
}
