package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.trace.SamplerAttribution;
import com.samplerlens.core.trace.SamplerClassifier;
import com.samplerlens.core.trace.UpstreamDistances;
import com.samplerlens.core.trace.ValueResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Per-sampler fields (spec §2): from the sampler and its attributed nodes, nearest wins; shared
 * nodes fill gaps only. The model is the nearest loader along the model input; LoRAs are those
 * on that path; prompts come from the encoders reached through the positive / negative input.
 */
final class SamplerFieldResolver {

    private final Graph graph;
    private final ValueResolver values;
    private final List<Captured> all;
    /** Each node's positions in {@code all}: per-sampler work stays within the sampler's scope. */
    private final Map<String, int[]> positions;
    private final Snapshot shared;
    private final PromptRouting routing;
    private final HashLookup hashes;
    private final com.samplerlens.core.trace.SamplerTable table;
    // The walks below run over the graph's int index: per node whether it is a sampler, worked out
    // once here, and per link whether it is live (the resolver's, shared with the trace).
    private final UpstreamDistances walks;
    private final boolean[] samplerAt;

    SamplerFieldResolver(com.samplerlens.core.trace.SamplerTable table, Graph graph, ValueResolver values, SamplerClassifier classifier, List<Captured> all, Snapshot shared,
                         PromptRouting routing, HashLookup hashes) {
        this.graph = graph;
        this.values = values;
        this.all = all;
        this.positions = Snapshot.positionsByNode(all);
        this.shared = shared;
        this.routing = routing;
        this.hashes = hashes;
        this.table = table;
        this.walks = new UpstreamDistances(graph);
        samplerAt = graph.nodesOfClasses(classifier::isSampler);
    }

    /** The sampler's fields; the node each value is taken from goes to {@code sources}. */
    SamplerFields resolve(SamplerAttribution s, FieldSources.Recorder sources) {
        String id = s.nodeId();
        // each walk's distances are read before the next walk (UpstreamDistances reuses its arrays)
        Map<String, Integer> scope = walks.from(id, e -> values.isLive(e) && !samplerAt[graph.sourceOf(e)]);
        Snapshot own = Snapshot.of(all, positions, scope);
        Snapshot modelPath = Snapshot.of(all, positions, modelPath(id));

        String model = null;
        String modelHash = null;
        Snapshot.Ranked loader = firstUsable(modelPath, MetaField.MODEL_NAME);
        if (loader == null) loader = firstUsable(shared, MetaField.MODEL_NAME);
        if (loader != null) {
            model = FileNames.basename(sources.take(MetaField.MODEL_NAME, loader).asText());
            modelHash = sameNode(modelPath, MetaField.MODEL_HASH, loader.nodeId());
            if (modelHash == null) modelHash = hashes.hash(HashKind.MODEL, loader.value().asText()).orElse(null);
            if (modelHash != null) sources.set(MetaField.MODEL_HASH, loader.captured());
        }
        String vae = null;
        String vaeHash = null;
        Snapshot.Ranked vaeNode = firstUsable(own, MetaField.VAE_NAME);
        if (vaeNode == null) vaeNode = firstUsable(shared, MetaField.VAE_NAME);
        if (vaeNode != null) {
            vae = FileNames.basename(sources.take(MetaField.VAE_NAME, vaeNode).asText());
            vaeHash = hashes.hash(HashKind.VAE, vaeNode.value().asText()).orElse(null);
            if (vaeHash != null) sources.set(MetaField.VAE_HASH, vaeNode.captured());
        }
        Long steps = Values.toLong(pick(own, MetaField.STEPS, sources));
        Long end = Values.toLong(pick(own, MetaField.END_STEP, sources));
        // KSamplerAdvanced end_at_step 10000 and WanVideoSampler end_step -1 mean "to the last step"
        if (end != null && steps != null && (end < 0 || end > steps)) end = steps;
        if (end != null && end < 0) end = null;
        // 10000 is "to the last step" too; without the steps it is no step number at all
        if (end != null && steps == null && end >= 10000) end = null;
        return new SamplerFields(s.number(), id, s.classType(), model, modelHash, vae, vaeHash,
                nonEmpty(pick(own, MetaField.SAMPLER_NAME, sources)), nonEmpty(pick(own, MetaField.SCHEDULER, sources)),
                steps, Values.toLong(pick(own, MetaField.START_STEP, sources)), end,
                Values.toDouble(pick(own, MetaField.CFG, sources)), Values.toDouble(pick(own, MetaField.SHIFT, sources)),
                Values.toDouble(pick(own, MetaField.DENOISE, sources)), pick(own, MetaField.SEED, sources),
                prompt(id, PromptRouting.Branch.POSITIVE, MetaField.POSITIVE_PROMPT, sources),
                prompt(id, PromptRouting.Branch.NEGATIVE, MetaField.NEGATIVE_PROMPT, sources),
                Loras.of(modelPath, sources));
    }

