package com.samplerlens.core.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sampler table as data ({@code trace/samplers.json}, user files merged on top): explicit
 * sampler classes with their prompt inputs, guider routing overrides, classes that are never
 * samplers (a trailing {@code *} matches a prefix), and the output-node classes.
 */
public final class SamplerTable {

    private final Map<String, PromptInputs> samplers;
    private final Map<String, PromptInputs> guiders;
    private final List<String> notSamplers;
    private final Set<String> outputNodes;
    private final Set<String> previewNodes;
    private final String preferredSaveNode;
    private final Set<String> emptyConditioning;
    private final Map<String, Set<Integer>> passesOn;

    private SamplerTable(Map<String, PromptInputs> samplers, Map<String, PromptInputs> guiders, List<String> notSamplers,
                         Set<String> outputNodes, Set<String> previewNodes, String preferredSaveNode, Set<String> emptyConditioning,
                         Map<String, Set<Integer>> passesOn) {
        this.samplers = Collections.unmodifiableMap(samplers);
        this.guiders = Collections.unmodifiableMap(guiders);
        this.notSamplers = List.copyOf(notSamplers);
        this.outputNodes = Collections.unmodifiableSet(outputNodes);
        this.previewNodes = Collections.unmodifiableSet(previewNodes);
        this.preferredSaveNode = preferredSaveNode;
        this.emptyConditioning = Collections.unmodifiableSet(emptyConditioning);
        this.passesOn = Collections.unmodifiableMap(passesOn);
    }

    /** The bundled table. */
    public static SamplerTable bundled() {
        return new SamplerTable(new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>(),
                new LinkedHashSet<>(), new LinkedHashSet<>(), null, new LinkedHashSet<>(), new LinkedHashMap<>()).merge(DataFiles.bundled("trace/samplers.json"));
    }

    /** This table with a user file's entries on top (same shape as the bundled file). */
    public SamplerTable withUserFile(Path file) {
        return merge(DataFiles.user(file));
    }

    /** This table with the entries of {@code json} on top. */
    public SamplerTable merge(JsonNode json) {
        var s = new LinkedHashMap<>(samplers);
        var g = new LinkedHashMap<>(guiders);
        var not = new ArrayList<>(notSamplers);
        var out = new LinkedHashSet<>(outputNodes);
        var prev = new LinkedHashSet<>(previewNodes);
        var empty = new LinkedHashSet<>(emptyConditioning);
        json.path("emptyConditioning").forEach(n -> empty.add(n.asText()));
        var passes = new LinkedHashMap<>(passesOn);
        json.path("passesOn").properties().forEach(e -> {
            Set<Integer> outs = new LinkedHashSet<>();
            e.getValue().forEach(i -> outs.add(i.asInt()));
            passes.put(e.getKey(), Collections.unmodifiableSet(outs));
        });
        readPromptInputs(json.path("samplers"), s);
        readPromptInputs(json.path("guiders"), g);
        json.path("notSamplers").forEach(n -> not.add(n.asText()));
        json.path("outputNodes").forEach(n -> out.add(n.asText()));
        json.path("previewNodes").forEach(n -> prev.add(n.asText()));
        // a class the user declares a sampler is a sampler, whatever the bundled exclusions say
        not.removeIf(s::containsKey);
        String preferred = json.path("preferredSaveNode").isTextual() ? json.get("preferredSaveNode").asText() : preferredSaveNode;
        return new SamplerTable(s, g, not, out, prev, preferred, empty, passes);
    }

    private static void readPromptInputs(JsonNode obj, Map<String, PromptInputs> into) {
        for (var it = obj.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = e.getValue();
            into.put(e.getKey(), new PromptInputs(text(v.get("positive")), text(v.get("negative"))));
        }
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() && !n.asText().isEmpty() ? n.asText() : null;
    }

    public boolean isExplicitSampler(String classType) { return samplers.containsKey(classType); }

    /** Prompt inputs of an explicit sampler, or null. */
    public PromptInputs samplerInputs(String classType) { return samplers.get(classType); }

    /** Routing override of a guider (DualCFGGuider, BasicGuider …), or null. */
    public PromptInputs guiderInputs(String classType) { return guiders.get(classType); }

    public Map<String, PromptInputs> samplers() { return samplers; }

    /** True for classes listed as never being samplers (KSamplerSelect, ModelSampling* …). */
    public boolean isNeverSampler(String classType) {
        // a pattern scan; SamplerClassifier keeps the answer per class, so it runs once per class
        for (String p : notSamplers) {
            if (p.endsWith("*") ? classType.startsWith(p.substring(0, p.length() - 1)) : classType.equals(p)) return true;
        }
        return false;
    }

    public boolean isOutputNode(String classType) { return outputNodes.contains(classType); }

    public boolean isPreviewNode(String classType) { return previewNodes.contains(classType); }

    public String preferredSaveNode() { return preferredSaveNode; }

    /** True for classes whose conditioning output is empty whatever their input (ConditioningZeroOut). */
    public boolean isEmptyConditioning(String classType) { return emptyConditioning.contains(classType); }

    /** True when the sampler class hands its own model / conditioning on through output {@code outputIndex} (KSampler (Efficient)'s MODEL, CONDITIONING+/-). */
    public boolean passesOn(String classType, int outputIndex) {
        Set<Integer> outs = passesOn.get(classType);
        return outs != null && outs.contains(outputIndex);
    }
}
