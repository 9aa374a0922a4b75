package com.samplerlens.core.container;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reads a file with the exiftool command as an independent second opinion; tests skip without it. */
public final class ExifTool {
    private ExifTool() {}

    private static Boolean available;

    public static boolean available() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder("exiftool", "-ver").redirectErrorStream(true).start();
                available = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                available = false;
            }
        }
        return available;
    }

    /** {@code exiftool -j -b [tags] file} as one JSON object; the test is skipped when exiftool is missing. */
    public static JsonNode read(Path file, String... tags) throws IOException, InterruptedException {
        assumeTrue(available(), "exiftool is not installed");
        List<String> cmd = new ArrayList<>(List.of("exiftool", "-j", "-b", "-charset", "utf8"));
        for (String t : tags) cmd.add("-" + t);
        cmd.add(file.toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
        return new ObjectMapper().readTree(out).get(0);
    }
}
