package com.samplerlens.core.hash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The model files under a folder the user pointed at, found by the names workflows use:
 * {@code "loras/detail.safetensors"}, {@code "detail"}, {@code "sub\\detail.safetensors"}. Names
 * without an extension are probed in ComfyUI's order {@code .safetensors, .st, .ckpt, .pt, .bin};
 * a name whose folders do not match is retried by its base name anywhere under the root.
 */
public final class ModelFolderIndex {

    public static final List<String> MODEL_EXTENSIONS = List.of(".safetensors", ".st", ".ckpt", ".pt", ".bin");

    private final Path root;
    /** Lower-case file name → files with that name, nearest to the root first. */
    private final Map<String, List<Path>> byName;

    private ModelFolderIndex(Path root, Map<String, List<Path>> byName) {
        this.root = root;
        this.byName = byName;
    }

    /** Indexes every file under {@code root} (sidecars excepted). */
    public static ModelFolderIndex scan(Path root) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Map<String, List<Path>> byName = new HashMap<>();
        try (Stream<Path> files = Files.walk(base)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sha256"))
                    .forEach(p -> byName.computeIfAbsent(p.getFileName().toString().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(p));
        }
        Comparator<Path> nearestFirst = Comparator.<Path>comparingInt(p -> base.relativize(p).getNameCount()).thenComparing(Path::toString);
        byName.values().forEach(list -> list.sort(nearestFirst));
        return new ModelFolderIndex(base, byName);
    }

    /** The file a workflow's model name refers to, if it is under the root. */
    public Optional<Path> find(String name) {
        String cleaned = clean(name);
        if (cleaned.isEmpty()) return Optional.empty();
        for (String candidate : withExtensions(cleaned)) {
            Path direct = root.resolve(candidate).normalize();
            if (direct.startsWith(root) && Files.isRegularFile(direct)) return Optional.of(direct);
        }
        String baseName = cleaned.substring(cleaned.lastIndexOf('/') + 1);
        for (String candidate : withExtensions(baseName)) {
            List<Path> found = byName.get(candidate.toLowerCase(Locale.ROOT));
            if (found == null) continue;
            return found.stream().filter(p -> p.getFileName().toString().equals(candidate)).findFirst()
                    .or(() -> Optional.of(found.getFirst()));
        }
        return Optional.empty();
    }

    /** Quotes, surrounding blanks and trailing dots dropped; Windows separators made '/'. */
    private static String clean(String name) {
        String s = name.strip().replaceFirst("[. ]+$", "");
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            s = s.substring(1, s.length() - 1);
        }
        return s.strip().replace('\\', '/').replaceFirst("[. ]+$", "").replaceFirst("^/+", "");
    }

    private static List<String> withExtensions(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (MODEL_EXTENSIONS.stream().anyMatch(lower::endsWith)) return List.of(name);
        List<String> candidates = new ArrayList<>();
        candidates.add(name);
        MODEL_EXTENSIONS.forEach(ext -> candidates.add(name + ext));
        return candidates;
    }
}
