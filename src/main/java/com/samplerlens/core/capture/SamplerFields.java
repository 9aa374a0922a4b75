package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One traced sampler's fields (spec §2, per-sampler fields); null = no value. */
public record SamplerFields(int number, String nodeId, String classType, String model, String modelHash,
                            String vae, String vaeHash, String sampler, String scheduler, Long steps,
                            Long startStep, Long endStep, Double cfg, Double shift, Double denoise, JsonNode seed,
                            String positive, String negative, List<LoraInfo> loras) {

    public SamplerFields {
        loras = List.copyOf(loras);
    }

    /** Single-sampler mode: the chosen sampler carries the flat fields. */
    public static SamplerFields fromFlat(int number, String nodeId, String classType, FlatFields f) {
        return new SamplerFields(number, nodeId, classType, f.model(), f.modelHash(), f.vae(), f.vaeHash(),
                f.sampler() == null || f.sampler().isEmpty() ? null : f.sampler(),
                f.scheduler() == null || f.scheduler().isEmpty() ? null : f.scheduler(),
                f.steps(), null, null, f.cfg(), f.shift() != null && f.shift().isNumber() ? f.shift().doubleValue() : null,
                f.denoise(), f.seed(), f.positive(), f.negative(), f.loras());
    }
}
