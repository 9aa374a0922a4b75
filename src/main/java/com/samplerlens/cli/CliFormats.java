package com.samplerlens.cli;

import com.samplerlens.core.container.ContainerFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The {@code --format} option shared by stages and write. */
final class CliFormats {
    private CliFormats() {}

    /** The output format asked for, or null when none was; a bad value is a usage error. */
    static ContainerFormat outputFormat(CommandSpec spec, String value) {
        if (value == null) return null;
        try {
            ContainerFormat f = ContainerFormat.parse(value);
            if (f == ContainerFormat.JSON) throw new IllegalArgumentException("metadata is written into images; --format must be jpeg, png or webp");
            return f;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
    }
}
