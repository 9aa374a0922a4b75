package com.samplerlens.cli;

import picocli.CommandLine;

/** Version shown by --version and written as "Metadata generator version". */
public final class Version implements CommandLine.IVersionProvider {
    public static final String VERSION = "0.1.0";

    @Override
    public String[] getVersion() {
        return new String[] {"SamplerLens " + VERSION, "Java " + System.getProperty("java.version")};
    }
}
