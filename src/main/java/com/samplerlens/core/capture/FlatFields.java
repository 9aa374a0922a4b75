package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The anchor's flat fields (its pnginfo dict before rendering). Numbers keep their kind so the
 * renderer can print them as Python does. {@code sampler} is null when no sampler candidate was
 * captured at all and "" when one was but had no usable value (the anchor then writes the
 * scheduler alone).
 */
public record FlatFields(String positive, String negative, String t5Prompt, String clipPrompt,
                         Long steps, String sampler, String scheduler, Double cfg, Double guidance, Double denoise,
                         JsonNode seed, Long width, Long height, String model, String modelHash, String weightDtype,
                         JsonNode maxShift, JsonNode baseShift, Long clipSkip, String vae, String vaeHash, JsonNode shift,
                         List<LoraInfo> loras, List<EmbeddingInfo> embeddings, List<String> clipModels) {

    public FlatFields {
        loras = List.copyOf(loras);
        embeddings = List.copyOf(embeddings);
        clipModels = List.copyOf(clipModels);
    }
}
