package com.samplerlens.core.capture;

/** An embedding named in a prompt; hash null when unknown. */
public record EmbeddingInfo(String name, String hash) {}
