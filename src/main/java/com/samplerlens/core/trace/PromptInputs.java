package com.samplerlens.core.trace;

/**
 * The inputs of a sampler (or guider) that lead to its positive and negative conditioning; either
 * may be null (a guider with no negative branch).
 */
public record PromptInputs(String positive, String negative) {}
