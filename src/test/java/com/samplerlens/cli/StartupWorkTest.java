package com.samplerlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-file {@code inspect} of an image, the command scripts run per file, initialises none of
 * the JDK and Jackson classes whose first use costs start-up: each is 8-30 ms of a run that
 * ExifTool finishes in about 140 ms (issue 16, docs/benchmarks.md). Checked in a JVM of its own,
 * as a user runs it: in the test JVM these classes are long initialised by other tests.
 */
class StartupWorkTest {

    /** Class (as the JVM logs it) and why its first use is avoided. */
    private static final List<String[]> AVOIDED = List.of(
            new String[] {"java/math/BigDecimal", "its static initialiser computes 5^65536: 20-25 ms (Jackson's parsers touch it)"},
            new String[] {"com/fasterxml/jackson/core/base/ParserMinimalBase", "a Jackson parser: BigDecimal's initialiser runs"},
            new String[] {"com/fasterxml/jackson/databind/ObjectMapper", "date formats, calendars, locale data: about 30 ms (JsonNode.toString builds one)"},
            new String[] {"java/text/DecimalFormatSymbols", "String.format's locale data: about 8 ms"});

    @TempDir Path tmp;

    @Test
    void inspectingAnImageInitialisesNoneOfTheCostlyClasses() throws Exception {
        List<Path> images = List.of(
                Fixtures.bundled("images/ce_sdxl_refiner_prompt_example.png"),
                Fixtures.bundled("images/ce_wan22_text_to_video_wan22_14B.webp"),
                Fixtures.bundled("images/sdp_automatic1111_cropped.jpg"));
        for (Path image : images) {
            for (boolean json : new boolean[] {true, false}) {
                String log = initLog(image, json);
                String what = (json ? "inspect --json " : "inspect ") + image.getFileName();
                assertTrue(log.contains("Initializing 'com/samplerlens/cli/InspectRun'"), what + ": the log records the run (" + log.length() + " chars)");
                for (String[] avoided : AVOIDED) {
                    assertTrue(!log.contains("Initializing '" + avoided[0] + "'"), what + " initialised " + avoided[0] + ": " + avoided[1]);
                }
            }
        }
    }

    /** The class-initialisation log of {@code inspect [--json] image} run in a new JVM, as ./samplerlens runs it. */
    private String initLog(Path image, boolean json) throws Exception {
        Path log = tmp.resolve("init-" + System.nanoTime() + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xlog:class+init=info:file=" + log, "-cp", System.getProperty("java.class.path"), "com.samplerlens.Main", "inspect"));
        if (json) cmd.add("--json");
        cmd.add(image.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "inspect finished");
        assertEquals(0, p.exitValue(), "inspect of " + image + " succeeded");
        return Files.readString(log);
    }
}
