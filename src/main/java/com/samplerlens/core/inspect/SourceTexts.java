package com.samplerlens.core.inspect;

/**
 * The metadata texts a source already holds (any may be null): its API prompt JSON, UI workflow
 * JSON and A1111 parameters. The prompt text is written back unchanged; hashes are read from
 * the parameters.
 */
public record SourceTexts(String prompt, String workflow, String parameters) {
    public static final SourceTexts NONE = new SourceTexts(null, null, null);
}
