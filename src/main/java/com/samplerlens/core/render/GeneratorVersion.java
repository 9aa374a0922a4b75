package com.samplerlens.core.render;

import java.util.Map;

/** The {@code Metadata generator version} value: SamplerLens's version, or METADATA_VERSION_OVERRIDE. */
public final class GeneratorVersion {
    private GeneratorVersion() {}

    /** Keep equal to the project version in pom.xml (the CLI's --version shows the same). */
    public static final String VERSION = "0.1.0";

    public static String current(Map<String, String> env) {
        String o = env.get("METADATA_VERSION_OVERRIDE");
        return o != null && !o.isBlank() ? o.trim() : VERSION;
    }
}