    /** Own value, else a shared node's. */
    private JsonNode pick(Snapshot own, MetaField f, FieldSources.Recorder sources) {
        Snapshot.Ranked v = own.pick(f);
        if (v != null && Snapshot.usable(v.value())) return sources.take(f, v);
        // a seed left out on purpose (chosen at run time) is unknown: a shared node's does not stand in
        if (f == MetaField.SEED && v != null && v.value().isNull()) return null;
        Snapshot.Ranked w = shared.pick(f);
        return w != null && Snapshot.usable(w.value()) ? sources.take(f, w) : null;
    }

    private static Snapshot.Ranked firstUsable(Snapshot s, MetaField f) {
        for (Snapshot.Ranked r : s.get(f)) if (Snapshot.usable(r.value()) && !r.value().asText().isBlank()) return r;
        return null;
    }

    private static String sameNode(Snapshot s, MetaField f, String nodeId) {
        for (Snapshot.Ranked r : s.get(f)) if (r.nodeId().equals(nodeId) && Snapshot.usable(r.value())) return r.value().asText();
        return null;
    }

    private static String nonEmpty(JsonNode v) {
        return v == null || v.asText().isBlank() ? null : v.asText();
    }

    /** A link from another sampler is on the model path only from an output that hands its model on (KSampler (Efficient)'s MODEL). */
    private boolean modelLink(int e) {
        int from = graph.sourceOf(e);
        if (!samplerAt[from]) return true;
        return table.passesOn(graph.className(graph.classIndexAt(from)), graph.edgeAt(e).outputIndex());
    }

    /** Distances of the nodes reachable through the sampler's model input (all inputs when it has none). */
    private Map<String, Integer> modelPath(String samplerId) {
        int v = graph.indexOf(samplerId);
        if (v < 0) return Map.of();
        boolean hasModelInput = false;
        for (int e = graph.firstIn(v); e < graph.firstIn(v + 1); e++) hasModelInput |= graph.edgeAt(e).inputName().equals("model");
        boolean onlyModel = hasModelInput;
        return walks.through(samplerId,
                e -> (!onlyModel || graph.edgeAt(e).inputName().equals("model")) && values.isLive(e) && modelLink(e),
                e -> values.isLive(e) && modelLink(e));
    }

    private String prompt(String samplerId, PromptRouting.Branch branch, MetaField field, FieldSources.Recorder sources) {
        String encoder = routing.encoderOf(samplerId, branch);
        if (encoder == null) encoder = samplerId; // a sampler with its own prompt widgets (the anchor's MetadataTestSampler)
        else if (routing.isEmpty(encoder)) {
            sources.set(field, encoder);
            return "";
        }
        Captured prompt = null;
        List<Captured> ofEncoder = new ArrayList<>();
        for (int i : positions.getOrDefault(encoder, new int[0])) ofEncoder.add(all.get(i));
        for (Captured c : ofEncoder) {
            if (c.field() == field && Snapshot.usable(c.value())) {
                prompt = c;
                break;
            }
        }
        if (prompt == null && branch == PromptRouting.Branch.POSITIVE) {
            for (Captured c : ofEncoder) {
                if (c.field() == MetaField.T5_PROMPT) {
                    prompt = c;
                    break;
                }
            }
        }
        if (prompt == null) return null;
        sources.set(field, prompt);
        return prompt.value().asText();
    }
}
