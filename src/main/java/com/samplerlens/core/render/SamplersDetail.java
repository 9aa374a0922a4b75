package com.samplerlens.core.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.samplerlens.core.capture.LoraInfo;
import com.samplerlens.core.capture.SamplerFields;
import java.util.List;

/** The {@code Samplers detail} JSON array (spec §3): one object per traced sampler, absent values left out. */
public final class SamplersDetail {
    private SamplersDetail() {}

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public static ArrayNode toJson(List<SamplerFields> samplers) {
        ArrayNode arr = JSON.arrayNode();
        for (SamplerFields s : samplers) arr.add(toJson(s, false));
        return arr;
    }

    /** One sampler; {@code withPrompts} adds positive/negative (the inspect report has them, the file does not). */
    public static ObjectNode toJson(SamplerFields s, boolean withPrompts) {
        ObjectNode o = JSON.objectNode();
        o.put("number", s.number());
        o.put("node_id", s.nodeId());
        o.put("class_type", s.classType());
        putFields(o, s, withPrompts);
        return o;
    }

    /** The field keys of the inspect schema / Samplers detail, in the spec's order. */
    public static void putFields(ObjectNode o, SamplerFields s, boolean withPrompts) {
        if (s.model() != null) o.put("model", s.model());
        if (s.modelHash() != null) o.put("model_hash", s.modelHash());
        if (s.vae() != null) o.put("vae", s.vae());
        if (s.vaeHash() != null) o.put("vae_hash", s.vaeHash());
        if (s.sampler() != null) o.put("sampler", s.sampler());
        if (s.scheduler() != null) o.put("scheduler", s.scheduler());
        if (s.steps() != null) o.put("steps", s.steps());
        if (s.startStep() != null) o.put("start_step", s.startStep());
        if (s.endStep() != null) o.put("end_step", s.endStep());
        if (s.cfg() != null) o.put("cfg", s.cfg());
        if (s.shift() != null) o.put("shift", s.shift());
        if (s.denoise() != null) o.put("denoise", s.denoise());
        if (s.seed() != null) o.set("seed", s.seed());
        if (withPrompts && s.positive() != null) o.put("positive", s.positive());
        if (withPrompts && s.negative() != null) o.put("negative", s.negative());
        ArrayNode loras = o.putArray("loras");
        for (LoraInfo l : s.loras()) {
            ObjectNode lo = loras.addObject();
            lo.put("name", l.name());
            if (l.hash() != null) lo.put("hash", l.hash());
            if (l.strength() != null) lo.put("strength", l.strength());
        }
    }

    /** Compact JSON text as written to the file ({@code ","}/{@code ":"}, ASCII escapes). */
    public static String text(List<SamplerFields> samplers) {
        return PyJson.compact(toJson(samplers));
    }
}
