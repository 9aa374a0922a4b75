package com.samplerlens.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.capture.SamplerFieldCatalogue;

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

    /** The field keys of the inspect schema / Samplers detail, in the spec's order (the catalogue's). */
    public static void putFields(ObjectNode o, SamplerFields s, boolean withPrompts) {
        for (SamplerFieldCatalogue f : SamplerFieldCatalogue.values()) {
            if (!withPrompts && (f == SamplerFieldCatalogue.POSITIVE || f == SamplerFieldCatalogue.NEGATIVE)) continue;
            switch (f.of(s)) {
                case null -> { }
                case String t -> o.put(f.id(), t);
                case Long n -> o.put(f.id(), n);
                case Double d -> o.put(f.id(), d);
                case JsonNode j -> o.set(f.id(), j);
                default -> throw new IllegalStateException("no JSON form for " + f);
            }
        }
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
