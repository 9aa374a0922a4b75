package com.samplerlens.reliability;

import static org.junit.jupiter.api.Assertions.*;

import com.samplerlens.cli.SamplerLensCommand;
import com.samplerlens.testing.Fixtures;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) and SIGTERM in the middle of in-place writes: unlike SIGKILL
 * ({@link KillDuringWriteTest}) these run the JVM's shutdown hooks, and the atomic writer's hook
 * deletes the temporary file being written, so not even a hidden file is left. A child JVM
 * ({@link WriteLoop}) rewrites one image in place again and again; after a random delay it gets
 * the signal. After every signal: no temporary file, and the image is one of its two complete states.
 */
class InterruptDuringWriteTest {

    private static final int SIGNALS = 15; // of each kind
    private static final Random RANDOM = new Random();

    @TempDir Path dir;

    @Test
    void interruptedWritesLeaveNoTemporaryFile() throws Exception {
        Path sourceA = Fixtures.bundled("images/sdp_comfyui_img2img_cropped.png");
        Path sourceB = Fixtures.bundled("images/sdp_comfyui_unclip_2pass_cropped.png");
        Path image = dir.resolve("image.png");
        Files.copy(Fixtures.bundled("images/ce_lora.png"), image);
        Path withA = dir.resolve("a.png");
        Path withB = dir.resolve("b.png");
        cli("write", sourceA.toString(), "--into", image.toString(), "--out", withA.toString());
        cli("write", sourceB.toString(), "--into", image.toString(), "--out", withB.toString());
        List<byte[]> complete = List.of(Files.readAllBytes(withA), Files.readAllBytes(withB));
        Files.delete(withA);
        Files.delete(withB);
        Files.write(image, complete.get(0));

        int ended = 0;
        for (int i = 0; i < 2 * SIGNALS; i++) {
            boolean sigint = i % 2 == 0;
            Process p = startLoop("write", sourceB.toString(), "--into", image.toString(), "--in-place",
                    "--then", "write", sourceA.toString(), "--into", image.toString(), "--in-place");
            Thread.sleep(RANDOM.nextInt(41));
            if (sigint) {
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
                assertEquals(0, kill.waitFor());
            } else {
                p.destroy(); // SIGTERM on Unix
            }
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the signalled child did not end");
            ended++;
            byte[] now = Files.readAllBytes(image);
            assertTrue(complete.stream().anyMatch(c -> Arrays.equals(c, now)), "signal " + i + ": the image is neither complete state");
            assertEquals(List.of(), hiddenFiles(), "signal " + i + (sigint ? " (SIGINT)" : " (SIGTERM)") + " left a temporary file");
        }
        System.out.println("InterruptDuringWriteTest: " + ended + " signals (half SIGINT, half SIGTERM), no temporary file left");
    }

    private Process startLoop(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), WriteLoop.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", r.readLine(), "the write loop did not start");
        return p;
    }

    private List<String> hiddenFiles() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        }
    }

    private static void cli(String... args) {
        StringWriter err = new StringWriter();
        int code = SamplerLensCommand.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
    }
}
