package com.samplerlens.core.inspect;

import com.samplerlens.core.capture.HashKind;
import com.samplerlens.core.capture.HashLookup;
import com.samplerlens.core.hash.AutoV2;
import com.samplerlens.core.hash.HashProgress;
import com.samplerlens.core.hash.ModelFolderIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * AutoV2 hashes of the model files under a folder the user named, found by the names a workflow
 * gives them ({@link ModelFolderIndex}) and hashed with {@link AutoV2} (sidecars honoured and
 * written). Each file is hashed at most once per instance: hashes are cached by path, so a
 * checkpoint two loaders share is read once. Safe to use from several threads.
 */
public final class ModelFolderHashes implements HashLookup {

    private final Path folder;
    private final ModelFolderIndex index;
    private final AutoV2 hasher;
    private final Map<Path, String> byPath = new ConcurrentHashMap<>();

    private ModelFolderHashes(Path folder, ModelFolderIndex index, AutoV2 hasher) {
        this.folder = folder;
        this.index = index;
        this.hasher = hasher;
    }

    /** Indexes {@code folder}; fails when it is not a readable folder. */
    public static ModelFolderHashes scan(Path folder, AutoV2 hasher) throws IOException {
        if (!Files.isDirectory(folder)) throw new IOException(folder + " is not a folder");
        return new ModelFolderHashes(folder, ModelFolderIndex.scan(folder), hasher);
    }

    public Path folder() { return folder; }

    /** Hashes the named file now if it is in the folder and not hashed yet (the CLI's way: on demand). */
    @Override
    public Optional<String> hash(HashKind kind, String name) {
        Optional<Path> file = index.find(name);
        if (file.isEmpty()) return Optional.empty();
        try {
            return Optional.of(hashOf(file.get(), HashProgress.NONE, () -> false));
        } catch (IOException e) {
            // an unreadable model is an unknown hash, as a missing one is: the rest of the metadata still renders
            return Optional.empty();
        }
    }

    /** Only the hashes already computed: never reads a model, so it is safe on a UI thread. */
    public HashLookup cachedOnly() {
        return (kind, name) -> index.find(name).map(byPath::get);
    }

    /**
     * Hashes every named file found in the folder that is not hashed yet. {@code progress} counts
     * bytes over all of them; {@code hashing} is told each file before it is read.
     *
     * @return the files that could not be read, as one line each
     * @throws CancellationException when {@code cancelled} turns true; files finished so far stay cached
     */
    public List<String> hashAll(Collection<String> names, HashProgress progress, Consumer<Path> hashing, BooleanSupplier cancelled) {
        Set<Path> files = new LinkedHashSet<>();
        for (String n : names) index.find(n).filter(p -> !byPath.containsKey(p)).ifPresent(files::add);
        long total = 0;
        for (Path f : files) total += sizeOf(f);
        long before = 0;
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            long offset = before;
            long all = total;
            hashing.accept(f);
            try {
                hashOf(f, (done, size) -> progress.update(offset + done, all), cancelled);
            } catch (IOException e) {
                problems.add(f + ": cannot be hashed (" + e.getMessage() + ")");
            }
            before += sizeOf(f);
            progress.update(before, total);
        }
        return problems;
    }

    /** A lookup that answers nothing and notes each name asked: which models a render wants hashed. */
    public static HashLookup recording(Set<String> names) {
        return (kind, name) -> {
            names.add(name);
            return Optional.empty();
        };
    }

    private String hashOf(Path file, HashProgress progress, BooleanSupplier cancelled) throws IOException {
        String known = byPath.get(file);
        if (known != null) return known;
        String hash = hasher.hash(file, progress, cancelled).autoV2();
        byPath.put(file, hash);
        return hash;
    }

    private static long sizeOf(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }
}
