package com.samplerlens.core.container;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The texts SamplerLens writes into a file. Any of them may be null (not written).
 *
 * <p>A prompt rendered from the graph (a source without its own prompt) is rendered on first
 * use: {@code inspect} never prints it, and for a large converted workflow rendering it was work
 * for nothing. Equal bundles have equal texts, however they were made.
 */
public final class MetadataBundle {
    private final String parameters;
    private final String workflow;
    private final String samplersDetail;
    private Supplier<String> promptSource;
    private String prompt;

    /**
     * @param parameters     A1111-style parameters text (PNG chunk, EXIF UserComment, or JPEG COM)
     * @param prompt         API prompt JSON as it should be stored in a PNG chunk (ComfyUI's json.dumps form)
     * @param workflow       UI workflow JSON as it should be stored in a PNG chunk
     * @param samplersDetail {@code Samplers detail} JSON array, compact; null in single-sampler mode
     */
    public MetadataBundle(String parameters, String prompt, String workflow, String samplersDetail) {
        this(parameters, null, prompt, workflow, samplersDetail);
    }

    private MetadataBundle(String parameters, Supplier<String> promptSource, String prompt, String workflow, String samplersDetail) {
        this.parameters = parameters;
        this.promptSource = promptSource;
        this.prompt = prompt;
        this.workflow = workflow;
        this.samplersDetail = samplersDetail;
    }

    /** A bundle whose prompt is rendered by {@code prompt} when first asked for (once). */
    public static MetadataBundle withPromptFrom(String parameters, Supplier<String> prompt, String workflow, String samplersDetail) {
        return new MetadataBundle(parameters, Objects.requireNonNull(prompt), null, workflow, samplersDetail);
    }

    public String parameters() { return parameters; }

    public synchronized String prompt() {
        if (promptSource != null) {
            prompt = promptSource.get();
            promptSource = null;
        }
        return prompt;
    }

    public String workflow() { return workflow; }

    public String samplersDetail() { return samplersDetail; }

    public MetadataBundle withParameters(String p) {
        synchronized (this) {
            return new MetadataBundle(p, promptSource, prompt, workflow, samplersDetail);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetadataBundle b && Objects.equals(parameters, b.parameters) && Objects.equals(prompt(), b.prompt())
                && Objects.equals(workflow, b.workflow) && Objects.equals(samplersDetail, b.samplersDetail);
    }

    @Override
    public int hashCode() { return Objects.hash(parameters, prompt(), workflow, samplersDetail); }

    @Override
    public String toString() {
        return "MetadataBundle[parameters=" + parameters + ", prompt=" + prompt() + ", workflow=" + workflow + ", samplersDetail=" + samplersDetail + "]";
    }
}
