package com.samplerlens.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.app.session.SessionViewModel;
import com.samplerlens.app.shell.MainWindow;
import com.samplerlens.testing.Fixtures;
import com.samplerlens.testing.TestWindow;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Node tab of the real window (headless) on ComfyUI's LoRA example, clicked in the graph. By
 * hand from the file's prompt chunk: LoraLoader 10 loads epiNoiseoffset_v2.safetensors at 1.0 / 1.0,
 * CheckpointLoaderSimple 4 v1-5-pruned-emaonly.ckpt, KSampler 3 has seed 851616030078638.
 */
@ExtendWith(ApplicationExtension.class)
class NodeInspectorTest {

    private static final Path LORA = Fixtures.bundled("images/ce_lora.png");

    private TestWindow app;
    private SessionViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        app = TestWindow.show(stage, TestWindow.realCore(), plan -> Optional.of(plan.output()));
        vm = app.vm();
        window = app.window();
    }

    @AfterEach
    void forget() throws Exception {
        app.close();
    }

    @Test
    void clickingALoaderShowsWhatItGaveToTheParameters(FxRobot robot) throws Exception {
        app.open(LORA);
        // the status bar counts in words an artist reads: one sampler is "1 sampler found"
        String status = robot.lookup("#statusCounts").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(status.startsWith("8 nodes  ·  11 links  ·  1 sampler found  ·  1 traced"), status);
        String parameters = vm.output().previewProperty().get().parameters();

        click(robot, "10");
        Map<String, String> lora = captured(robot);
        assertEquals("epiNoiseoffset_v2.safetensors", lora.get("Lora_0 Model name"), lora.toString());
        assertEquals("1.0", lora.get("Lora_0 Strength model"), lora.toString());
        assertTrue(parameters.contains("Lora_0 Model name: " + lora.get("Lora_0 Model name")), parameters);
        assertTrue(sections(robot).contains("CAPTURED"));

        click(robot, "4");
        Map<String, String> checkpoint = captured(robot);
        assertEquals(Map.of("Model", "v1-5-pruned-emaonly.ckpt"), checkpoint);
        assertTrue(parameters.contains("Model: v1-5-pruned-emaonly.ckpt"), parameters);

        click(robot, "3");
        assertEquals("851616030078638", captured(robot).get("Seed"));
        assertTrue(sections(robot).containsAll(List.of("CAPTURED", "WRITTEN FIELDS")), "a sampler keeps its written fields: " + sections(robot));

        click(robot, "9");
        assertTrue(robot.lookup("#nodeCaptures").tryQuery().isEmpty(), "SaveImage gives no value, so no Captured section");
    }

    private void click(FxRobot robot, String nodeId) throws Exception {
        // drag it into view as a person would, then click its title bar
        robot.interact(() -> window.graphView().reveal(nodeId));
        app.settle();
        Bounds box = window.graphView().screenBoxOf(nodeId);
        robot.moveTo(window.graphView().localToScreen(box.getCenterX(), box.getMinY() + 8)).clickOn();
        app.settle();
        assertEquals(nodeId, window.graphView().selectedNodeProperty().get());
    }

    /** The Captured grid as label → value, read from the labels on screen. */
    private static Map<String, String> captured(FxRobot robot) {
        GridPane grid = robot.lookup("#nodeCaptures").queryAs(GridPane.class);
        Map<String, String> rows = new LinkedHashMap<>();
        String label = null;
        for (Node cell : grid.getChildren()) {
            String text = ((Label) cell).getText();
            if (GridPane.getColumnIndex(cell) == 0) label = text;
            else rows.put(label, text);
        }
        return rows;
    }

    private static List<String> sections(FxRobot robot) {
        return robot.lookup("#nodeInspector").lookup(".label").queryAll().stream().map(n -> ((Label) n).getText()).toList();
    }
}
