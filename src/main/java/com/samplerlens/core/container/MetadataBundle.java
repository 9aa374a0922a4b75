package com.samplerlens.core.container;

/**
 * The texts SamplerLens writes into a file. Any of them may be null (not written).
 *
 * @param parameters     A1111-style parameters text (PNG chunk, EXIF UserComment, or JPEG COM)
 * @param prompt         API prompt JSON as it should be stored in a PNG chunk (ComfyUI's json.dumps form)
 * @param workflow       UI workflow JSON as it should be stored in a PNG chunk
 * @param samplersDetail {@code Samplers detail} JSON array, compact; null in single-sampler mode
 */
public record MetadataBundle(String parameters, String prompt, String workflow, String samplersDetail) {

    public MetadataBundle withParameters(String p) {
        return new MetadataBundle(p, prompt, workflow, samplersDetail);
    }
}
