package com.samplerlens.reliability;

import static org.junit.jupiter.api.Assertions.*;

import com.samplerlens.cli.SamplerLensCommand;
import com.samplerlens.testing.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
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
 * SIGKILL in the middle of writes. A child JVM runs the real {@code samplerlens write} in a loop
 * ({@link WriteLoop}); the test kills it with {@code destroyForcibly()} after a random delay, 50
 * times writing to a new file and 50 times in place, and checks after every kill that
 * <ul>
 *   <li>the pixels' source image is byte-identical to before (new-file writes) or the in-place
 *       target is byte-identical to one of its two complete states (never a mix, never short);</li>
 *   <li>the output is either absent or complete;</li>
 *   <li>no file is left that a folder listing shows: a temporary file that a kill leaves behind is
 *       hidden ({@code .name.samplerlens-….tmp}) and the next write to that name removes it.</li>
 * </ul>
 */
class KillDuringWriteTest {

    private static final int KILLS_PER_MODE = 50;
    private static final Random RANDOM = new Random();

    @TempDir Path dir;

    @Test
    void killedWritesNeverLeaveAPartialFile() throws Exception {
        Path sourceA = Fixtures.bundled("images/sdp_comfyui_img2img_cropped.png");
        Path sourceB = Fixtures.bundled("images/sdp_comfyui_unclip_2pass_cropped.png");
        Path image = dir.resolve("image.png");
        // 200 kB: big enough that the write window (temp file, fsync, read-back check, move) is a
        // good part of each loop, small enough for a hundred kills in about a minute
        Files.copy(Fixtures.bundled("images/ce_lora.png"), image);
        byte[] imageBefore = Files.readAllBytes(image);

        // the two complete outputs, made in-process: metadata of A or of B in the image's pixels
        Path withA = dir.resolve("expected-a.png");
        Path withB = dir.resolve("expected-b.png");
        cli("write", sourceA.toString(), "--into", image.toString(), "--out", withA.toString());
        cli("write", sourceB.toString(), "--into", image.toString(), "--out", withB.toString());
        List<byte[]> complete = List.of(Files.readAllBytes(withA), Files.readAllBytes(withB));
        assertFalse(Arrays.equals(complete.get(0), complete.get(1)), "the two states must differ to be told apart");
        Files.delete(withA);
        Files.delete(withB);

        archiveClasses(sourceA, image);
        Path out = dir.resolve("out.png");
        int leftovers = 0;
        for (int i = 0; i < KILLS_PER_MODE; i++) {
            killDuring("write", sourceA.toString(), "--into", image.toString(), "--out", out.toString(), "--force",
                    "--then", "write", sourceB.toString(), "--into", image.toString(), "--out", out.toString(), "--force");
            assertArrayEquals(imageBefore, Files.readAllBytes(image), "kill " + i + ": the source image changed");
            if (Files.exists(out)) assertIsOneOf(complete, out, "kill " + i);
            leftovers += checkListing(image, out);
        }

        Path inPlace = dir.resolve("in-place.png");
        Files.write(inPlace, complete.get(0));
        for (int i = 0; i < KILLS_PER_MODE; i++) {
            killDuring("write", sourceB.toString(), "--into", inPlace.toString(), "--in-place",
                    "--then", "write", sourceA.toString(), "--into", inPlace.toString(), "--in-place");
            assertIsOneOf(complete, inPlace, "in-place kill " + i);
            leftovers += checkListing(image, out, inPlace);
        }

        // the next command that writes in the folder, to any name, clears what the kills left
        int left = hiddenFiles().size();
        cli("write", sourceA.toString(), "--into", image.toString(), "--out", dir.resolve("after.png").toString());
        assertEquals(List.of(), hiddenFiles(), "hidden temporary files after the next write (" + left + " before it)");
        System.out.println("KillDuringWriteTest: " + 2 * KILLS_PER_MODE + " kills, " + leftovers + " left a hidden temporary file");
    }

    /**
     * One ordinary {@code samplerlens write} in a child JVM that dumps its loaded classes to a CDS
     * archive on exit; the killed children start from it, which makes their start-up several
     * times faster (a killed JVM never writes an archive itself).
     */
    private void archiveClasses(Path source, Path image) throws Exception {
        Process p = new ProcessBuilder(javaBinary(), "-XX:ArchiveClassesAtExit=" + dir.resolve(".classes.jsa"), "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-cp", System.getProperty("java.class.path"), "com.samplerlens.Main",
                "write", source.toString(), "--into", image.toString(), "--out", dir.resolve(".warm.png").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        Files.deleteIfExists(dir.resolve(".warm.png"));
    }

    /** Starts the write loop, waits until it is warm, kills it after 0–40 ms (a few writes' time). */
    private void killDuring(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-XX:SharedArchiveFile=" + dir.resolve(".classes.jsa"), "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-cp", System.getProperty("java.class.path"), WriteLoop.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            assertEquals("ready", line, "the write loop did not start");
            Thread.sleep(RANDOM.nextInt(41));
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the killed child did not end");
        }
    }

    private static void assertIsOneOf(List<byte[]> complete, Path file, String when) throws IOException {
        byte[] now = Files.readAllBytes(file);
        assertTrue(complete.stream().anyMatch(c -> Arrays.equals(c, now)), when + ": " + file.getFileName() + " is neither complete state ("
                + now.length + " bytes)");
    }

    /** The visible files are exactly the expected ones; returns how many hidden temporary files there are. */
    private int checkListing(Path... expectedVisible) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> visible = s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
            List<String> allowed = Stream.of(expectedVisible).map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(allowed.containsAll(visible), "unexpected visible files: " + visible);
        }
        List<String> hidden = hiddenFiles();
        hidden.forEach(h -> assertTrue(h.matches("\\.(image|out|in-place)\\.png\\.samplerlens-\\d+-[0-9a-z]+-[0-9a-f]{8}\\.tmp"), "odd hidden file " + h));
        return hidden.size();
    }

    private List<String> hiddenFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") && !n.equals(".classes.jsa")).sorted().toList();
        }
    }

    private static void cli(String... args) {
        StringWriter err = new StringWriter();
        int code = SamplerLensCommand.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
