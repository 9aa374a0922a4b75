package com.samplerlens.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.app.shell.MainWindow;
import com.samplerlens.core.trace.SamplerAttribution;
import com.samplerlens.core.trace.TraceResult;
import com.samplerlens.testing.Fixtures;
import com.samplerlens.testing.TestWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.control.ListView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The canvas of the real window on real workflows, headless: subgraph instances drawn apart and
 * opened by double click, every traced sampler reachable with the mouse, titles legible after
 * opening, badges outside the titles.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasViewTest {

    /** 112 top-level nodes and three subgraph instances (136 nodes once flattened); save node 306. */
    static final String ONE_TO_ALL = "workflows/ui/kj_wanvideo_2_1_14B_OneToAllAnimation_pose_control_example_01.json";
    static final Path ONE_TO_ALL_FILE = Fixtures.bundled(ONE_TO_ALL);
    /** 16 nodes in the file, 14 in the graph. */
    private static final Path WAN22 = Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json");

    private TestWindow app;
    private MainWindow window;
    private GraphView graph;

    @Start
    void start(Stage stage) {
        app = TestWindow.show(stage, TestWindow.realCore(), plan -> Optional.empty());
        window = app.window();
        graph = window.graphView();
    }

    @AfterEach
    void close() throws Exception {
        app.close();
    }

    /** The shared fixture, failing (not skipping) when ../shared is missing. */
    static Path shared(String relative) {
        Path root = Fixtures.sharedRoot();
        assertNotNull(root, "../shared/fixtures is missing: this test needs " + relative);
        Path p = root.resolve(relative);
        assertTrue(Files.isRegularFile(p), "missing fixture ../shared/fixtures/" + relative);
        return p;
    }

    private void open(FxRobot robot, Path file, int maxSamplers) throws Exception {
        open(robot, file, maxSamplers, null);
    }

    /** Opens a file; {@code saveNode} chooses the save node as a person does in the picker (null: the default). */
    private void open(FxRobot robot, Path file, int maxSamplers, String saveNode) throws Exception {
        robot.interact(() -> app.vm().graph().maxSamplersProperty().set(maxSamplers));
        app.open(file);
        if (saveNode != null) robot.interact(() -> app.vm().graph().saveNodeIdProperty().set(saveNode));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> app.vm().graph().traceProperty().get() != null && app.vm().graph().traceProperty().get().traced().size() >= Math.min(maxSamplers, 1));
        settle();
    }

    /** With -Dsamplerlens.shots=DIR, keeps a picture of the canvas for a person to look at. */
    private void shot(String name) throws Exception {
        String dir = System.getProperty("samplerlens.shots");
        if (dir == null) return;
        javafx.scene.image.WritableImage image = fx(() -> graph.snapshot(null, null));
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
        Files.createDirectories(Path.of(dir));
        javax.imageio.ImageIO.write(out, "png", Path.of(dir, name + ".png").toFile());
    }

    private static void settle() {
        WaitForAsyncUtils.sleep(350, TimeUnit.MILLISECONDS); // the view's easing
        WaitForAsyncUtils.waitForFxEvents();
    }

    private <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theFrameThatFollowsANewDocumentHasItsGraphDrawn(FxRobot robot) throws Exception {
        // what the first pulse after the inspection hands to the renderer: the start-up timing
        // (StartupTiming) counts that frame as the first graph, so the canvas must be in it
        List<String> atFrame = new ArrayList<>();
        robot.interact(() -> app.vm().output().inspectionProperty().addListener((o, a, inspection) -> {
            if (inspection == null) return;
            javafx.scene.Scene scene = app.stage().getScene();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                atFrame.add("pending " + graph.redrawPending() + ", drawn the document's graph " + (graph.drawnGraph() == app.vm().documentProperty().get().graph()));
            };
            scene.addPostLayoutPulseListener(once[0]);
        }));
        app.open(WAN22);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !atFrame.isEmpty()));
        assertEquals("pending false, drawn the document's graph true", atFrame.getFirst());
    }

    @Test
    void oneToAllSubgraphInstancesStandApartAndEveryTracedSamplerCanBeClicked(FxRobot robot) throws Exception {
        open(robot, ONE_TO_ALL_FILE, 2, "306");
        TraceResult trace = app.vm().graph().traceProperty().get();
        assertEquals("306", trace.saveNodeId());
        assertTrue(trace.traced().stream().anyMatch(s -> s.nodeId().equals("311:248")), "S2 is the sampler inside instance 311");
        assertEquals("", graph.levelProperty().get());

        // the three instances of "New Subgraph" are drawn where the workflow put each of them
        List<String> instances = List.of("263", "297", "311");
        List<Bounds> boxes = new ArrayList<>();
        for (String id : instances) boxes.add(assertNotNullBox(fx(() -> graph.screenBoxOf(id)), id));
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertFalse(boxes.get(i).intersects(boxes.get(j)), instances.get(i) + " and " + instances.get(j) + " overlap");
            }
        }
        assertTrue(fx(() -> graph.scene().top().node("311:248")) == null, "inner nodes are not drawn on the top level");

        for (SamplerAttribution s : trace.traced()) {
            selectWithTheMouse(robot, s.nodeId());
            shot("onetoall-" + s.nodeId().replace(':', '_'));
            assertEquals(s.nodeId(), graph.selectedNodeProperty().get(), "sampler " + s.nodeId() + " selected from the canvas");
            robot.interact(() -> graph.openLevel(""));
            settle();
        }
    }

    /** Reaches a node as a person does: double-click the subgraph instances on its path, then click the node. */
    private void selectWithTheMouse(FxRobot robot, String id) throws Exception {
        String[] parts = id.split(":");
        String prefix = "";
        for (int i = 0; i < parts.length - 1; i++) {
            String instance = prefix + parts[i];
            robot.interact(() -> graph.focus(instance));
            settle();
            robot.moveTo(centreOnScreen(instance)).doubleClickOn(MouseButton.PRIMARY);
            settle();
            prefix = instance + ":";
            assertEquals(prefix, graph.levelProperty().get(), "double-clicking " + instance + " opens it");
            assertTrue(robot.lookup("#graphBreadcrumb").query().isVisible(), "a breadcrumb leads back");
        }
        Bounds box = assertNotNullBox(fx(() -> graph.screenBoxOf(id)), id);
        assertTrue(inView(box), id + " is in view when its level opens: " + box);
        robot.moveTo(centreOnScreen(id)).clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private javafx.geometry.Point2D centreOnScreen(String id) throws Exception {
        return fx(() -> {
            Bounds b = graph.screenBoxOf(id);
            // the title bar: never covered by a widget drawn in the body
            return graph.localToScreen(b.getMinX() + b.getWidth() / 2, b.getMinY() + 12);
        });
    }

    private boolean inView(Bounds b) {
        return new BoundingBox(0, 0, graph.getWidth(), graph.getHeight()).contains(b.getMinX() + b.getWidth() / 2, b.getMinY() + 10);
    }

    private static Bounds assertNotNullBox(Bounds b, String id) {
        assertNotNull(b, "node " + id + " is not drawn on the level shown");
        return b;
    }

    @Test
    void aLegacyGroupNodeOpensWithADoubleClickToShowTheSamplerInside(FxRobot robot) throws Exception {
        open(robot, shared("realworld/ce_hidream_e1_example.png"), 1);
        TraceResult trace = app.vm().graph().traceProperty().get();
        assertTrue(trace.traced().stream().anyMatch(s -> s.nodeId().equals("37:8")), "the sampler inside group node 37 is traced");
        // on the top level the group node holds the sampler: its badge is drawn on the group node
        robot.interact(() -> graph.reveal("37"));
        robot.interact(graph::drawNow);
        assertTrue(fx(graph::drawnBadges).stream().anyMatch(b -> b.nodeId().equals("37") && b.text().startsWith("S")),
                "the group node carries the badge of the sampler inside");
        // a double click opens it, the inner sampler is clicked, the breadcrumb leads back
        selectWithTheMouse(robot, "37:8");
        shot("group-node-inside");
        assertEquals("37:8", graph.selectedNodeProperty().get());
        assertEquals("S1", graph.lookOf("37:8").sampler().badge());
        robot.interact(graph::drawNow);
        assertTrue(fx(graph::drawnTitles).stream().anyMatch(t -> t.nodeId().equals("37:8") && t.fontPx() >= 9),
                "the inner sampler's title is drawn");
        javafx.scene.control.Hyperlink back = robot.lookup("#graphBreadcrumb .hyperlink").queryAs(javafx.scene.control.Hyperlink.class);
        robot.clickOn(back);
        settle();
        assertEquals("", graph.levelProperty().get(), "the breadcrumb goes back to the workflow");
    }

    @Test
    void zoomedFarOutTheLevelIsDrawnFromOneImageWithTheBadgesKept(FxRobot robot) throws Exception {
        open(robot, ONE_TO_ALL_FILE, 2, "306");
        // zoomed out around the save node, far to the right of where the fit starts
        robot.interact(() -> graph.reveal("306"));
        robot.interact(() -> graph.zoomAt(graph.getWidth() / 2, graph.getHeight() / 2, 0.1 / graph.scaleProperty().get()));
        robot.interact(graph::drawNow);
        assertTrue(fx(graph::drawnFromImage), "a frame at 0.1 comes from the level's image");
        assertTrue(fx(graph::drawnTitles).isEmpty(), "no titles at a tenth of the size");
        assertTrue(fx(graph::drawnBadges).stream().anyMatch(b -> b.nodeId().equals("306") && b.text().equals("SAVE")),
                "the save node's badge is still drawn");
        // zoomed back in, the frame is drawn node by node again, titles and all
        robot.interact(() -> graph.zoomAt(graph.getWidth() / 2, graph.getHeight() / 2, 1 / graph.scaleProperty().get()));
        robot.interact(graph::drawNow);
        assertFalse(fx(graph::drawnFromImage));
        assertFalse(fx(graph::drawnTitles).isEmpty());
    }

    @Test
    void theSamplerListOpensTheSubgraphThatHoldsItsNode(FxRobot robot) throws Exception {
        open(robot, ONE_TO_ALL_FILE, 2, "306");
        ListView<?> list = robot.lookup("#samplerList").queryAs(ListView.class);
        int index = -1;
        for (int i = 0; i < list.getItems().size(); i++) {
            if (((SamplerAttribution) list.getItems().get(i)).nodeId().equals("311:248")) index = i;
        }
        assertTrue(index >= 0, "the sampler list shows #311:248");
        int row = index;
        robot.interact(() -> {
            javafx.scene.control.TabPane side = robot.lookup("#sidePanel").queryAs(javafx.scene.control.TabPane.class);
            side.getTabs().stream().filter(t -> "samplersTab".equals(t.getId())).findFirst().ifPresent(t -> side.getSelectionModel().select(t));
        });
        robot.interact(() -> list.scrollTo(row));
        WaitForAsyncUtils.waitForFxEvents();
        var cell = robot.lookup(".list-cell").match(c -> c instanceof javafx.scene.control.ListCell<?> lc && lc.getIndex() == row
                && lc.getListView() == list).query();
        robot.clickOn(cell);
        settle();
        assertEquals("311:", graph.levelProperty().get());
        assertEquals("311:248", graph.selectedNodeProperty().get());
        Bounds box = fx(() -> graph.screenBoxOf("311:248"));
        assertTrue(inView(box), "the sampler is shown: " + box + " in " + graph.getWidth() + "x" + graph.getHeight());
    }

    @Test
    void titlesAreLegibleAfterOpeningTheFourteenNodeWorkflow(FxRobot robot) throws Exception {
        open(robot, WAN22, 2);
        shot("wan22");
        assertTitlesLegible(3);
        // the workflow stacks its loaders tightly: a badge that has no room above its node goes beside its
        // title, and never over another node's title
        List<CanvasPainter.DrawnTitle> titles = fx(graph::drawnTitles);
        for (CanvasPainter.DrawnBadge b : fx(graph::drawnBadges)) {
            for (CanvasPainter.DrawnTitle t : titles) {
                assertFalse(b.bounds().intersects(t.titleBar()), "badge " + b.text() + " of " + b.nodeId() + " over the title of " + t.nodeId());
            }
        }
    }

    @Test
    void titlesAreLegibleAfterOpeningTheHundredThirtySixNodeWorkflow(FxRobot robot) throws Exception {
        open(robot, ONE_TO_ALL_FILE, 2, "306");
        shot("onetoall");
        // 112 nodes on the top level and 8 in each of the three subgraphs
        assertEquals(136, fx(() -> graph.scene().levels().values().stream().mapToLong(l -> l.nodes().stream()
                .filter(n -> n.kind() != CanvasScene.Kind.SUBGRAPH_INPUTS && n.kind() != CanvasScene.Kind.SUBGRAPH_OUTPUTS).count()).sum()));
        assertTrue(graph.minimapShown(), "a graph larger than the view gets a minimap");
        assertTitlesLegible(3);
    }

    private void assertTitlesLegible(int atLeast) throws Exception {
        robot().interact(graph::drawNow);
        List<CanvasPainter.DrawnTitle> titles = fx(graph::drawnTitles);
        List<CanvasPainter.DrawnTitle> inView = titles.stream().filter(t -> new BoundingBox(0, 0, graph.getWidth(), graph.getHeight()).contains(t.titleBar())).toList();
        assertTrue(inView.size() >= atLeast, "titles in view: " + inView.size());
        for (CanvasPainter.DrawnTitle t : inView) {
            assertTrue(t.fontPx() >= 9, t.nodeId() + " title drawn at " + t.fontPx() + " px");
            double indent = t.nodeWidthPx() - t.roomPx(); // the title bar's round box and the right padding
            if (t.nodeWidthPx() >= t.fullTextPx() * 1.05 + indent) {
                assertEquals(t.title(), t.drawn(), t.nodeId() + " is wide enough for its title (" + t.nodeWidthPx() + " px)");
            }
        }
        // every node whose title bar is in view has its title drawn
        long nodesInView = fx(() -> graph.scene().levels().get(graph.levelProperty().get()).nodes().stream()
                .filter(n -> n.kind() != CanvasScene.Kind.REROUTE && n.kind() != CanvasScene.Kind.SUBGRAPH_INPUTS
                        && n.kind() != CanvasScene.Kind.SUBGRAPH_OUTPUTS)
                .map(n -> graph.screenBoxOf(n.id()))
                .filter(b -> new BoundingBox(0, 0, graph.getWidth(), graph.getHeight()).contains(b.getMinX(), b.getMinY())
                        && new BoundingBox(0, 0, graph.getWidth(), graph.getHeight()).contains(b.getMaxX(), b.getMinY() + 10))
                .count());
        assertTrue(inView.size() >= nodesInView, inView.size() + " titles for " + nodesInView + " nodes in view");
        // badges sit outside the title bars: above the node, never over its title
        List<CanvasPainter.DrawnBadge> badges = fx(graph::drawnBadges);
        assertFalse(badges.isEmpty(), "sampler badges are drawn");
        for (CanvasPainter.DrawnBadge b : badges) {
            for (CanvasPainter.DrawnTitle t : titles) {
                if (t.nodeId().equals(b.nodeId())) assertFalse(b.bounds().intersects(t.titleBar()), "badge " + b.text() + " over the title of " + b.nodeId());
            }
        }
        String save = app.vm().graph().traceProperty().get().saveNodeId();
        Bounds saveBox = fx(() -> graph.screenBoxOf(save));
        if (saveBox != null && saveBox.intersects(0, 0, graph.getWidth(), graph.getHeight())) {
            assertTrue(badges.stream().anyMatch(b -> b.text().equals("SAVE") && b.nodeId().equals(save)), "the save node is marked");
        }
    }

    @Test
    void fittingALargeGraphStartsFromItsLeftEdge(FxRobot robot) throws Exception {
        open(robot, ONE_TO_ALL_FILE, 2, "306");
        // moved away first, so the fit has to bring the left of the graph back
        robot.interact(() -> graph.zoomAt(graph.getWidth(), graph.getHeight() / 2, 1.5));
        robot.interact(graph::fit);
        settle();
        assertTrue(graph.minimapShown(), "the graph is larger than the view: the fit cannot show it all");
        assertEquals(GraphView.READABLE_SCALE, graph.scaleProperty().get(), 1e-9);
        // the leftmost node (Note 298 at x -1259.9; the loaders sit just right of it) starts inside the view
        CanvasScene.CanvasNode leftmost = fx(() -> graph.scene().top().nodes().stream()
                .min(java.util.Comparator.comparingDouble(CanvasScene.CanvasNode::x)).orElseThrow());
        assertEquals("298", leftmost.id());
        Bounds box = fx(() -> graph.screenBoxOf(leftmost.id()));
        assertTrue(box.getMinX() >= 0 && box.getMaxX() <= graph.getWidth(), "leftmost node in view across: " + box);
        assertTrue(box.getMinX() < 100, "the view starts at the graph's left edge, not further left: " + box);
    }

    @Test
    void theMinimapOfTheFluxKontextWebpShowsItsNodesWhereTheyAreAndLeadsToThem(FxRobot robot) throws Exception {
        // 7 samplers; save node 171 (SaveAnimatedWEBP) lies far right, at x 5780 in the workflow
        open(robot, shared("images/ce_flux_kontext_example_comic.webp"), 7);
        assertEquals(7, app.vm().graph().traceProperty().get().traced().size());
        assertTrue(graph.minimapShown());
        javafx.scene.Node minimap = robot.lookup("#graphMinimap").query();
        robot.interact(graph::drawNow);
        javafx.scene.image.Image map = fx(() -> {
            javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
            p.setFill(javafx.scene.paint.Color.TRANSPARENT);
            return minimap.snapshot(p, null);
        });
        double[] save = fx(() -> graph.minimapPointOf("171"));
        javafx.scene.paint.Color background = map.getPixelReader().getColor(6, (int) map.getHeight() / 2);
        assertEquals(1.0, background.getOpacity(), 1e-9, "the map is opaque: the canvas does not show through it");
        javafx.scene.paint.Color atSave = map.getPixelReader().getColor((int) save[0], (int) save[1]);
        assertFalse(atSave.equals(background), "node 171 is drawn where the map puts it: " + atSave);
        // clicking it there brings node 171 to the middle of the view
        robot.moveTo(minimap.localToScreen(save[0], save[1])).clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds box = fx(() -> graph.screenBoxOf("171"));
        assertTrue(box.contains(graph.getWidth() / 2, graph.getHeight() / 2), "171 under the view's centre: " + box);
    }

    @Test
    void aResizeKeepsTheUsersZoomAndTheMinimapMovesTheView(FxRobot robot) throws Exception {
        open(robot, ONE_TO_ALL_FILE, 2, "306");
        robot.interact(() -> graph.zoomAt(graph.getWidth() / 2, graph.getHeight() / 2, 1.7));
        double zoomed = graph.scaleProperty().get();
        robot.interact(() -> app.stage().setWidth(app.stage().getWidth() - 120));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(zoomed, graph.scaleProperty().get(), 1e-9, "the user's zoom survives a resize");
        // a click in the minimap's corner moves the view there, at the same zoom
        assertTrue(graph.minimapShown());
        javafx.scene.Node minimap = robot.lookup("#graphMinimap").query();
        Bounds before = fx(() -> graph.screenBoxOf("306"));
        robot.moveTo(minimap.localToScreen(12, 12)).clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Bounds after = fx(() -> graph.screenBoxOf("306"));
        assertTrue(Math.abs(after.getMinX() - before.getMinX()) > 50, "the view moved: " + before + " → " + after);
        assertEquals(zoomed, graph.scaleProperty().get(), 1e-9);
    }

    @Test
    void aSubgraphsNodeTabLinksToTheSamplerInside(FxRobot robot) throws Exception {
        open(robot, ONE_TO_ALL_FILE, 2, "306");
        robot.interact(() -> graph.reveal("311"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveTo(centreOnScreen("311")).clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("311", graph.selectedNodeProperty().get());
        javafx.scene.control.Hyperlink link = robot.lookup(n -> n instanceof javafx.scene.control.Hyperlink h
                && h.getText().contains("#311:248")).queryAs(javafx.scene.control.Hyperlink.class);
        assertTrue(link.getText().startsWith("S2"), link.getText());
        robot.clickOn(link);
        settle();
        assertEquals("311:", graph.levelProperty().get(), "the link opens the subgraph");
        assertEquals("311:248", graph.selectedNodeProperty().get());
    }

    private FxRobot robot() { return new FxRobot(); }
}
