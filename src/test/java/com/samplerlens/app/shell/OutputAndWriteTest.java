package com.samplerlens.app.shell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.app.graph.NodeLook;
import com.samplerlens.app.kit.OutputPreview;
import com.samplerlens.app.session.SessionViewModel;
import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.fallback.FallbackSettings;
import com.samplerlens.core.fallback.PlanEntry;
import com.samplerlens.core.fallback.WritePlan;
import com.samplerlens.core.fallback.WritePlanner;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.inspect.Inspector;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.inspect.InspectOptions;
import com.samplerlens.core.inspect.LoadedSource;
import com.samplerlens.core.inspect.SourceLoader;
import com.samplerlens.core.inspect.SourceTexts;
import com.samplerlens.core.trace.SamplerAttribution;
import com.samplerlens.core.trace.TraceResult;
import com.samplerlens.testing.Fixtures;
import com.samplerlens.testing.TestWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Output tab and writing, through the real core, on ComfyUI's example images. */
@ExtendWith(ApplicationExtension.class)
class OutputAndWriteTest {

    private static final Path LORA = Fixtures.bundled("images/ce_lora.png");
    private static final Path TURBO = Fixtures.bundled("images/ce_sdxlturbo_example.png");

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

    private void open(Path file) throws Exception {
        app.open(file);
    }

