package com.samplerlens.core.container;

import java.util.Locale;

/** The kinds of file SamplerLens reads. */
public enum ContainerFormat {
    PNG("png"), JPEG("jpg"), WEBP("webp"), JSON("json");

    private final String extension;

    ContainerFormat(String extension) { this.extension = extension; }

    /** Usual file extension, without the dot. */
    public String extension() { return extension; }

    /** Lower-case name as the CLI and JSON output spell it: png, jpeg, webp, json. */
    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static ContainerFormat parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "png" -> PNG;
            case "jpg", "jpeg" -> JPEG;
            case "webp" -> WEBP;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("unknown format '" + s + "' (expected png, jpeg or webp)");
        };
    }
}
