package com.samplerlens.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real test files. {@link #bundled} are the permissive fixtures copied into
 * {@code src/test/resources/fixtures} (see NOTICE.md there); {@link #shared} reads the GPL or
 * unlicensed ones from {@code ../shared/fixtures} and skips the test when that folder is absent.
 */
public final class Fixtures {
    private Fixtures() {}

    /** A bundled fixture by its path under fixtures/, e.g. "images/ce_lora.png". */
    public static Path bundled(String relative) {
        try {
            var url = Fixtures.class.getResource("/fixtures/" + relative);
            if (url == null) throw new IllegalArgumentException("no bundled fixture " + relative);
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Root of ../shared/fixtures, or null when it is not there. */
    public static Path sharedRoot() {
        String prop = System.getProperty("samplerlens.shared");
        Path shared = prop != null ? Path.of(prop) : Path.of("..", "shared");
        Path fixtures = shared.resolve("fixtures");
        return Files.isDirectory(fixtures) ? fixtures.toAbsolutePath().normalize() : null;
    }

    /** A fixture from ../shared/fixtures; the calling test is skipped when it is absent. */
    public static Path shared(String relative) {
        Path root = sharedRoot();
        assumeTrue(root != null, "../shared/fixtures is not present");
        Path p = root.resolve(relative);
        assumeTrue(Files.exists(p), "../shared/fixtures/" + relative + " is not present");
        return p;
    }

    /** Every bundled fixture under a folder ("images", "workflows/api", "workflows/ui"). */
    public static List<Path> bundledIn(String folder) {
        try (Stream<Path> s = Files.list(bundled(folder))) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("NOTICE.md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every fixture in ../shared/fixtures/folder (all licenses), or an empty list when absent. */
    public static List<Path> sharedIn(String folder) {
        Path root = sharedRoot();
        if (root == null || !Files.isDirectory(root.resolve(folder))) return List.of();
        try (Stream<Path> s = Files.list(root.resolve(folder))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
