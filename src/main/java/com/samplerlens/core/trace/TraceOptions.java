package com.samplerlens.core.trace;

/**
 * What the user asked the tracer for.
 *
 * @param maxSamplers how many samplers to trace (1 … 16); 1 is the anchor's single-sampler behaviour
 * @param selection   which sampler single-sampler mode picks
 * @param saveNodeId  the output node the image came from; null picks the default (spec §2)
 * @param override    FORCE_MULTI / SINGLE, as METADATA_WAN_MOE_FORCE / _DISABLE or --force-multi / --single
 */
public record TraceOptions(int maxSamplers, SamplerSelection selection, String saveNodeId, MultiSamplerOverride override) {

    public static final int MAX_SAMPLERS_LIMIT = 16;

    public TraceOptions {
        if (maxSamplers < 1 || maxSamplers > MAX_SAMPLERS_LIMIT)
            throw new IllegalArgumentException("max samplers must be 1 to " + MAX_SAMPLERS_LIMIT + ", not " + maxSamplers);
        if (selection == null) selection = SamplerSelection.FARTHEST;
        if (override == null) override = MultiSamplerOverride.AUTO;
    }

    public static TraceOptions defaults() {
        return new TraceOptions(1, SamplerSelection.FARTHEST, null, MultiSamplerOverride.AUTO);
    }

    public TraceOptions withMaxSamplers(int n) { return new TraceOptions(n, selection, saveNodeId, override); }
    public TraceOptions withSelection(SamplerSelection s) { return new TraceOptions(maxSamplers, s, saveNodeId, override); }
    public TraceOptions withSaveNode(String id) { return new TraceOptions(maxSamplers, selection, id, override); }
    public TraceOptions withOverride(MultiSamplerOverride o) { return new TraceOptions(maxSamplers, selection, saveNodeId, o); }
}
