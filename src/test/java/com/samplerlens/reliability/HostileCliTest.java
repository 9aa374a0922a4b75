package com.samplerlens.reliability;

import static org.junit.jupiter.api.Assertions.*;

import com.samplerlens.cli.SamplerLensCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every hostile file through {@code samplerlens inspect}, in-process: a file that cannot be read
 * gives exit 1 and one stderr line naming it and the problem; one that can is shown with its
 * problems as warnings. Never a stack trace; never a hang (the timeouts guard against hangs only,
 * they are no speed target).
 */
class HostileCliTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(120);

    static Path dir;
    static List<HostileFiles> containers;
    static List<String> graphs;

    @BeforeAll
    static void write() {
        dir = HostileFiles.folder();
        containers = HostileFiles.cases();
        graphs = HostileFiles.graphs();
    }

    record Run(int code, String out, String err) {}

    static Run inspect(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = Stream.concat(Stream.of("inspect"), Stream.of(args)).toArray(String[]::new);
        int code = assertTimeoutPreemptively(HANG_GUARD,
                () -> SamplerLensCommand.run(all, new PrintWriter(out, true), new PrintWriter(err, true)));
        return new Run(code, out.toString(), err.toString());
    }

    @TestFactory
    Stream<DynamicTest> containerFiles() {
        return containers.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Run r = inspect(dir.resolve(c.name()).toString());
            assertNoStackTrace(r);
            if (c.fatal()) {
                assertEquals(SamplerLensCommand.FILE_FAILED, r.code(), r.err());
                assertOneLineNaming(c.name(), r.err());
                assertTrue(r.err().contains(c.expected()), r.err());
            } else {
                assertOutcome(c.name(), r);
                if (c.expected() != null) assertTrue((r.out() + r.err()).contains(c.expected()), "no '" + c.expected() + "' in " + r);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> graphFiles() {
        // the 60,000-node chains have their own tests below; each inspection of them takes seconds
        return graphs.stream().filter(name -> !name.contains("60000")).flatMap(name -> Stream.of(
                DynamicTest.dynamicTest(name, () -> assertOutcome(name, inspect(dir.resolve(name).toString()))),
                DynamicTest.dynamicTest(name + " --json", () -> assertOutcome(name, inspect("--json", dir.resolve(name).toString())))));
    }

    @Test
    void aSixtyThousandNodeChainLoadsWhole() {
        Run r = inspect(dir.resolve("chain-60000.json").toString());
        assertEquals(0, r.code(), r.err());
        // checkpoint + 60,000 LoRA loaders + sampler, latent, text, decode, save
        assertTrue(r.out().contains("60006 nodes"), r.out().lines().filter(l -> l.contains("Graph")).toList().toString());
        // traced: save 9 ← decode 8 ← sampler 3 is distance 2, and the sampler's nodes run the whole chain
        String sampler = r.out().lines().filter(l -> l.contains("node 3 KSampler")).findFirst().orElseThrow(() -> new AssertionError("no sampler line"));
        assertTrue(sampler.contains("distance 2"), sampler.substring(0, Math.min(200, sampler.length())));
        assertTrue(sampler.contains(", 100,") && sampler.contains(", 60099") && sampler.contains("ckpt"), "the chain's first and last LoRA and the checkpoint");
    }

    @Test
    void aSixtyThousandRerouteChainCollapsesToItsEnds() {
        Run r = inspect(dir.resolve("ui-chain-60000.json").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2 nodes, 1 links"), r.out().lines().filter(l -> l.contains("Graph")).toList().toString());
    }

    @Test
    void aFolderOfHostileFilesReportsEachBadOneAndGoesOn() {
        Run r = inspect(dir.toString());
        assertNoStackTrace(r);
        assertEquals(SamplerLensCommand.FILE_FAILED, r.code());
        long fatal = containers.stream().filter(HostileFiles::fatal).filter(c -> isListedByInspect(c.name())).count();
        assertTrue(r.err().lines().count() >= fatal, r.err());
        r.err().lines().forEach(line -> assertTrue(line.contains(": "), line));
        assertTrue(r.out().contains("60006 nodes"), "the good files are still shown");
    }

    @Test
    void writeRefusesATargetThatIsNoImageOrTooLargeWithoutReadingItWhole() {
        String source = com.samplerlens.testing.Fixtures.bundled("images/sdp_comfyui_img2img_cropped.png").toString();
        for (String target : List.of("zeros-100mb.png", "png-2gb.png", "zeros-2gb.bin", "empty.png")) {
            long before = allocated();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            // called on this thread (no hang guard) so that its allocations can be counted
            int code = SamplerLensCommand.run(
                    new String[] {"write", source, "--into", dir.resolve(target).toString(), "--out", dir.resolve("never-" + target).toString()},
                    new PrintWriter(out, true), new PrintWriter(err, true));
            long used = allocated() - before;
            Run r = new Run(code, out.toString(), err.toString());
            assertNoStackTrace(r);
            assertEquals(SamplerLensCommand.FILE_FAILED, code, target + ": " + r);
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains(target + ": "), r.err());
            assertFalse(java.nio.file.Files.exists(dir.resolve("never-" + target)));
            assertTrue(used < 50L << 20, target + ": allocated " + used + " bytes");
        }
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** Exit 0 with nothing on stderr, or exit 1 with one line naming the file. */
    private static void assertOutcome(String name, Run r) {
        assertNoStackTrace(r);
        if (r.code() == 0) {
            assertEquals("", r.err(), name);
            assertFalse(r.out().isBlank(), name);
        } else {
            assertEquals(SamplerLensCommand.FILE_FAILED, r.code(), name + ": " + r);
            assertOneLineNaming(name, r.err());
        }
    }

    private static void assertOneLineNaming(String name, String err) {
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith(name + ": ") || err.contains("/" + name + ": "), err);
    }

    private static void assertNoStackTrace(Run r) {
        for (String s : List.of(r.out(), r.err())) {
            assertFalse(s.contains("\tat ") || s.contains("Exception") || s.contains("Error:"), s.length() > 2000 ? s.substring(0, 2000) : s);
        }
    }

    private static boolean isListedByInspect(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return List.of("png", "jpg", "jpeg", "webp", "json").contains(ext);
    }
}
