package com.samplerlens.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.app.graph.GraphView;
import com.samplerlens.app.graph.NodeLook;
import com.samplerlens.app.graph.SamplerPalette;
import com.samplerlens.app.session.SessionViewModel;
import com.samplerlens.app.settings.AppPreferences;
import com.samplerlens.app.write.DropDecision;
import com.samplerlens.app.write.WriteFlow;
import com.samplerlens.testing.Fixtures;
import com.samplerlens.testing.TestWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, headless (Monocle), on the Wan 2.2 14B text-to-video workflow. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final Path WAN22 = Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json");

    private final List<WriteFlow.ReembedPlan> confirmed = new ArrayList<>();
    private TestWindow app;
    private AppPreferences prefs;
    private SessionViewModel vm;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        app = TestWindow.show(stage, new HandTracedService(), plan -> {
            confirmed.add(plan);
            return Optional.empty();
        });
        prefs = app.prefs();
        vm = app.vm();
        window = app.window();
        this.stage = stage;
    }

    @AfterEach
    void forget() throws Exception {
        app.close();
    }

    private void openWan22(FxRobot robot) throws Exception {
        robot.interact(() -> window.drop(List.of(WAN22), false, false));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.graph().traceProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void droppedWorkflowIsDrawnInTheColoursOfItsSamplers(FxRobot robot) throws Exception {
        openWan22(robot);
        // 16 nodes in the file, the two Notes are UI-only; 16 links between the other 14
        String status = robot.lookup("#statusCounts").queryAs(Label.class).getText();
        assertTrue(status.startsWith("14 nodes  ·  16 links  ·  2 samplers found  ·  1 traced"), status);
        assertEquals(List.of(WAN22.toAbsolutePath().normalize()), prefs.recentFiles());

        robot.interact(() -> vm.graph().maxSamplersProperty().set(2));
        WaitForAsyncUtils.waitForFxEvents();
        GraphView graph = window.graphView();
        // every node's drawn membership is the trace's attribution
        for (String id : List.of("54", "55", "6", "8")) {
            List<String> expected = vm.graph().traceProperty().get().samplers().stream()
                    .filter(s -> s.attributed().contains(id)).map(s -> s.nodeId()).sorted().toList();
            assertEquals(expected, graph.lookOf(id).memberships().stream().map(NodeLook.SamplerMark::nodeId).sorted().toList(), id);
        }
        // pixels: 54 (high-noise model path) is S1's colour, 55 (low-noise) S2's, 8 (VAE decode) grey
        robot.interact(() -> graph.highlightedSamplerProperty().set(null));
        assertFalse(graph.darkProperty().get(), "a fresh preferences node starts light");
        // zoomed out until the whole graph is in view: the title-bar bands are drawn at any zoom
        robot.interact(() -> graph.zoomAt(graph.getWidth() / 2, graph.getHeight() / 2, 0.45));
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = onFx(() -> graph.snapshot(null, null));
        assertColour(SamplerPalette.colour(graph.lookOf("54").memberships().getFirst().colourIndex()), headerPixel(image, graph, "54"));
        assertColour(SamplerPalette.colour(graph.lookOf("55").memberships().getFirst().colourIndex()), headerPixel(image, graph, "55"));
        // 6 and 7 (the prompts) feed both samplers: striped, the farther sampler's colour first
        for (String prompt : List.of("6", "7")) {
            assertColour(SamplerPalette.colour(graph.lookOf(prompt).memberships().getFirst().colourIndex()), headerPixel(image, graph, prompt));
        }
        Color shared = headerPixel(image, graph, "8");
        assertTrue(shared.getSaturation() < 0.15, "shared node is grey, not " + shared);
    }

    @Test
    void hiddenTabsAreBuiltWhenFirstShownWithWhatIsAlreadyOpen(FxRobot robot) throws Exception {
        openWan22(robot);
        // start-up builds only what is on screen: the Output and Raw tabs have no controls yet
        assertTrue(robot.lookup("#stagesTable").tryQuery().isEmpty(), "Output tab not built before it is shown");
        assertTrue(robot.lookup("#rawPane").tryQuery().isEmpty(), "Raw tab not built before it is shown");
        robot.clickOn("#outputTab");
        WaitForAsyncUtils.waitForFxEvents();
        // built on the click, showing the document opened before it existed
        String shown = robot.lookup("#parametersText").queryAs(javafx.scene.control.TextArea.class).getText();
        assertEquals(vm.output().previewProperty().get().parameters(), shown);
        assertFalse(shown.isBlank());
        robot.clickOn("#rawTab");
        WaitForAsyncUtils.waitForFxEvents();
        var key = robot.lookup("#rawPane .combo-box").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals(List.copyOf(vm.documentProperty().get().texts().keySet()).getFirst(), key.getValue());
    }

    @Test
    void loweringMaxSamplersMutesTheUntracedSamplerAndIsRemembered(FxRobot robot) throws Exception {
        openWan22(robot);
        robot.interact(() -> vm.graph().maxSamplersProperty().set(2));
        assertTrue(window.graphView().lookOf("58").sampler().traced());
        Spinner<?> spinner = robot.lookup("#maxSamplers").queryAs(Spinner.class);
        robot.interact((Runnable) spinner::decrement);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm.graph().maxSamplersProperty().get());
        assertEquals(1, prefs.maxSamplers());
        NodeLook.SamplerMark s58 = window.graphView().lookOf("58").sampler();
        assertFalse(s58.traced());
        assertEquals("S–", s58.badge());
        assertEquals("1 traced", robot.lookup("#statusCounts").queryAs(Label.class).getText().split("  ·  ")[3].substring(0, 8));
        robot.interact((Runnable) spinner::increment);
        assertEquals(2, prefs.maxSamplers());
    }

    @Test
    void clickingANodeExplainsItAndFindCentresOnOne(FxRobot robot) throws Exception {
        openWan22(robot);
        robot.interact(() -> window.graphView().reveal("54"));
        WaitForAsyncUtils.waitForFxEvents();
        Bounds box = window.graphView().screenBoxOf("54");
        var onScreen = window.graphView().localToScreen(box.getCenterX(), box.getMinY() + 8);
        robot.moveTo(onScreen).clickOn();
        assertEquals("54", window.graphView().selectedNodeProperty().get());
        assertTrue(robot.lookup("#nodeInspector").lookup(".label").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("Belongs to")), "the Node tab explains the membership");

        robot.clickOn("#findField");
        robot.interact(() -> robot.lookup("#findField").queryAs(javafx.scene.control.TextField.class).setText("emptyhunyuan"));
        robot.type(KeyCode.ENTER);
        assertEquals("61", window.graphView().selectedNodeProperty().get());
    }

    @Test
    void dropsOfOtherFilesAreRefusedWithAMessageAndImagesOnTheReembedAreaAskFirst(FxRobot robot) throws Exception {
        openWan22(robot);
        robot.clickOn("#themeToggle");
        assertTrue(window.graphView().darkProperty().get(), "the theme toggle reaches the graph");
        assertTrue(prefs.darkTheme(), "and is remembered");

        DropDecision refused = onFx(() -> window.drop(List.of(Path.of("notes.txt")), false, false));
        assertInstanceOf(DropDecision.Reject.class, refused);
        assertNotNull(robot.lookup("#problemMessage").tryQuery().orElse(null), "a clear message, no exception");

        Path target = Fixtures.bundled("images/ce_lora.png");
        DropDecision decision = onFx(() -> window.drop(List.of(target), true, false));
        assertInstanceOf(DropDecision.Reembed.class, decision);
        assertEquals(1, confirmed.size(), "nothing is written before the user confirms");
        assertEquals(target, confirmed.getFirst().target());
        assertEquals(WAN22, confirmed.getFirst().source());
        assertEquals("ce_lora_meta.png", confirmed.getFirst().output().getFileName().toString());
        // the dialog says what goes where: the target's format, the chunks and their size
        assertEquals(com.samplerlens.core.container.ContainerFormat.PNG, confirmed.getFirst().format());
        assertTrue(confirmed.getFirst().written().contains("text chunks") && confirmed.getFirst().written().contains("bytes of metadata"),
                confirmed.getFirst().written());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    /** A pixel in a node's title band, left of its title and inside its border. */
    private static Color headerPixel(WritableImage image, GraphView graph, String id) {
        // the sampler band along the top of the title bar; its first stripe for a striped node
        Bounds b = graph.screenBoxOf(id);
        return image.getPixelReader().getColor((int) (b.getMinX() + 8), (int) (b.getMinY() + 1.5));
    }

    private static void assertColour(Color expected, Color actual) {
        double d = Math.abs(expected.getRed() - actual.getRed()) + Math.abs(expected.getGreen() - actual.getGreen())
                + Math.abs(expected.getBlue() - actual.getBlue());
        assertTrue(d < 0.06, "expected " + expected + " but the pixel is " + actual);
    }
}
