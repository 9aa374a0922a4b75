package com.samplerlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/java-env.sh, which ./samplerlens and ./run-tests source, run by bash as they run it: it
 * finds a Java 25 JDK from its release file (bash builtins only, no process started) whatever
 * JAVA_HOME says, and reads the JVM option files from the checkout wherever it is sourced from.
 */
class JavaEnvScriptTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void keepsAJava25HomeAndReadsTheOptionFiles() throws Exception {
        String java25 = System.getProperty("java.home");
        List<String> out = source(ROOT, "scripts/java-env.sh", Map.of("JAVA_HOME", java25));
        assertEquals(Path.of(java25).toRealPath(), Path.of(out.get(0)).toRealPath(), "JAVA_HOME kept: " + out);
        assertEquals("25", out.get(1));
        assertEquals(optionLines("packaging/cli-jvm-options"), out.get(2));
        assertEquals(optionLines("packaging/app-jvm-options"), out.get(3));
    }

    @Test
    void replacesAJavaHomeThatIsNot25AndWorksFromAnotherFolder(@TempDir Path dir) throws Exception {
        // a JDK 17 as its release file describes it; its java must not even be run
        Path fake = dir.resolve("jdk-17");
        Files.createDirectories(fake.resolve("bin"));
        Files.writeString(fake.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"17.0.15\"\n");
        Path java = fake.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\necho run >> \"" + dir.resolve("ran") + "\"\n");
        java.toFile().setExecutable(true);
        List<String> out = source(dir, ROOT.resolve("scripts/java-env.sh").toString(), Map.of("JAVA_HOME", fake.toString()));
        assertTrue(!out.get(0).equals(fake.toString()) && out.get(1).equals("25"), "a Java 25 found instead: " + out);
        assertEquals(optionLines("packaging/cli-jvm-options"), out.get(2));
        assertTrue(Files.notExists(dir.resolve("ran")), "the release file answered; no JVM started");
    }

    @Test
    void findsJava25WithoutJavaHome() throws Exception {
        List<String> out = source(ROOT.resolve("scripts"), "java-env.sh", Map.of());
        assertEquals("25", out.get(1), "found: " + out);
        assertEquals(optionLines("packaging/app-jvm-options"), out.get(3));
    }

    /** Sources the script from {@code cwd} as {@code path} under bash's errexit, and prints what it set. */
    private static List<String> source(Path cwd, String path, Map<String, String> env) throws IOException, InterruptedException {
        String script = "set -euo pipefail; source '" + path + "'; echo \"$JAVA_HOME\"; echo \"$java_version\"; "
                + "read_cli_jvm_options; echo \"${cli_opts[*]}\"; read_app_jvm_options; echo \"${app_opts[*]}\"";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().remove("JAVA_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "java-env.sh failed: " + text);
        List<String> lines = new ArrayList<>(text.lines().toList());
        assertEquals(4, lines.size(), text);
        return lines;
    }

    private static String optionLines(String file) throws IOException {
        return String.join(" ", Files.readAllLines(ROOT.resolve(file)).stream()
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
    }
}
