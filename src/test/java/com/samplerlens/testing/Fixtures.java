package com.samplerlens.testing;

import static org.junit.jupiter.api.Assertions.fail;

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
 * unlicensed ones from {@code ../shared/fixtures} and fails the test with a clear message when that
 * folder is absent (never a silent skip: a missing corpus must not pass as green).
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

    /** A fixture from ../shared/fixtures; the calling test fails, saying what is missing, when it is absent. */
    public static Path shared(String relative) {
        Path p = requiredRoot().resolve(relative);
        if (!Files.exists(p)) fail("../shared/fixtures/" + relative + " is missing: this test reads it from the shared fixtures beside the worktree");
        return p;
    }

    private static Path requiredRoot() {
        Path root = sharedRoot();
        if (root == null) {
            fail("../shared/fixtures is missing (looked in " + Path.of(System.getProperty("samplerlens.shared", "../shared")).toAbsolutePath()
                    + "): the GPL and unlicensed test files are read from there; set -Dsamplerlens.shared=DIR to point elsewhere");
        }
        return root;
    }

    /** Every bundled fixture under a folder ("images", "workflows/api", "workflows/ui"). */
    public static List<Path> bundledIn(String folder) {
        try (Stream<Path> s = Files.list(bundled(folder))) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("NOTICE.md")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every fixture in ../shared/fixtures/folder (all licenses); the calling test fails when the folder is absent. */
    public static List<Path> sharedIn(String folder) {
        Path root = requiredRoot();
        if (!Files.isDirectory(root.resolve(folder))) fail("../shared/fixtures/" + folder + " is missing");
        try (Stream<Path> s = Files.list(root.resolve(folder))) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
