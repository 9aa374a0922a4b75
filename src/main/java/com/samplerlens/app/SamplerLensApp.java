package com.samplerlens.app;

import com.samplerlens.app.graph.GraphLayouter;
import com.samplerlens.app.session.SessionViewModel;
import com.samplerlens.app.settings.AppPreferences;
import com.samplerlens.app.shell.MainWindow;
import com.samplerlens.app.shell.ThemeController;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop app. Opens the file given on the command line, or else the bundled sample so a
 * new user sees a real multi-sampler graph at once. With {@code -Dsamplerlens.timing=true} it
 * prints how long the first graph took to appear ({@link StartupTiming}). The core's data is read
 * in the background from launch on ({@link CorePreload}); the window shows while it loads.
 */
public final class SamplerLensApp extends Application {

    static final String SAMPLE = "ce_wan22_text_to_video_wan22_14B.json";

    /** The bundled sample's temporary copy this run made; null when a file was given. */
    private Path sampleCopy;

    /** Removes the sample's temporary copy now: deleteOnExit alone waits for the JVM, which tests and launchers may keep alive. */
    @Override
    public void stop() {
        if (sampleCopy != null) removeSampleCopy(sampleCopy);
    }

    /** The sample's temporary copy, for the test that checks it is removed. */
    Path sampleCopyForTests() { return sampleCopy; }

    /** Deletes the sample copy and the temporary folder made for it; a failure is left to deleteOnExit. */
    static void removeSampleCopy(Path file) {
        try {
            Files.deleteIfExists(file);
            Path dir = file.getParent();
            if (dir != null && dir.getFileName().toString().startsWith("samplerlens-sample")) Files.deleteIfExists(dir);
        } catch (IOException leftForExit) {
            // registered with deleteOnExit when copied
        }
    }

    @Override
    public void start(Stage stage) {
        AppPreferences prefs = AppPreferences.user();
        // the theme before any control exists, so that JavaFX never loads its own stylesheet
        ThemeController.apply(prefs.darkTheme());
        SessionViewModel vm = new SessionViewModel(CorePreload.service(), prefs);
        // the first document is read and traced on the work thread while this one builds and shows
        // the window: its result is applied on this thread, so it cannot arrive before the window is ready
        List<String> args = getParameters().getUnnamed();
        if (!args.isEmpty()) {
            vm.open(Path.of(args.getFirst()));
        } else {
            try {
                sampleCopy = bundledSample();
                vm.openSample(sampleCopy);
            } catch (IOException e) {
                vm.reportProblem("Cannot open the bundled sample", e.getMessage());
            }
        }
        stage.getIcons().setAll(AppIdentity.icons());
        MainWindow window = new MainWindow(stage, vm, prefs, null);
        if (Boolean.getBoolean("samplerlens.timing")) {
            String then = System.getProperty("samplerlens.timing.open");
            StartupTiming.report(stage.getScene(), vm, then == null ? null : Path.of(then), window.graphView());
        }
        closeSplashAfterFirstFrame(stage);
        stage.show();
        window.graphView().requestFocus();
        warmUpLayoutAfterFirstGraph(vm);
    }

    /** The launcher's splash image goes once the window has a frame of its own to replace it. */
    private static void closeSplashAfterFirstFrame(Stage stage) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            stage.getScene().removePostLayoutPulseListener(once[0]);
            // after this pulse the frame is handed to the renderer: close the splash behind it
            javafx.application.Platform.runLater(LaunchSplash::closeInBackground);
        };
        stage.getScene().addPostLayoutPulseListener(once[0]);
    }

    /**
     * The first ELK layout of a run loads and compiles much of ELK (most of a second cold); doing
     * a tiny one in the background a few seconds after the first graph is up takes that off the
     * next open of a workflow without positions, without competing with the first frames.
     */
    private static void warmUpLayoutAfterFirstGraph(SessionViewModel vm) {
        javafx.beans.value.ChangeListener<Object> once = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<?> o, Object a, Object b) {
                if (b == null) return;
                o.removeListener(this);
                javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(3));
                later.setOnFinished(e -> {
                    Thread t = new Thread(GraphLayouter::warmUp, "samplerlens-warm-layout");
                    t.setDaemon(true);
                    t.setPriority(Thread.MIN_PRIORITY);
                    t.start();
                });
                later.play();
            }
        };
        vm.output().inspectionProperty().addListener(once);
    }

    /** The sample copied out of the jar to a temporary folder, under its own name. */
    static Path bundledSample() throws IOException {
        try (InputStream in = SamplerLensApp.class.getResourceAsStream("/samples/" + SAMPLE)) {
            if (in == null) throw new IOException("the sample " + SAMPLE + " is missing from this build");
            Path dir = Files.createTempDirectory("samplerlens-sample");
            Path file = dir.resolve(SAMPLE);
            // deleteOnExit deletes in reverse order of registration: the file first, then its folder
            dir.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }
}
