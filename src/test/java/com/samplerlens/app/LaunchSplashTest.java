package com.samplerlens.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real app in a child JVM on a real X server (Xvfb), started with the launchers' {@code -splash:}
 * image: the image must be showing when the app starts and be closed by the app once its window has
 * drawn a frame (a JavaFX app never closes it otherwise: it would stay over the window until exit).
 * Needs Xvfb and GTK 3, which {@code ./run-tests} installs when missing.
 */
class LaunchSplashTest {
    @TempDir Path dir;
    private Process xvfb;
    private String display;

    @BeforeEach
    void startXServer() throws Exception {
        String path = System.getenv().getOrDefault("PATH", "");
        boolean hasXvfb = List.of(path.split(File.pathSeparator)).stream().anyMatch(d -> Files.isExecutable(Path.of(d, "Xvfb")));
        if (!hasXvfb) fail("Xvfb is not installed (apt-get install xvfb libgtk-3-0; ./run-tests installs them as root)");
        for (int n = 150 + (int) (ProcessHandle.current().pid() % 50); n < 260; n++) {
            if (Files.exists(Path.of("/tmp/.X11-unix/X" + n)) || Files.exists(Path.of("/tmp/.X" + n + "-lock"))) continue;
            xvfb = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 100 && xvfb.isAlive() && !Files.exists(Path.of("/tmp/.X11-unix/X" + n)); i++) Thread.sleep(50);
            if (xvfb.isAlive() && Files.exists(Path.of("/tmp/.X11-unix/X" + n))) { display = ":" + n; return; }
            xvfb.destroyForcibly();
        }
        fail("could not start Xvfb on any display from :150");
    }

    @AfterEach
    void stopXServer() throws Exception {
        if (xvfb != null) { xvfb.destroy(); xvfb.waitFor(10, TimeUnit.SECONDS); }
    }

    @Test
    void theLaunchersSplashImageIsClosedOnceTheWindowHasDrawnAFrame() throws Exception {
        List<String> lines = runApp(true);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("timing: window painted")), "the window never painted: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("timing: launch splash closed")),
                "the splash image was not found showing, or not closed: " + lines);
    }

    @Test
    void withoutASplashImageThereIsNothingToClose() throws Exception {
        List<String> lines = runApp(false);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("timing: first graph painted")), "the app did not start: " + lines);
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("timing: launch splash closed")), lines.toString());
        // the plain jar's JavaFX on the class path: its warning is dropped (AppLauncher), not printed at every start
        assertFalse(lines.stream().anyMatch(l -> l.contains("Unsupported JavaFX configuration")), lines.toString());
    }

    /** Starts the app on the bundled sample; returns its timing lines once the first graph is drawn and the splash handled. */
    private List<String> runApp(boolean splash) throws Exception {
        Path image = Path.of("assets/splash.png").toAbsolutePath();
        assertTrue(Files.isRegularFile(image), "missing " + image);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED"));
        if (splash) command.add("-splash:" + image);
        command.addAll(List.of("-Dprism.order=sw", "-Dsamplerlens.timing=true", "-Djava.util.prefs.userRoot=" + dir.resolve("prefs"),
                "-cp", System.getProperty("java.class.path"), "com.samplerlens.Main"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        Process app = pb.start();
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        // a reader thread: readLine would block past any deadline if the app fell silent
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) lines.add(line);
            } catch (java.io.IOException ended) {
                // the process was stopped
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            long graphAt = -1;
            while (System.nanoTime() < deadline && app.isAlive()) {
                boolean graph = lines.stream().anyMatch(l -> l.startsWith("timing: first graph painted"));
                boolean closed = lines.stream().anyMatch(l -> l.startsWith("timing: launch splash closed"));
                if (graph && graphAt < 0) graphAt = System.nanoTime();
                if (closed) break;
                // the close follows the window's first frame, which comes before the graph's: 5 s past the graph is ample
                if (graphAt > 0 && System.nanoTime() - graphAt > TimeUnit.SECONDS.toNanos(splash ? 5 : 2)) break;
                Thread.sleep(50);
            }
        } finally {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) app.destroyForcibly();
        }
        return lines.stream().filter(l -> l.startsWith("timing:") || l.contains("Exception") || l.contains("Error")
                || l.contains("Unsupported JavaFX")).toList();
    }
}
