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
    /** A version number or size where a dtype belongs ("1.0"): not a dtype. */
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");

    /** The flat fields; the node each value is taken from goes to {@code sources}. */
    static FlatFields resolve(Snapshot p, Snapshot s, Graph graph, List<Captured> all, HashLookup hashes, FieldSources.Recorder sources) {
        String positive = text(sources.take(MetaField.POSITIVE_PROMPT, pOrS(p, s, MetaField.POSITIVE_PROMPT)));
        String negative = text(sources.take(MetaField.NEGATIVE_PROMPT, pOrS(p, s, MetaField.NEGATIVE_PROMPT)));
        String t5 = text(sources.take(MetaField.T5_PROMPT, pOrS(p, s, MetaField.T5_PROMPT)));
        String clip = text(sources.take(MetaField.CLIP_PROMPT, pOrS(p, s, MetaField.CLIP_PROMPT)));

        Snapshot.Ranked stepsFirst = firstOf(p.has(MetaField.STEPS) ? p : s, MetaField.STEPS);
        Long steps = Values.toLong(sources.take(MetaField.STEPS, stepsFirst));
        if (steps != null && steps < 0) steps = null;

        String sampler = samplerCandidate(p, s, graph, all, sources);
        JsonNode sched = sources.take(MetaField.SCHEDULER, pOrS(p, s, MetaField.SCHEDULER));

        Long width = Values.toLong(sources.take(MetaField.IMAGE_WIDTH, pOrS(p, s, MetaField.IMAGE_WIDTH)));
        Long height = Values.toLong(sources.take(MetaField.IMAGE_HEIGHT, pOrS(p, s, MetaField.IMAGE_HEIGHT)));

        Snapshot.Ranked modelFrom = modelName(p);
        String model = modelFrom == null ? null : FileNames.basename(sources.take(MetaField.MODEL_NAME, modelFrom).asText());
        String modelHash = text(sources.take(MetaField.MODEL_HASH, p.pick(MetaField.MODEL_HASH)));
        if (modelHash == null && model != null) {
            modelHash = hashes.hash(HashKind.MODEL, model).orElse(null);
            if (modelHash != null) sources.set(MetaField.MODEL_HASH, modelFrom.captured());
        }

        String dtype = weightDtype(p, s, modelFrom, sources);

        Long clipSkip = Values.toLong(sources.take(MetaField.CLIP_SKIP, p.pick(MetaField.CLIP_SKIP)));

        String vae = null;
        for (Snapshot snap : List.of(p, s)) {
            Snapshot.Ranked v = snap.pick(MetaField.VAE_NAME);
            if (vae == null && v != null && Snapshot.usable(v.value()) && !v.value().asText().isBlank()) {
                vae = FileNames.basename(sources.take(MetaField.VAE_NAME, v).asText());
            }
        }
        String vaeHash = text(sources.take(MetaField.VAE_HASH, s.pick(MetaField.VAE_HASH)));
        if (vaeHash == null && vae != null) {
            Snapshot.Ranked raw = p.pick(MetaField.VAE_NAME) != null ? p.pick(MetaField.VAE_NAME) : s.pick(MetaField.VAE_NAME);
            vaeHash = hashes.hash(HashKind.VAE, raw.value().asText()).orElse(null);
            if (vaeHash != null) sources.set(MetaField.VAE_HASH, raw.captured());
        }

        List<EmbeddingInfo> embeddings = new ArrayList<>();
        List<Snapshot.Ranked> names = p.get(MetaField.EMBEDDING_NAME);
        Set<String> seen = new LinkedHashSet<>();
        for (Snapshot.Ranked r : names) {
            String n = r.value().asText();
            if (seen.add(n.toLowerCase(Locale.ROOT))) {
                embeddings.add(new EmbeddingInfo(n, hashes.hash(HashKind.EMBEDDING, n).orElse(null)));
                sources.add(MetaField.EMBEDDING_NAME, r.captured());
            }
        }

        List<String> clips = new ArrayList<>();
        Set<String> seenClip = new LinkedHashSet<>();
        for (Snapshot.Ranked r : (p.has(MetaField.CLIP_MODEL_NAME) ? p : s).get(MetaField.CLIP_MODEL_NAME)) {
            if (!Snapshot.usable(r.value())) continue;
            String n = FileNames.stem(r.value().asText());
            if (!n.isBlank() && seenClip.add(n)) {
                clips.add(n);
                sources.add(MetaField.CLIP_MODEL_NAME, r.captured());
            }
        }

        return new FlatFields(positive, negative, t5, clip, steps, sampler, text(sched),
                Values.toDouble(sources.take(MetaField.CFG, p.pick(MetaField.CFG))),
                Values.toDouble(sources.take(MetaField.GUIDANCE, p.pick(MetaField.GUIDANCE))),
                Values.toDouble(sources.take(MetaField.DENOISE, pOrS(p, s, MetaField.DENOISE))),
                known(sources.take(MetaField.SEED, pOrS(p, s, MetaField.SEED))), width, height,
                model, modelHash, dtype, sources.take(MetaField.MAX_SHIFT, p.pick(MetaField.MAX_SHIFT)),
                sources.take(MetaField.BASE_SHIFT, p.pick(MetaField.BASE_SHIFT)),
                clipSkip, vae, vaeHash, sources.take(MetaField.SHIFT, p.pick(MetaField.SHIFT)), Loras.of(p, sources), embeddings, clips);
    }

    /** Null for a value left out on purpose (a seed chosen at run time): FieldCapture records it as JSON null. */
    private static JsonNode known(JsonNode v) {
        return v == null || v.isNull() ? null : v;
    }

    private static Snapshot.Ranked pOrS(Snapshot p, Snapshot s, MetaField f) {
        return p.has(f) ? p.pick(f) : s.pick(f);
    }

    private static Snapshot.Ranked firstOf(Snapshot snap, MetaField f) {
        List<Snapshot.Ranked> l = snap.get(f);
        return l.isEmpty() ? null : l.getFirst();
    }

    private static String text(JsonNode v) {
        return v == null || !Snapshot.usable(v) ? null : v.asText();
    }

    /** §5.3: P, else S, else a KSamplerSelect-like node's literal, else a known k-diffusion token among captured values. */
    private static String samplerCandidate(Snapshot p, Snapshot s, Graph graph, List<Captured> all, FieldSources.Recorder sources) {
        JsonNode v = sources.take(MetaField.SAMPLER_NAME, pOrS(p, s, MetaField.SAMPLER_NAME));
        if (v != null) return Snapshot.usable(v) ? v.asText().trim() : "";
        for (Node n : graph.nodes().values()) {
            if (!n.classType().equals("KSamplerSelect") && !n.classType().equals("SamplerCustomAdvanced")) continue;
            for (String in : List.of("sampler_name", "base_sampler", "sampler")) {
                if (n.inputs().get(in) instanceof com.samplerlens.core.graph.InputValue.Literal lit && lit.value().isTextual()) {
                    sources.set(MetaField.SAMPLER_NAME, n.id());
                    return lit.value().asText();
                }
            }
        }
        for (Captured c : all) {
            if (c.value().isTextual() && K_DIFFUSION.contains(c.value().asText())) {
                sources.set(MetaField.SAMPLER_NAME, c);
                return c.value().asText();
            }
        }
        return null;
    }

    /** The model name's value (basename with extension taken by the caller); a value ending in a model extension is preferred. */
    private static Snapshot.Ranked modelName(Snapshot p) {
        List<Snapshot.Ranked> l = p.get(MetaField.MODEL_NAME);
        for (Snapshot.Ranked r : l) if (Snapshot.usable(r.value()) && FileNames.hasModelExtension(r.value().asText())) return r;
        Snapshot.Ranked r = p.pick(MetaField.MODEL_NAME);
        return r == null || !Snapshot.usable(r.value()) || r.value().asText().isBlank() ? null : r;
    }

    /**
     * First valid captured dtype in P then S, else inferred from the model file name. "default"
     * names no dtype (the anchor's own Wan2.1 output infers fp8_e4m3fn for a UNETLoader set to default).
     */
    private static String weightDtype(Snapshot p, Snapshot s, Snapshot.Ranked model, FieldSources.Recorder sources) {
        for (Snapshot snap : List.of(p, s)) {
            for (Snapshot.Ranked r : snap.get(MetaField.WEIGHT_DTYPE)) {
                String d = sanitiseDtype(r.value());
                if (d != null) {
                    sources.set(MetaField.WEIGHT_DTYPE, r.captured());
                    return d;
                }
            }
        }
        String inferred = model == null ? null : inferDtype(FileNames.basename(model.value().asText()));
        if (inferred != null) sources.set(MetaField.WEIGHT_DTYPE, model.captured());
        return inferred;
    }

    static String sanitiseDtype(JsonNode v) {
        if (v == null || !v.isTextual()) return null;
        String t = v.asText().trim();
        if (t.startsWith("torch.")) t = t.substring(6);
        if (t.startsWith("np.")) t = t.substring(3);
        t = t.replace('-', '_');
        if (t.isEmpty() || t.equalsIgnoreCase("default") || t.contains("/") || t.contains("\\") || DIGITS_AND_DOTS.matcher(t).matches()) return null;
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
