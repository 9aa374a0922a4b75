package com.samplerlens.core.inspect;

import com.samplerlens.core.trace.SamplerSelection;
import com.samplerlens.core.trace.TraceOptions;

/**
 * What the user asked for, flag by flag (or switch by switch in the app), each null or false when
 * not given, so that the defaults apply in one order for every command and the app:
 * a choice given here, else the save node's own setting (a {@code SaveImageWithMetaDataUniversal}
 * node, {@link AnchorSettings}), else what the source says of itself (the number of samplers its
 * {@code Samplers detail} lists), else the environment ({@code METADATA_*}), else the built-in default.
 *
 * @param maxSamplers   1 … 16, or null
 * @param selection     which sampler single-sampler mode uses, or null
 * @param saveNode      the output node to trace from, or null for the default; an id not in the graph is an error
 * @param forceMulti    {@code --force-multi} (adds to METADATA_WAN_MOE_FORCE)
 * @param single        {@code --single} (adds to METADATA_WAN_MOE_DISABLE; wins over force)
 * @param multiline     {@code --multiline} (adds to METADATA_TEST_MODE)
 * @param civitai       Civitai sampler names, or null
 * @param guidanceAsCfg the anchor's guidance_as_cfg, or null
 * @param loraSummary   the anchor's include_lora_summary, or null
 * @param maxJpegExifKb the JPEG EXIF limit in KB, or null
 */
public record Choices(Integer maxSamplers, SamplerSelection selection, String saveNode, boolean forceMulti, boolean single,
                      boolean multiline, Boolean civitai, Boolean guidanceAsCfg, Boolean loraSummary, Integer maxJpegExifKb) {

    public static final Choices NONE = new Choices(null, null, null, false, false, false, null, null, null, null);

    public Choices {
        if (maxSamplers != null && (maxSamplers < 1 || maxSamplers > TraceOptions.MAX_SAMPLERS_LIMIT)) {
            throw new IllegalArgumentException("--max-samplers must be 1 to " + TraceOptions.MAX_SAMPLERS_LIMIT + ", not " + maxSamplers);
        }
        if (saveNode != null && saveNode.isBlank()) saveNode = null;
    }

    public Choices withMaxSamplers(Integer n) {
        return new Choices(n, selection, saveNode, forceMulti, single, multiline, civitai, guidanceAsCfg, loraSummary, maxJpegExifKb);
    }

    public Choices withSelection(SamplerSelection s) {
        return new Choices(maxSamplers, s, saveNode, forceMulti, single, multiline, civitai, guidanceAsCfg, loraSummary, maxJpegExifKb);
    }

    public Choices withSaveNode(String id) {
        return new Choices(maxSamplers, selection, id, forceMulti, single, multiline, civitai, guidanceAsCfg, loraSummary, maxJpegExifKb);
    }

    public Choices withOverride(boolean force, boolean one) {
        return new Choices(maxSamplers, selection, saveNode, force, one, multiline, civitai, guidanceAsCfg, loraSummary, maxJpegExifKb);
    }

    public Choices withRendering(boolean lines, Boolean civitaiNames) {
        return new Choices(maxSamplers, selection, saveNode, forceMulti, single, lines, civitaiNames, guidanceAsCfg, loraSummary, maxJpegExifKb);
    }

    public Choices withAnchorSwitches(Boolean guidance, Boolean loras) {
        return new Choices(maxSamplers, selection, saveNode, forceMulti, single, multiline, civitai, guidance, loras, maxJpegExifKb);
    }

    public Choices withMaxJpegExifKb(Integer kb) {
        return new Choices(maxSamplers, selection, saveNode, forceMulti, single, multiline, civitai, guidanceAsCfg, loraSummary, kb);
    }
}
