package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.InputValue;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.trace.Resolution;
import com.samplerlens.core.trace.ValueResolver;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pixel size a LatentUpscaleBy gives, read statically, as ComfyUI computes it: the latent
 * dimension times {@code scale_by}, rounded (Python's round, half to even), times 8. The anchor
 * rounds after the × 8 ({@code round(latent × scale_by × 8)}) and so writes 563x563 for a 512
 * latent upscaled by 1.1, where the image it saved is 560x560 (its own test output
 * Embedding-Vae-near_00001_.png). The latent reaching the {@code samples} input is found by walking the latent inputs upstream to
 * a node whose capture rules read a literal width and height (EmptyLatentImage, LatentUpscale …),
 * scaling by every LatentUpscaleBy passed on the way, as ComfyUI rounds each one.
 */
final class LatentSize {
    private LatentSize() {}

    /** Inputs a latent passes through (KSampler's latent_image, VAE decode/encode chains stop the walk). */
    private static final List<String> LATENT_INPUTS = List.of("samples", "latent_image", "latent", "latents", "LATENT");
    private static final int MAX_HOPS = 256;

    /** The width (or height) after {@code node}'s LatentUpscaleBy with factor {@code scale}; null when the input latent's size is unknown. */
    static Long scaled(Graph graph, ValueResolver values, CaptureRules rules, Node node, double scale, boolean width) {
        Long latent = latentDim(graph, values, rules, node, width);
        return latent == null ? null : (long) Math.rint(latent * scale) * 8;
    }

    /** The latent dimension (pixels / 8) reaching {@code upscaler}'s samples input. */
    private static Long latentDim(Graph graph, ValueResolver values, CaptureRules rules, Node upscaler, boolean width) {
        List<Double> scales = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Node at = source(graph, upscaler);
        for (int hop = 0; at != null && hop < MAX_HOPS && seen.add(at.id()); hop++) {
            if (at.classType().equals("LatentUpscaleBy")) {
                Double s = number(values.resolve(at, "scale_by"));
                if (s == null) return null;
                scales.add(s);
            } else {
                CaptureRule rule = rules.of(at.classType()).get(width ? MetaField.IMAGE_WIDTH : MetaField.IMAGE_HEIGHT);
                if (rule != null && rule.format() == null && rule.inputs().size() == 1) {
                    Double px = number(values.resolve(at, rule.inputs().getFirst()));
                    if (px == null) return null;
                    long dim = (long) Math.floor(px / 8);
                    for (int i = scales.size() - 1; i >= 0; i--) dim = (long) Math.rint(dim * scales.get(i));
                    return dim;
                }
            }
            at = source(graph, at);
        }
        return null;
    }

    /** The node linked to the first latent input of {@code n}, or null. */
    private static Node source(Graph graph, Node n) {
        for (String in : LATENT_INPUTS) {
            if (n.inputs().get(in) instanceof InputValue.Link l) return graph.node(l.sourceId());
        }
        return null;
    }

    private static Double number(Resolution r) {
        if (!(r instanceof Resolution.Value v)) return null;
        JsonNode j = v.value();
        return j.isNumber() ? j.doubleValue() : Values.toDouble(j);
    }
}
