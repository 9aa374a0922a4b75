package com.samplerlens.bench;

import com.samplerlens.core.hash.AutoV2;
import com.samplerlens.core.hash.HashProgress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Benchmark (not a unit test), driven by scripts/bench.sh: the AutoV2 hash of one file, the way
 * the app hashes a model (no sidecar involved). Prints "seconds digest".
 */
public final class HashBench {
    private HashBench() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long start = System.nanoTime();
        String digest = AutoV2.sha256(file, HashProgress.NONE, () -> false);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%.3f %s %d%n", seconds, digest, Files.size(file));
    }
}
