package com.samplerlens.core.trace;

/** single: one sampler's settings as the anchor writes them; multi: Sampler_1 … Sampler_k as well. */
public enum TraceMode { SINGLE, MULTI }
