package com.samplerlens.core.render;

import java.util.Map;

/**
 * How the parameters text is written.
 *
 * @param civitaiSamplerNames "DPM++ 2M Karras" instead of "dpmpp_2m_karras"
 * @param multiline           one key per line (METADATA_TEST_MODE)
 * @param version             the {@code Metadata generator version} value
 * @param guidanceAsCfg       the anchor's {@code guidance_as_cfg}: {@code CFG scale} takes the Guidance value, no {@code Guidance} key
 * @param loraSummary         the anchor's {@code include_lora_summary}: a {@code LoRAs:} key before {@code Hashes}
 */
public record RenderOptions(boolean civitaiSamplerNames, boolean multiline, String version, boolean guidanceAsCfg, boolean loraSummary) {

    public RenderOptions(boolean civitaiSamplerNames, boolean multiline, String version) {
        this(civitaiSamplerNames, multiline, version, false, false);
    }

    public static RenderOptions defaults() {
        return new RenderOptions(false, false, GeneratorVersion.VERSION);
    }

    /** METADATA_TEST_MODE (non-empty) and METADATA_VERSION_OVERRIDE, as the anchor reads them. */
    public static RenderOptions fromEnvironment(Map<String, String> env) {
        String test = env.get("METADATA_TEST_MODE");
        return new RenderOptions(false, test != null && !test.isEmpty(), GeneratorVersion.current(env));
    }

    public RenderOptions withCivitai(boolean c) { return new RenderOptions(c, multiline, version, guidanceAsCfg, loraSummary); }

    public RenderOptions withMultiline(boolean m) { return new RenderOptions(civitaiSamplerNames, m, version, guidanceAsCfg, loraSummary); }

    public RenderOptions withGuidanceAsCfg(boolean g) { return new RenderOptions(civitaiSamplerNames, multiline, version, g, loraSummary); }

    public RenderOptions withLoraSummary(boolean l) { return new RenderOptions(civitaiSamplerNames, multiline, version, guidanceAsCfg, l); }
}
