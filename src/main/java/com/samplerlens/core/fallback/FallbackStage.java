package com.samplerlens.core.fallback;

/** The JPEG metadata stages, tried in this order; the first that fits is written. */
public enum FallbackStage {
    /** Parameters, prompt, workflow and Samplers detail in EXIF; no marker. */
    FULL("full"),
    /** Only the UserComment (parameters) in EXIF. */
    REDUCED_EXIF("reduced-exif"),
    /** Only the UserComment, with the parameters trimmed to the allowlist. */
    MINIMAL("minimal"),
    /** No EXIF; the parameters in a JPEG COM segment. */
    COM_MARKER("com-marker");

    private final String label;

    FallbackStage(String label) { this.label = label; }

    /** The name written in the marker and printed by the CLI: full, reduced-exif, minimal, com-marker. */
    public String label() { return label; }
}
