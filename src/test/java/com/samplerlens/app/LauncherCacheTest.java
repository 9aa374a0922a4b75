package com.samplerlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./samplerlens records the app's start-up cache from the first app run after a build, and only
 * from one that ended well: a run that failed early (no display) saw too little of the app, and
 * its cache, newer than the jar, would have slowed every later start (2.6 s to the first graph
 * instead of 1.7 s, measured). Run as a user runs it, in a copy of the launcher with a stand-in
 * JDK whose java records its arguments and exits as told.
 */
class LauncherCacheTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void aFailedFirstRunLeavesNoCacheAndAGoodOneMakesIt(@TempDir Path dir) throws Exception {
        Path checkout = checkout(dir.resolve("checkout"));
        Path jdk = fakeJdk(dir.resolve("jdk"), dir.resolve("java-calls"));
        Path cache = checkout.resolve("target/samplerlens-app.aot");

        assertEquals(1, launch(checkout, jdk, 1), "the launcher passes on the app's exit status");
        Thread.sleep(1_500); // the cache would be assembled in the background
        assertTrue(Files.notExists(cache), "no cache from a run that failed");
        assertTrue(Files.notExists(checkout.resolve("target/samplerlens-app.aot.config")), "nor its recording left behind");
        String calls = Files.readString(dir.resolve("java-calls"));
        assertTrue(calls.contains("-XX:AOTMode=record") && !calls.contains("-XX:AOTMode=create"), calls);

        assertEquals(0, launch(checkout, jdk, 0));
        // while it is assembled (2 s here) an app started meanwhile must not find half of it
        assertTrue(Files.notExists(cache), "no half-written cache under the cache's name");
        for (int i = 0; i < 100 && Files.notExists(cache); i++) Thread.sleep(100);
        assertTrue(Files.exists(cache), "a run that ended well leaves the cache: " + Files.readString(dir.resolve("java-calls")));
        assertEquals("partial\ncache\n", Files.readString(cache), "the whole cache");
    }

    /** The launcher, its script and option files, and a current jar (newer than the sources, so no build starts). */
    private static Path checkout(Path c) throws Exception {
        Files.createDirectories(c.resolve("scripts"));
        Files.createDirectories(c.resolve("packaging"));
        Files.createDirectories(c.resolve("assets"));
        Files.createDirectories(c.resolve("src/main/java"));
        Files.createDirectories(c.resolve("target"));
        Files.copy(ROOT.resolve("samplerlens"), c.resolve("samplerlens"));
        Files.copy(ROOT.resolve("scripts/java-env.sh"), c.resolve("scripts/java-env.sh"));
        Files.copy(ROOT.resolve("packaging/app-jvm-options"), c.resolve("packaging/app-jvm-options"));
        Files.copy(ROOT.resolve("packaging/cli-jvm-options"), c.resolve("packaging/cli-jvm-options"));
        Files.copy(ROOT.resolve("assets/splash.png"), c.resolve("assets/splash.png"));
        Files.writeString(c.resolve("pom.xml"), "<project/>");
        FileTime old = FileTime.from(Instant.now().minusSeconds(3_600));
        for (Path p : new Path[] {c.resolve("pom.xml"), c.resolve("src/main/java"), c.resolve("src/main")}) Files.setLastModifiedTime(p, old);
        Files.writeString(c.resolve("target/samplerlens.jar"), "stand-in");
        return c;
    }

    /** A "JDK 25" whose java logs its arguments; a recording run writes its configuration and exits with $FAKE_STATUS. */
    private static Path fakeJdk(Path jdk, Path log) throws Exception {
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, """
                #!/usr/bin/env bash
                echo "$*" >> '%s'
                for a in "$@"; do
                  case "$a" in
                    -XX:AOTConfiguration=*) config=${a#-XX:AOTConfiguration=} ;;
                    -XX:AOTCache=*) cache=${a#-XX:AOTCache=} ;;
                  esac
                done
                case " $* " in
                  *" -XX:AOTMode=record "*) echo recorded > "$config"; exit "${FAKE_STATUS:-0}" ;;
                  *" -XX:AOTMode=create "*) echo partial > "$cache"; sleep 2; echo cache >> "$cache"; exit 0 ;;
                esac
                exit "${FAKE_STATUS:-0}"
                """.formatted(log));
        assertTrue(java.toFile().setExecutable(true));
        return jdk;
    }

    private static int launch(Path checkout, Path jdk, int status) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", checkout.resolve("samplerlens").toString())
                .directory(checkout.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().put("FAKE_STATUS", Integer.toString(status));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher finished: " + out);
        return p.exitValue();
    }
}
