package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The anchor's flat fields (§3.4): each output key consults the sampler's snapshot P and/or the
 * save node's snapshot S; the nearest usable value wins.
 */
final class FlatResolver {
    private FlatResolver() {}

    private static final Set<String> K_DIFFUSION = Set.of("euler", "euler_ancestral", "heun", "dpm_2", "dpm_2_ancestral", "lms",
            "dpm_fast", "dpm_adaptive", "dpmpp_2s_ancestral", "dpmpp_sde", "dpmpp_sde_gpu", "dpmpp_2m", "dpmpp_2m_sde",
            "dpmpp_2m_sde_gpu", "dpmpp_3m_sde", "dpmpp_3m_sde_gpu", "lcm", "ddim", "plms", "uni_pc", "uni_pc_bh2");
    private static final Set<String> DTYPE_TOKENS = Set.of("fp16", "bf16", "fp32", "float16", "bfloat16", "float32",
            "fp8_e4m3fn", "fp8_e4m3fn_fast", "fp8_e5m2", "nf4", "int8", "int4");
    private static final Pattern DTYPE_SHAPE = Pattern.compile("[A-Za-z0-9_.]{1,24}");

    static FlatFields resolve(Snapshot p, Snapshot s, Graph graph, List<Captured> all, HashLookup hashes) {
        String positive = text(pOrS(p, s, MetaField.POSITIVE_PROMPT));
        String negative = text(pOrS(p, s, MetaField.NEGATIVE_PROMPT));
        String t5 = text(pOrS(p, s, MetaField.T5_PROMPT));
        String clip = text(pOrS(p, s, MetaField.CLIP_PROMPT));

        Snapshot.Ranked stepsFirst = firstOf(p.has(MetaField.STEPS) ? p : s, MetaField.STEPS);
        Long steps = stepsFirst == null ? null : Values.toLong(stepsFirst.value());
        if (steps != null && steps < 0) steps = null;

        String sampler = samplerCandidate(p, s, graph, all);
        JsonNode sched = pOrS(p, s, MetaField.SCHEDULER);

        Long width = Values.toLong(pOrS(p, s, MetaField.IMAGE_WIDTH));
        Long height = Values.toLong(pOrS(p, s, MetaField.IMAGE_HEIGHT));

        String model = modelName(p);
        String modelHash = text(p.first(MetaField.MODEL_HASH));
        if (modelHash == null && model != null) modelHash = hashes.hash(HashKind.MODEL, model).orElse(null);

        String dtype = weightDtype(p, s, model);

        Long clipSkip = Values.toLong(p.first(MetaField.CLIP_SKIP));

        String vae = null;
        for (Snapshot snap : List.of(p, s)) {
            JsonNode v = snap.first(MetaField.VAE_NAME);
            if (vae == null && v != null && Snapshot.usable(v) && !v.asText().isBlank()) vae = FileNames.basename(v.asText());
        }
        String vaeHash = text(s.first(MetaField.VAE_HASH));
        if (vaeHash == null && vae != null) {
            JsonNode raw = p.first(MetaField.VAE_NAME) != null ? p.first(MetaField.VAE_NAME) : s.first(MetaField.VAE_NAME);
            vaeHash = hashes.hash(HashKind.VAE, raw.asText()).orElse(null);
        }

        List<EmbeddingInfo> embeddings = new ArrayList<>();
        List<Snapshot.Ranked> names = p.get(MetaField.EMBEDDING_NAME);
        Set<String> seen = new LinkedHashSet<>();
        for (Snapshot.Ranked r : names) {
            String n = r.value().asText();
            if (seen.add(n.toLowerCase(Locale.ROOT))) embeddings.add(new EmbeddingInfo(n, hashes.hash(HashKind.EMBEDDING, n).orElse(null)));
        }

        List<String> clips = new ArrayList<>();
        Set<String> seenClip = new LinkedHashSet<>();
        for (Snapshot.Ranked r : (p.has(MetaField.CLIP_MODEL_NAME) ? p : s).get(MetaField.CLIP_MODEL_NAME)) {
            if (!Snapshot.usable(r.value())) continue;
            String n = FileNames.stem(r.value().asText());
            if (!n.isBlank() && seenClip.add(n)) clips.add(n);
        }

        return new FlatFields(positive, negative, t5, clip, steps, sampler, text(sched),
                Values.toDouble(p.first(MetaField.CFG)), Values.toDouble(p.first(MetaField.GUIDANCE)),
                Values.toDouble(pOrS(p, s, MetaField.DENOISE)), pOrS(p, s, MetaField.SEED), width, height,
                model, modelHash, dtype, p.first(MetaField.MAX_SHIFT), p.first(MetaField.BASE_SHIFT),
                clipSkip, vae, vaeHash, p.first(MetaField.SHIFT), Loras.of(p), embeddings, clips);
    }

