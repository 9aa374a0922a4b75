package com.samplerlens.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.app.kit.ParametersParts;
import com.samplerlens.testing.Fixtures;
import com.samplerlens.testing.TestWindow;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The summary card with its copy buttons, for A1111 and ComfyUI images, and the warnings list. */
@ExtendWith(ApplicationExtension.class)
class SummaryAndWarningsTest {

    private TestWindow app;

    @Start
    void start(Stage stage) {
        app = TestWindow.show(stage, TestWindow.realCore(), plan -> Optional.empty());
    }

    @AfterEach
    void close() throws Exception {
        app.close();
    }

    private String clipboard() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void anA1111ImageGetsItsSummaryInsteadOfAnEmptyCanvas(FxRobot robot) throws Exception {
        app.open(Fixtures.bundled("images/sdp_automatic1111_cropped.jpg"));
        assertTrue(robot.lookup("#noGraphSummary").query().isVisible(), "the summary stands where the graph would be");
        String carried = app.vm().documentProperty().get().texts().get("parameters");
        ParametersParts parts = ParametersParts.of(carried);
        assertFalse(parts.positive().isEmpty());
        assertTrue(parts.settings().startsWith("Steps:"), parts.settings());
        assertEquals(parts.positive(), robot.lookup("#summaryPositive").match(n -> n.getScene() != null && isIn(n, "centreSummary"))
                .queryAs(TextArea.class).getText());
        robot.clickOn("#centreSummaryCopyPositive");
        assertEquals(parts.positive(), clipboard());
        robot.clickOn("#centreSummaryCopySettings");
        assertEquals(parts.settings(), clipboard());
        robot.clickOn("#centreSummaryCopyAll");
        assertEquals(carried, clipboard());
        String hint = robot.lookup("#noSamplerHint").queryAs(Label.class).getText();
        assertFalse(hint.contains("no output node"), hint);
    }

    private static boolean isIn(javafx.scene.Node n, String id) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) if (id.equals(p.getId())) return true;
        return false;
    }

    @Test
    void aComfyImageSummaryCopiesWhatWouldBeWritten(FxRobot robot) throws Exception {
        robot.interact(() -> app.vm().graph().maxSamplersProperty().set(2));
        app.open(Fixtures.bundled("images/ce_sdxl_refiner_prompt_example.png"));
        assertFalse(robot.lookup("#noGraphSummary").query().isVisible());
        robot.interact(() -> {
            var side = robot.lookup("#sidePanel").queryAs(javafx.scene.control.TabPane.class);
            side.getTabs().stream().filter(t -> "summaryTab".equals(t.getId())).findFirst().ifPresent(t -> side.getSelectionModel().select(t));
        });
        app.settle();
        String written = app.vm().output().previewProperty().get().parameters();
        robot.clickOn("#summaryCopyAll");
        assertEquals(written, clipboard());
        robot.clickOn("#summaryCopyNegative");
        assertEquals(ParametersParts.of(written).negative(), clipboard());
        assertFalse(clipboard().isEmpty(), "the SDXL example has a negative prompt");
    }

    @Test
    void theWarningsAreAListNotATooltip(FxRobot robot) throws Exception {
        app.open(Fixtures.bundled("workflows/ui/kj_wanvideo_2_1_14B_OneToAllAnimation_pose_control_example_01.json"));
        int count = app.vm().warnings().size();
        assertTrue(count > 0, "this workflow has warnings");
        robot.clickOn("#statusWarnings");
        app.settle();
        assertTrue(robot.lookup(n -> n instanceof Label l && app.vm().warnings().stream().anyMatch(w -> l.getText() != null && l.getText().startsWith(w))).tryQuery().isPresent(),
                "each warning is in the list");
    }

    @Test
    void parametersAreCutWhereA1111CutsThem() {
        ParametersParts p = ParametersParts.of("a cat,\nwith a hat\nNegative prompt: blurry\nSteps: 20, Sampler: Euler a, CFG scale: 7");
        assertEquals("a cat,\nwith a hat", p.positive());
        assertEquals("blurry", p.negative());
        assertEquals("Steps: 20, Sampler: Euler a, CFG scale: 7", p.settings());
        ParametersParts noNegative = ParametersParts.of("a dog\nSteps: 4");
        assertEquals("a dog", noNegative.positive());
        assertEquals("", noNegative.negative());
    }

    /**
     * SDXL base + refiner at max samplers 1: the values are base KSamplerAdvanced 10's (Farthest, as the
     * anchor), which the Samplers tab says; at max samplers 2 both are written and the line goes away.
     */
    @Test
    void theSamplersTabSaysWhichSamplerTheValuesComeFrom(FxRobot robot) throws Exception {
        robot.interact(() -> app.vm().graph().maxSamplersProperty().set(1));
        app.open(Fixtures.bundled("images/ce_sdxl_refiner_prompt_example.png"));
        WaitForAsyncUtils.waitForFxEvents();
        String origin = app.vm().graph().valuesOriginProperty().get();
        assertTrue(origin.startsWith("Values from node 10 KSamplerAdvanced, the farthest of 2 samplers"), origin);
        assertTrue(origin.contains("1 of 2 samplers written"), origin);
        robot.interact(() -> app.vm().graph().maxSamplersProperty().set(2));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.vm().graph().valuesOriginProperty().get().isEmpty());
    }
}

