package com.samplerlens.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.testing.Fixtures;
import com.samplerlens.testing.TestWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Defects a new user met: recent files, names with underscores, the sample, Ctrl+Z in the field just edited. */
@ExtendWith(ApplicationExtension.class)
class RecentFilesAndUndoTest {

    private TestWindow app;

    @Start
    void start(Stage stage) {
        app = TestWindow.show(stage, TestWindow.realCore(), plan -> Optional.empty());
    }

    @AfterEach
    void close() throws Exception {
        app.close();
    }

    @Test
    void recentFilesFillAtOnceAndKeepUnderscores(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("_wan_2.2_.json");
        Files.copy(Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json"), file);
        // this window's button: an earlier test's window may still be open
        MenuButton recent = robot.from(app.stage().getScene().getRoot()).lookup("#recentButton").queryAs(MenuButton.class);
        assertTrue(recent.isDisabled(), "nothing opened yet");
        // the bug this guards against lost the window's listener at a garbage collection
        System.gc();
        app.open(file);
        assertFalse(recent.isDisabled(), "enabled without a restart");
        assertEquals("_wan_2.2_.json", recent.getItems().getFirst().getText());
        assertFalse(recent.getItems().getFirst().isMnemonicParsing(), "the first underscore is not eaten as a mnemonic");
    }

    @Test
    void theBundledSampleIsNotARecentFileAndTheTitleSaysSample(FxRobot robot, @TempDir Path dir) throws Exception {
        Path sample = dir.resolve("ce_wan22_text_to_video_wan22_14B.json");
        Files.copy(Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json"), sample);
        robot.interact(() -> app.vm().openSample(sample));
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> app.vm().graph().traceProperty().get() != null);
        app.settle();
        assertTrue(app.prefs().recentFiles().isEmpty(), "the sample is not remembered");
        assertTrue(app.stage().getTitle().startsWith("Sample workflow"), app.stage().getTitle());
    }

    @Test
    void aTruncatedPngThatTheCommandLineReadsOpensWithAWarning(@TempDir Path dir) throws Exception {
        // the first 60,000 bytes of a 208 KB PNG: its text chunks are whole, the pixel data is cut
        byte[] whole = Files.readAllBytes(Fixtures.bundled("images/ce_lora.png"));
        Path cut = dir.resolve("cut.png");
        Files.write(cut, java.util.Arrays.copyOf(whole, 60_000));
        WaitForAsyncUtils.asyncFx(() -> app.vm().open(cut)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> app.vm().graph().traceProperty().get() != null || app.vm().problemProperty().get() != null);
        app.settle();
        assertEquals(null, app.vm().problemProperty().get(), "refused");
        assertFalse(app.vm().documentProperty().get().warnings().isEmpty(), "the damage is reported as a warning");
        assertTrue(app.vm().documentProperty().get().graph().size() > 0);
    }

    @Test
    void ctrlZInTheFieldJustEditedUndoesTheEdit(FxRobot robot) throws Exception {
        app.open(Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json"));
        TextField steps = robot.lookup("#samplerField-cfg").queryAs(TextField.class);
        String before = steps.getText();
        robot.clickOn(steps).eraseText(before.length()).write("12.25").type(KeyCode.ENTER);
        app.settle();
        assertEquals("12.25", steps.getText());
        assertTrue(app.vm().editing().canUndoProperty().get());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        app.settle();
        assertEquals(before, steps.getText(), "Ctrl+Z in the field undid the committed edit");
    }
}