    private static JsonNode pOrS(Snapshot p, Snapshot s, MetaField f) {
        return p.has(f) ? p.first(f) : s.first(f);
    }

    private static Snapshot.Ranked firstOf(Snapshot snap, MetaField f) {
        List<Snapshot.Ranked> l = snap.get(f);
        return l.isEmpty() ? null : l.getFirst();
    }

    private static String text(JsonNode v) {
        return v == null || !Snapshot.usable(v) ? null : v.asText();
    }

    /** §5.3: P, else S, else a KSamplerSelect-like node's literal, else a known k-diffusion token among captured values. */
    private static String samplerCandidate(Snapshot p, Snapshot s, Graph graph, List<Captured> all) {
        JsonNode v = pOrS(p, s, MetaField.SAMPLER_NAME);
        if (v != null) return Snapshot.usable(v) ? v.asText().trim() : "";
        for (Node n : graph.nodes().values()) {
            if (!n.classType().equals("KSamplerSelect") && !n.classType().equals("SamplerCustomAdvanced")) continue;
            for (String in : List.of("sampler_name", "base_sampler", "sampler")) {
                if (n.inputs().get(in) instanceof com.samplerlens.core.graph.InputValue.Literal lit && lit.value().isTextual())
                    return lit.value().asText();
            }
        }
        for (Captured c : all) if (c.value().isTextual() && K_DIFFUSION.contains(c.value().asText())) return c.value().asText();
        return null;
    }

    /** Basename with extension; a value ending in a model extension is preferred. */
    private static String modelName(Snapshot p) {
        List<Snapshot.Ranked> l = p.get(MetaField.MODEL_NAME);
        for (Snapshot.Ranked r : l) if (Snapshot.usable(r.value()) && FileNames.hasModelExtension(r.value().asText())) return FileNames.basename(r.value().asText());
        JsonNode v = p.first(MetaField.MODEL_NAME);
        return v == null || !Snapshot.usable(v) || v.asText().isBlank() ? null : FileNames.basename(v.asText());
    }

    /**
     * First valid captured dtype in P then S, else inferred from the model file name. "default"
     * names no dtype (the anchor's own Wan2.1 output infers fp8_e4m3fn for a UNETLoader set to default).
     */
    private static String weightDtype(Snapshot p, Snapshot s, String model) {
        for (Snapshot snap : List.of(p, s)) {
            for (Snapshot.Ranked r : snap.get(MetaField.WEIGHT_DTYPE)) {
                String d = sanitiseDtype(r.value());
                if (d != null) return d;
            }
        }
        return model == null ? null : inferDtype(model);
    }

    static String sanitiseDtype(JsonNode v) {
        if (v == null || !v.isTextual()) return null;
        String t = v.asText().trim();
        if (t.startsWith("torch.")) t = t.substring(6);
        if (t.startsWith("np.")) t = t.substring(3);
        t = t.replace('-', '_');
        if (t.isEmpty() || t.equalsIgnoreCase("default") || t.contains("/") || t.contains("\\") || t.matches("[0-9.]+")) return null;
        if (DTYPE_TOKENS.contains(t.toLowerCase(Locale.ROOT))) return t;
        return DTYPE_SHAPE.matcher(t).matches() ? t : null;
    }

    static String inferDtype(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        if (m.contains("fp8")) {
            String fast = m.contains("fast") || m.contains("turbo") ? "_fast" : "";
            if (m.contains("e4m3fn")) return "fp8_e4m3fn" + fast;
            if (m.contains("e5m2")) return "fp8_e5m2" + fast;
        }
        for (String t : List.of("bf16", "fp16", "float32", "int8", "int4")) if (m.contains(t)) return t;
        return null;
    }
}
