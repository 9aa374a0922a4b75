package com.samplerlens.core.capture;

/** What a hashed file is; the anchor's {@code Hashes} JSON keys follow it (model, vae, lora:, embed:). */
public enum HashKind { MODEL, VAE, LORA, EMBEDDING }
