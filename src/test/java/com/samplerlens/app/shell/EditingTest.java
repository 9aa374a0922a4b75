package com.samplerlens.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.app.session.SessionViewModel;
import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.edit.FlatField;
import com.samplerlens.core.inspect.MetadataExport;
import com.samplerlens.testing.Fixtures;
import com.samplerlens.testing.TestWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

/**
 * Editing in the real app on ComfyUI's LoRA example. By hand from its prompt chunk: KSampler 3 has
 * seed 851616030078638, steps 20, cfg 8.0, euler / normal, denoise 1.0; the file carries only
 * prompt and workflow texts.
 */
@ExtendWith(ApplicationExtension.class)
class EditingTest {

    private static final Path LORA = Fixtures.bundled("images/ce_lora.png");

    private TestWindow app;
    private SessionViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        app = TestWindow.show(stage, TestWindow.realCore(), plan -> Optional.of(plan.output()));
        vm = app.vm();
        this.stage = stage;
    }

    @AfterEach
    void forget() throws Exception {
        app.close();
    }

    private void open(Path file) throws Exception {
        app.open(file);
    }

    private String parameters() { return vm.output().previewProperty().get().parameters(); }

    private long fullStageBytes() {
        return vm.output().previewProperty().get().stages().stream().filter(s -> s.name().equals("full")).findFirst().orElseThrow().metadataBytes();
    }

    private String statusEdits(FxRobot robot) { return robot.lookup("#statusEdits").queryAs(Label.class).getText(); }

    @Test
    void cfgEditedInTheSamplersTabChangesThePreviewAndUndoRedoResetFollow(FxRobot robot) throws Exception {
        open(LORA);
        robot.interact(() -> vm.output().outputFormatProperty().set(ContainerFormat.JPEG));
        app.settle();
        assertTrue(parameters().contains("CFG scale: 8.0"), parameters());
        long before = fullStageBytes();

        TextField cfg = robot.lookup("#samplerField-cfg").queryAs(TextField.class);
        assertEquals("8.0", cfg.getText());
        robot.clickOn(cfg).eraseText(3).write("12.25").type(KeyCode.ENTER);
        app.settle();
        assertTrue(parameters().contains("CFG scale: 12.25"), parameters());
        assertFalse(parameters().contains("CFG scale: 8.0"));
        // two more characters, in the UserComment's UTF-16 (UNICODE\0 + two bytes a character)
        assertEquals(before + 4, fullStageBytes());
        assertTrue(robot.lookup("#samplerField-cfgEdited").queryAs(Label.class).isVisible(), "the field is marked edited");
        assertEquals("✎ 1 edit", statusEdits(robot));

        // keyboard undo / redo, with the focus off the text fields
        robot.interact(() -> stage.getScene().getRoot().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        app.settle();
        assertTrue(parameters().contains("CFG scale: 8.0"), parameters());
        assertEquals(before, fullStageBytes());
        assertEquals("", statusEdits(robot));
        assertEquals("8.0", cfg.getText());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        app.settle();
        assertTrue(parameters().contains("CFG scale: 12.25"), parameters());
        robot.interact(vm.editing()::undo);
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        app.settle();
        assertTrue(parameters().contains("CFG scale: 12.25"), "Ctrl+Y redoes too");

        // a re-trace (another max samplers) keeps the edit
        robot.interact(() -> vm.graph().maxSamplersProperty().set(2));
        app.settle();
        assertTrue(parameters().contains("CFG scale: 12.25"), parameters());

        robot.interact(() -> vm.editing().setFlatField(FlatField.STEPS, "30"));
        assertEquals("✎ 2 edits", statusEdits(robot));
        robot.interact(vm.editing()::resetToTraced);
        assertTrue(parameters().contains("CFG scale: 8.0") && parameters().contains("Steps: 20"), parameters());
        assertEquals(4, vm.editing().history().size(), "traced, two edits and the reset");
        robot.interact(vm.editing()::undo);
        assertTrue(parameters().contains("Steps: 30") && parameters().contains("CFG scale: 12.25"), "the reset is undoable");
        robot.interact(() -> vm.editing().jumpTo(0));
        assertTrue(parameters().contains("CFG scale: 8.0"), "a click on the first history line goes back to the trace");
    }

    @Test
    void addedAndRemovedKeysAreWrittenAndReadBack(FxRobot robot, @TempDir Path dir) throws Exception {
        Path image = dir.resolve("lora.png");
        Files.copy(LORA, image);
        open(image);
        // the Output tab is built when first shown: the user clicks it
        robot.clickOn("#outputTab");
        // the Output tab's fields, typed into and fired in place (the tab scrolls, so no mouse)
        robot.interact(() -> {
            robot.lookup("#newKeyName").queryAs(TextField.class).setText("Artist");
            robot.lookup("#newKeyValue").queryAs(TextField.class).setText("me");
            robot.lookup("#addKey").queryAs(Button.class).fire();
        });
        assertTrue(parameters().contains("Artist: me"), parameters());
        assertEquals("", robot.lookup("#newKeyName").queryAs(TextField.class).getText(), "the add row is emptied");
        robot.interact(() -> robot.lookup("#remove-Seed").queryAs(Button.class).fire());
        assertFalse(parameters().contains("Seed: "), parameters());
        robot.interact(() -> vm.editing().replacePrompt(com.samplerlens.core.edit.PromptKind.NEGATIVE, "blurry"));

        Path out = dir.resolve("lora_meta.png");
        WaitForAsyncUtils.asyncFx(() -> vm.output().write(image, out, false, o -> {})).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(out) && vm.workProperty().get() == null);
        String written = MetadataReaders.read(out).text(MetadataKeys.PARAMETERS).orElseThrow();
        assertTrue(written.contains("Artist: me") && written.contains("Negative prompt: blurry"), written);
        assertFalse(written.contains("Seed: "), written);
        assertTrue(written.contains("Steps: 20"), written);
        assertEquals(parameters(), written, "what the preview showed is what was written");
        assertEquals(MetadataExport.withNewline(written), vm.output().exportText(MetadataExport.Kind.TXT).orElseThrow());

        robot.interact(() -> robot.lookup("#removeOwnKey-Artist").queryAs(Button.class).fire());
        assertFalse(parameters().contains("Artist"), parameters());

        // a clean copy of the written file has no generation metadata left
        open(out);
        Path clean = dir.resolve("lora_meta_clean.png");
        WaitForAsyncUtils.asyncFx(() -> vm.output().saveCleanCopy(clean, false, p -> {})).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(clean) && vm.workProperty().get() == null);
        EmbeddedMetadata stripped = MetadataReaders.read(clean);
        assertTrue(stripped.entries().isEmpty(), stripped.entries().toString());
        assertEquals(Optional.empty(), stripped.text(MetadataKeys.PROMPT));
    }
}
