package com.samplerlens.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.samplerlens.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoV2Test {

    @TempDir Path dir;

    @Test
    void theStandardVectorForAbc() throws IOException {
        Path f = Files.writeString(dir.resolve("abc.bin"), "abc", StandardCharsets.US_ASCII);
        // FIPS 180-2, appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                AutoV2.sha256(f, HashProgress.NONE, () -> false));
    }

    @Test
    void agreesWithSha256sumOnAFileLargerThanTheBuffer() throws Exception {
        Path model = dir.resolve("big.safetensors");
        byte[] bytes = new byte[9 * 1024 * 1024 + 17];
        new Random(42).nextBytes(bytes);
        Files.write(model, bytes);
        String expected = sha256sum(model);

        List<Long> seen = new ArrayList<>();
        AutoV2.Result r = new AutoV2(false).hash(model, (done, total) -> {
            assertEquals(bytes.length, total);
            seen.add(done);
        }, () -> false);

        assertEquals(expected, r.sha256());
        assertEquals(expected.substring(0, 10), r.autoV2());
        assertFalse(r.fromSidecar());
        assertEquals(bytes.length, seen.getLast());
        assertTrue(seen.size() >= 3, "progress after each block");
        assertEquals(expected, Files.readString(dir.resolve("big.sha256")));
    }

    @Test
    void aBundledFixtureHashesAsSha256sumSays() throws Exception {
        Path png = Fixtures.bundled("images/ce_lora.png");
        assertEquals(sha256sum(png), AutoV2.sha256(png, HashProgress.NONE, () -> false));
    }

    @Test
    void aValidSidecarIsTrustedUnlessRehashIsForced() throws IOException {
        Path model = Files.writeString(dir.resolve("m.ckpt"), "weights");
        String planted = "ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789";
        Files.writeString(dir.resolve("m.sha256"), planted + "\n");

        AutoV2.Result cached = AutoV2.fromEnvironment(Map.of()).hash(model, HashProgress.NONE, () -> false);
        assertTrue(cached.fromSidecar());
        assertEquals(planted.toLowerCase(), cached.sha256());
        assertEquals("abcdef0123", cached.autoV2());

        AutoV2.Result forced = AutoV2.fromEnvironment(Map.of("METADATA_FORCE_REHASH", "1")).hash(model, HashProgress.NONE, () -> false);
        assertFalse(forced.fromSidecar());
        String real = AutoV2.sha256(model, HashProgress.NONE, () -> false);
        assertEquals(real, forced.sha256());
        assertEquals(real, Files.readString(dir.resolve("m.sha256")));
    }

    @Test
    void anInvalidSidecarIsRewritten() throws IOException {
        Path model = Files.writeString(dir.resolve("lora.safetensors"), "lora bytes");
        Files.writeString(dir.resolve("lora.sha256"), "not a digest");
        AutoV2.Result r = new AutoV2(false).hash(model, HashProgress.NONE, () -> false);
        assertFalse(r.fromSidecar());
        assertEquals(r.sha256(), Files.readString(dir.resolve("lora.sha256")));
    }

    @Test
    void cancellingStopsAndWritesNoSidecar() throws IOException {
        Path model = dir.resolve("huge.safetensors");
        Files.write(model, new byte[10 * 1024 * 1024]);
        int[] blocks = {0};
        assertThrows(CancellationException.class,
                () -> new AutoV2(false).hash(model, (d, t) -> blocks[0]++, () -> blocks[0] >= 1));
        assertEquals(1, blocks[0]);
        assertFalse(Files.exists(dir.resolve("huge.sha256")));
    }

    @Test
    void sidecarDropsOnlyTheLastExtension() {
        assertEquals(Path.of("/m/a.b.sha256"), AutoV2.sidecarOf(Path.of("/m/a.b.safetensors")));
        assertEquals(Path.of("/m/noext.sha256"), AutoV2.sidecarOf(Path.of("/m/noext")));
    }

    private static String sha256sum(Path file) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "sha256sum is not installed");
            throw e;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out.substring(0, 64);
    }
}
