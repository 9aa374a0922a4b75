package com.samplerlens.core.container;

/** The text keys ComfyUI tools store, as PNG keywords (and as our names for the EXIF equivalents). */
public final class MetadataKeys {
    private MetadataKeys() {}

    /** A1111-style text; PNG text chunk, EXIF UserComment, or JPEG COM. */
    public static final String PARAMETERS = "parameters";
    /** API prompt JSON; PNG text chunk or 0th-IFD Model "prompt:" + JSON. */
    public static final String PROMPT = "prompt";
    /** UI workflow JSON; PNG text chunk or 0th-IFD Make "workflow:" + JSON. */
    public static final String WORKFLOW = "workflow";
    /** Our per-sampler JSON array; PNG text chunk or 0th-IFD ImageDescription "Samplers detail:" + JSON. */
    public static final String SAMPLERS_DETAIL = "Samplers detail";
}
