package com.samplerlens.app.kit;

import com.samplerlens.core.container.ContainerFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Output file names the app proposes, and what a file name says about its kind. */
public final class OutputNames {
    private OutputNames() {}

    /** {@code <name>_meta.<ext>} next to {@code pixels}; {@code _meta_2}, {@code _meta_3} … when taken, so nothing is overwritten silently. */
    public static Path propose(Path pixels, ContainerFormat format) {
        String name = pixels.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path folder = pixels.toAbsolutePath().getParent();
        Path candidate = folder.resolve(stem + "_meta." + format.extension());
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve(stem + "_meta_" + n + "." + format.extension());
        }
        return candidate;
    }

    /** The image format a file name suggests (PNG, JPEG, WebP), or empty for anything else. */
    public static Optional<ContainerFormat> imageFormatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) return Optional.of(ContainerFormat.PNG);
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) return Optional.of(ContainerFormat.JPEG);
        if (name.endsWith(".webp")) return Optional.of(ContainerFormat.WEBP);
        return Optional.empty();
    }

    public static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }
}
