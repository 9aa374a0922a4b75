package com.samplerlens.core.hash;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The AutoV2 model hash of A1111/Civitai: the first 10 hex digits of the SHA-256 of the whole
 * file. Like the anchor, the full digest is cached in a {@code <path without extension>.sha256}
 * sidecar: a sidecar holding 64 hex digits is trusted, any other is (re)written after hashing, and
 * {@code METADATA_FORCE_REHASH=1} ignores sidecars.
 */
public final class AutoV2 {

    public static final String ENV_FORCE_REHASH = "METADATA_FORCE_REHASH";
    public static final int LENGTH = 10;
    /** Large reads: models are gigabytes and the digest, not the disk, should be the limit. */
    private static final int BUFFER_BYTES = 4 * 1024 * 1024;
    private static final Pattern FULL_DIGEST = Pattern.compile("[0-9a-fA-F]{64}");

    private final boolean forceRehash;

    public AutoV2(boolean forceRehash) { this.forceRehash = forceRehash; }

    public static AutoV2 fromEnvironment(Map<String, String> env) {
        return new AutoV2("1".equals(env.getOrDefault(ENV_FORCE_REHASH, "").strip()));
    }

    /** The hash of a model file and where it came from. */
    public record Result(String sha256, boolean fromSidecar) {
        public String autoV2() { return sha256.substring(0, LENGTH); }
    }

    /**
     * The AutoV2 hash of {@code model}, from its sidecar when that is valid (and not forced off).
     *
     * @throws CancellationException when {@code cancelled} turns true or the thread is interrupted; no sidecar is written then
     */
    public Result hash(Path model, HashProgress progress, BooleanSupplier cancelled) throws IOException {
        Path sidecar = sidecarOf(model);
        if (!forceRehash && Files.isRegularFile(sidecar, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.size(sidecar) < 1024) {
            String cached = Files.readString(sidecar, StandardCharsets.US_ASCII).strip();
            if (FULL_DIGEST.matcher(cached).matches()) return new Result(cached.toLowerCase(Locale.ROOT), true);
        }
        String digest = sha256(model, progress, cancelled);
        try {
            // atomically and without following a link at the sidecar's name: a model.sha256 that
            // points elsewhere is replaced as a name, its target never written (issue 14)
            com.samplerlens.core.io.AtomicFileWriter.write(sidecar, digest.getBytes(StandardCharsets.US_ASCII),
                    com.samplerlens.core.io.AtomicFileWriter.Replace.WRITABLE, false, com.samplerlens.core.io.AtomicFileWriter.Verifier.NONE);
        } catch (IOException e) {
            // A read-only model folder is common (shared drives); the hash is still right, only not cached.
        }
        return new Result(digest, false);
    }

    /** {@code <model path without extension>.sha256}, next to the model. */
    public static Path sidecarOf(Path model) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return model.resolveSibling(stem + ".sha256");
    }

    /** The lower-case hex SHA-256 of a whole file, read in large blocks. */
    public static String sha256(Path file, HashProgress progress, BooleanSupplier cancelled) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long total = channel.size();
            long done = 0;
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
            while (true) {
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("hashing " + file.getFileName() + " was cancelled");
                }
                int n = channel.read(buffer);
                if (n < 0) break;
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
                done += n;
                progress.update(done, total);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
