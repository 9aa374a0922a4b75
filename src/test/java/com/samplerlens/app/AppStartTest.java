package com.samplerlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real entry point, as a user starts it with no file: the app's own start() (core data read in
 * the background, the sample opened while the window is built) ends on the bundled Wan 2.2 sample,
 * traced, with its two samplers found. Headless (Monocle), with throwaway preferences.
 */
class AppStartTest {

    private final String prefsNode = "samplerlens-test/" + UUID.randomUUID();
    private Application app;

    @BeforeEach
    void start() throws Exception {
        System.setProperty("samplerlens.prefs", prefsNode);
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(SamplerLensApp.class);
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        System.clearProperty("samplerlens.prefs");
        Preferences.userRoot().node(prefsNode).removeNode();
    }

    @Test
    void opensTheBundledWan22SampleTracedWithBothSamplersFound() throws Exception {
        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#statusCounts").tryQuery()
                .map(n -> ((Label) n).getText().contains("samplers found")).orElse(false));
        String status = robot.lookup("#statusCounts").queryAs(Label.class).getText();
        assertTrue(status.startsWith("14 nodes  ·  16 links  ·  2 samplers found"), status);
        Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
        // the bundled sample is named as the sample, not as a file of the user's (it sits in a temp folder)
        assertEquals("Sample workflow (Wan2.2 14B text to video) — SamplerLens", stage.getTitle());
        assertEquals("2 samplers found", robot.lookup("#samplersFound").queryAs(Label.class).getText());
        // the window's own icon (not Java's), in every size the installers' icons have
        assertEquals(java.util.List.of(16.0, 32.0, 48.0, 64.0, 128.0, 256.0),
                stage.getIcons().stream().map(javafx.scene.image.Image::getWidth).toList());
        // the sample was opened from a temporary copy, which goes when the app stops
        java.nio.file.Path copy = ((SamplerLensApp) app).sampleCopyForTests();
        assertTrue(java.nio.file.Files.isRegularFile(copy), "the sample is read from " + copy);
        FxToolkit.cleanupApplication(app);
        app = null;
        assertFalse(java.nio.file.Files.exists(copy), "the sample's temporary copy is removed on exit");
        assertFalse(java.nio.file.Files.exists(copy.getParent()), "and its temporary folder");
    }
}
