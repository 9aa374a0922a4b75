package com.samplerlens.core.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.capture.CaptureRules;
import com.samplerlens.core.capture.MetadataComposer;
import com.samplerlens.core.trace.DataFiles;
import com.samplerlens.core.trace.SamplerTable;
import com.samplerlens.core.trace.ValueRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The user's own rule files, merged on top of the bundled data: each {@code *.json} file in the
 * rules folder ({@code ~/.samplerlens/rules}, or {@code SAMPLERLENS_RULES} when set) or named with
 * {@code --rules}. A file is sorted by its top-level keys: {@code "rules"} → capture rules;
 * {@code "samplers"}, {@code "guiders"}, {@code "notSamplers"}, {@code "outputNodes"} → the sampler
 * table; {@code "constants"}, {@code "reroutes"}, {@code "switches"} → value rules. One file may
 * hold several. Files merge in name order, so a later file wins per class.
 */
public final class UserRules {
    private UserRules() {}

    /** The top-level keys a rule file may hold; a typo ("rule", "sampler") is an error at load, not a file silently ignored. */
    static final java.util.Set<String> KNOWN_KEYS = java.util.Set.of("rules", "samplers", "guiders", "notSamplers", "outputNodes",
            "previewNodes", "preferredSaveNode", "constants", "reroutes", "switches");

    /** The folder read by default, whether or not it exists. */
    public static Path defaultFolder(Map<String, String> env) {
        String dir = env.get("SAMPLERLENS_RULES");
        if (dir != null && !dir.isBlank()) return Path.of(dir);
        return Path.of(System.getProperty("user.home"), ".samplerlens", "rules");
    }

    /** The rule files to merge: the default folder's, then the ones given (files or folders). */
    public static List<Path> files(Map<String, String> env, List<Path> given) {
        return Stream.concat(jsonFilesIn(defaultFolder(env)).stream(), givenFiles(given).stream()).toList();
    }

    /**
     * An inspector with the bundled data, the default folder's rule files and the {@code given}
     * ones ({@code --rules}) on top.
     *
     * @throws IllegalArgumentException one line naming where the file came from ("--rules" or the
     *                                  rules folder), the file and the problem
     */
    public static Inspector inspector(Map<String, String> env, List<Path> given) {
        List<Path> defaults;
        try {
            defaults = jsonFilesIn(defaultFolder(env));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rules folder " + e.getMessage(), e);
        }
        List<Path> extra;
        try {
            extra = givenFiles(given);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rules " + e.getMessage(), e);
        }
        try {
            inspector(defaults); // the folder's files alone first, so that a bad one is named as the folder's
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rules folder " + e.getMessage(), e);
        }
        try {
            return inspector(Stream.concat(defaults.stream(), extra.stream()).toList());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rules " + e.getMessage(), e);
        }
    }

    private static List<Path> givenFiles(List<Path> given) {
        List<Path> files = new java.util.ArrayList<>();
        for (Path p : given) {
            if (Files.isDirectory(p)) files.addAll(jsonFilesIn(p));
            else files.add(p);
        }
        return files;
    }

    /**
     * An inspector with the bundled data and these user files on top.
     *
     * @throws IllegalArgumentException with a one-line message naming the file when one is unreadable
     */
    public static Inspector inspector(List<Path> files) {
        if (files.isEmpty()) return Inspector.bundled();
        SamplerTable table = SamplerTable.bundled();
        CaptureRules rules = CaptureRules.bundled();
        ValueRules values = ValueRules.bundled();
        for (Path f : files) {
            JsonNode json = DataFiles.user(f);
            for (var it = json.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!key.startsWith("_") && !KNOWN_KEYS.contains(key)) {
                    throw new IllegalArgumentException(f + ": unknown top-level key '" + key + "' (known: " + String.join(", ", new java.util.TreeSet<>(KNOWN_KEYS)) + ")");
                }
            }
            if (json.has("rules")) rules = rules.withUserFile(f);
            if (json.has("samplers") || json.has("guiders") || json.has("notSamplers") || json.has("outputNodes") || json.has("previewNodes")
                    || json.has("preferredSaveNode")) table = table.withUserFile(f);
            if (json.has("constants") || json.has("reroutes") || json.has("switches")) values = values.withUserFile(f);
        }
        return new Inspector(new MetadataComposer(table, rules, values));
    }

    /** @throws IllegalArgumentException "DIR: cannot list the folder (permission denied)" and the like, one line */
    private static List<Path> jsonFilesIn(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(dir + ": cannot list the folder (" + reason(e) + ")", e);
        }
    }

    private static String reason(Exception e) {
        Throwable io = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (io instanceof java.nio.file.AccessDeniedException) return "permission denied";
        String m = io.getMessage();
        return m == null || m.isBlank() ? io.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