    @Test
    void raisingMaxSamplersColoursTheSecondSamplerAndAddsItToTheParameters(FxRobot robot) throws Exception {
        open(Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json"));
        // by hand from the file: outputs 28 (SaveAnimatedWEBP) and 47 (SaveWEBM) both save image 8, a tie
        // that goes to the higher id, 47; 58 is 2 hops from it, 57 is 3
        TraceResult single = vm.graph().traceProperty().get();
        assertEquals("47", single.saveNodeId());
        assertEquals(List.of("57"), single.traced().stream().map(SamplerAttribution::nodeId).toList(), "Farthest picks 57");
        assertDrawnAsTraced(single);
        assertFalse(vm.output().previewProperty().get().parameters().contains("Sampler_2"));

        robot.interact(() -> vm.graph().maxSamplersProperty().set(2));
        WaitForAsyncUtils.waitForFxEvents();
        TraceResult multi = vm.graph().traceProperty().get();
        assertEquals(List.of("57", "58"), multi.traced().stream().map(SamplerAttribution::nodeId).toList(), "Sampler_1 is the farthest");
        assertDrawnAsTraced(multi);
        assertTrue(window.graphView().lookOf("58").sampler().traced());
        String parameters = vm.output().previewProperty().get().parameters();
        assertTrue(parameters.contains("Samplers: ") && parameters.contains("Sampler_2: "), parameters);
        assertEquals("2 samplers found", robot.lookup("#samplersFound").queryAs(javafx.scene.control.Label.class).getText());
    }

    @Test
    void theDefaultSaveNodeHasTheMostSamplersAndAnOutputWithoutOneSendsTheUserToTheChoice(FxRobot robot) throws Exception {
        // kj's OneToAll workflow: 8 output nodes (2 PreviewImage, 6 VHS_VideoCombine), #160 muted, so 7 candidates;
        // #306, the last VHS_VideoCombine, has the four WanVideoSamplers upstream; #137 (the pose video) none
        open(Fixtures.bundled("workflows/ui/kj_wanvideo_2_1_14B_OneToAllAnimation_pose_control_example_01.json"));
        assertEquals("306", vm.graph().traceProperty().get().saveNodeId());
        assertEquals(4, vm.graph().traceProperty().get().samplers().size());
        String said = String.join("\n", vm.output().previewProperty().get().notes());
        assertTrue(said.contains("Save node 306 VHS_VideoCombine (most samplers upstream (4)); other output nodes: 137 VHS_VideoCombine"), said);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> choice = robot.lookup("#saveNode").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> choice.setValue(choice.getItems().stream().filter(i -> i.startsWith("137")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("137", vm.graph().traceProperty().get().saveNodeId());
        assertTrue(vm.graph().traceProperty().get().samplers().isEmpty());
        String hint = robot.lookup("#noSamplerHint").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(hint.contains("#137 (VHS_VideoCombine)") && hint.contains("7 output nodes") && hint.contains("Save node"), hint);
        // following it: one of the offered save nodes has the sampler upstream
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> saveNode = robot.lookup("#saveNode").queryAs(javafx.scene.control.ComboBox.class);
        List<String> withSamplers = new java.util.ArrayList<>();
        for (String id : List.copyOf(saveNode.getItems())) {
            robot.interact(() -> saveNode.setValue(id));
            WaitForAsyncUtils.waitForFxEvents();
            if (!vm.graph().traceProperty().get().samplers().isEmpty()) withSamplers.add(id);
        }
        assertFalse(withSamplers.isEmpty(), "some output node of this workflow has a sampler upstream");
    }

    /** Every node is drawn with exactly the samplers the trace attributes it to, traced ones in full colour. */
    private void assertDrawnAsTraced(TraceResult trace) {
        for (String id : vm.documentProperty().get().graph().nodes().keySet()) {
            Map<String, Boolean> expected = new TreeMap<>();
            for (SamplerAttribution s : trace.samplers()) {
                if (s.nodeId().equals(id) || s.attributed().contains(id)) expected.put(s.nodeId(), s.traced());
            }
            Map<String, Boolean> drawn = new TreeMap<>();
            for (NodeLook.SamplerMark m : window.graphView().lookOf(id).memberships()) drawn.put(m.nodeId(), m.traced());
            assertEquals(expected, drawn, "node " + id);
            assertEquals(trace.isUpstream(id), window.graphView().lookOf(id).upstream(), "node " + id);
        }
    }

    @Test
    void fallbackTableShowsThePlannersStagesAndFollowsTheKbLimit(FxRobot robot) throws Exception {
        open(TURBO);
        robot.interact(() -> {
            vm.output().outputFormatProperty().set(ContainerFormat.JPEG);
            vm.output().maxJpegExifKbProperty().set(4);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#outputTab");
        @SuppressWarnings("unchecked")
        TableView<OutputPreview.Stage> table = robot.lookup("#stagesTable").queryAs(TableView.class);
        LoadedSource source = new SourceLoader(NodeDefinitions.bundled()).load(TURBO);
        MetadataBundle rendered = Inspector.bundled().inspect(source.graph(),
                new SourceTexts(source.prompt(), source.workflow(), source.parameters()), InspectOptions.defaults()).bundle();
        WritePlan plan = WritePlanner.plan(ContainerFormat.JPEG, rendered, FallbackSettings.fromEnvironment(4), null);
        List<OutputPreview.Stage> rows = table.getItems();
        assertEquals(List.of("full", "reduced-exif", "minimal", "com-marker"), rows.stream().map(OutputPreview.Stage::name).toList());
        for (int i = 0; i < rows.size(); i++) {
            PlanEntry expected = plan.entries().get(i);
            assertEquals(expected.metadataBytes(), rows.get(i).metadataBytes(), expected.name());
            assertEquals(expected.fits(), rows.get(i).fits(), expected.name());
        }
        // prompt and workflow as compact JSON (python json.dumps, separators "," ":") are 948 + 4,166 bytes: over 4 KB
        // before any EXIF overhead, so the full stage cannot fit
        assertFalse(rows.getFirst().fits());
        assertEquals(plan.chosen().orElseThrow().name(), rows.stream().filter(OutputPreview.Stage::chosen).findFirst().orElseThrow().name());

        robot.interact(() -> vm.output().maxJpegExifKbProperty().set(60));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().getFirst().fits() && table.getItems().getFirst().chosen(), "60 KB holds everything");
    }

    @Test
    void reembedByDropWritesACopyThatReadsBack(FxRobot robot, @TempDir Path dir) throws Exception {
        open(LORA);
        Path target = dir.resolve("upscaled.png");
        Files.copy(TURBO, target);
        byte[] targetBefore = Files.readAllBytes(target);

        robot.interact(() -> window.drop(List.of(target), true, false));
        Path written = dir.resolve("upscaled_meta.png");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(written) && vm.workProperty().get() == null);

        // what the Output tab said would be written is what the copy holds
        EmbeddedMetadata copy = MetadataReaders.read(written);
        List<OutputPreview.Field> promised = vm.output().previewProperty().get().fields();
        assertTrue(promised.stream().anyMatch(f -> f.key().equals(MetadataKeys.PARAMETERS)), "a parameters chunk is written");
        for (OutputPreview.Field f : promised) assertEquals(Optional.of(f.text()), copy.text(f.key()), f.key());
        assertEquals(MetadataReaders.read(LORA).text(MetadataKeys.WORKFLOW), copy.text(MetadataKeys.WORKFLOW), "the workflow travels unchanged");
        assertArrayEquals(targetBefore, Files.readAllBytes(target), "the dropped image itself is never changed");
        assertTrue(robot.lookup("#writtenNotification").tryQuery().isPresent(), "the user is told where the copy went");

        // a second drop proposes a new name instead of overwriting the first copy
        robot.interact(() -> window.drop(List.of(target), true, false));
        Path second = dir.resolve("upscaled_meta_2.png");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(second) && vm.workProperty().get() == null);
    }
}
