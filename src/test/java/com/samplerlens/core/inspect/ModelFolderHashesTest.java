package com.samplerlens.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.capture.HashKind;
import com.samplerlens.core.hash.AutoV2;
import com.samplerlens.core.hash.HashProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFolderHashesTest {

    @TempDir Path dir;

    @Test
    void eachFileIsHashedOnceWhateverNameFindsIt() throws Exception {
        Path model = dir.resolve("checkpoints/sd.safetensors");
        String sha = write(model, "first bytes");
        ModelFolderHashes hashes = ModelFolderHashes.scan(dir, new AutoV2(true));
        assertEquals(Optional.of(sha.substring(0, 10)), hashes.hash(HashKind.MODEL, "checkpoints/sd.safetensors"));
        write(model, "other bytes");
        // the same file by its bare stem: answered from the per-path cache, not read again
        assertEquals(Optional.of(sha.substring(0, 10)), hashes.hash(HashKind.MODEL, "sd"));
        assertEquals(Optional.empty(), hashes.hash(HashKind.MODEL, "missing.ckpt"));
    }

    @Test
    void cachedOnlyNeverReadsAModel() throws Exception {
        String sha = write(dir.resolve("vae.pt"), "vae");
        ModelFolderHashes hashes = ModelFolderHashes.scan(dir, new AutoV2(true));
        assertEquals(Optional.empty(), hashes.cachedOnly().hash(HashKind.VAE, "vae.pt"));
        assertFalse(Files.exists(dir.resolve("vae.sha256")));
        List<Path> told = new ArrayList<>();
        List<long[]> progress = new ArrayList<>();
        assertEquals(List.of(), hashes.hashAll(List.of("vae.pt", "nothing.ckpt"), (d, t) -> progress.add(new long[] {d, t}), told::add, () -> false));
        assertEquals(List.of(dir.resolve("vae.pt").toAbsolutePath().normalize()), told);
        assertEquals(3, progress.getLast()[0]);
        assertEquals(3, progress.getLast()[1]);
        assertEquals(Optional.of(sha.substring(0, 10)), hashes.cachedOnly().hash(HashKind.VAE, "vae"));
    }

    @Test
    void cancellingStopsBeforeTheNextBlock() throws Exception {
        write(dir.resolve("a.ckpt"), "a");
        ModelFolderHashes hashes = ModelFolderHashes.scan(dir, new AutoV2(true));
        assertThrows(CancellationException.class, () -> hashes.hashAll(List.of("a"), HashProgress.NONE, p -> {}, () -> true));
        assertEquals(Optional.empty(), hashes.cachedOnly().hash(HashKind.MODEL, "a"));
    }

    @Test
    void recordingNotesTheNamesAskedFor() {
        Set<String> names = new LinkedHashSet<>();
        var lookup = ModelFolderHashes.recording(names);
        assertEquals(Optional.empty(), lookup.hash(HashKind.LORA, "x.safetensors"));
        assertEquals(Optional.empty(), lookup.hash(HashKind.MODEL, "y.ckpt"));
        assertEquals(List.of("x.safetensors", "y.ckpt"), List.copyOf(names));
    }

    @Test
    void aFileIsNotAFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        IOException e = assertThrows(IOException.class, () -> ModelFolderHashes.scan(file, new AutoV2(false)));
        assertTrue(e.getMessage().contains("f.txt"));
    }

    private static String write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes()));
    }
}
