package com.samplerlens.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.testing.Fixtures;
import com.samplerlens.testing.TestWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The side panel on real files: the save node picker's rows, and the thumbnail of a WebP image. */
@ExtendWith(ApplicationExtension.class)
class SaveNodePickerAndThumbnailTest {

    private static final Path ONE_TO_ALL = Fixtures.bundled("workflows/ui/kj_wanvideo_2_1_14B_OneToAllAnimation_pose_control_example_01.json");
    private static final Path WAN22 = Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json");
    private static final Path KONTEXT = Fixtures.bundled("images/ce_flux_kontext_example_comic.webp");
    /** "#306  VHS_VideoCombine · 4 samplers  (default)": id, name, count. */
    private static final Pattern ROW = Pattern.compile("#(\\S+)  (.+) · (\\d+) samplers?(  \\(default\\))?");

    private TestWindow app;

    @Start
    void start(Stage stage) {
        app = TestWindow.show(stage, TestWindow.realCore(), null);
    }

    @AfterEach
    void forget() throws Exception {
        app.close();
    }

    private void showTab(FxRobot robot, String id) {
        robot.interact(() -> {
            TabPane side = robot.lookup("#sidePanel").queryAs(TabPane.class);
            side.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> side.getSelectionModel().select(t));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The rows as the open picker shows them. */
    private List<String> pickerRows(FxRobot robot) {
        robot.clickOn("#saveNode");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> rows = new ArrayList<>();
        for (ListCell<?> cell : robot.lookup(".combo-box-popup .list-cell").queryAllAs(ListCell.class)) {
            if (cell.getText() != null && !cell.getText().isEmpty() && !rows.contains(cell.getText())) rows.add(cell.getText());
        }
        robot.type(KeyCode.ESCAPE);
        return rows;
    }

    @Test
    void thePickerShowsEachOutputsClassAndSamplersWithTheDefaultMarked(FxRobot robot) throws Exception {
        // by hand from the file: 28 SaveAnimatedWEBP and 47 SaveWEBM both save image 8, downstream of
        // samplers 57 and 58; neither has a title; the tie goes to the higher id, 47
        app.open(WAN22);
        showTab(robot, "samplersTab");
        assertEquals(List.of("#28  SaveAnimatedWEBP · 2 samplers", "#47  SaveWEBM · 2 samplers  (default)"), pickerRows(robot));
        ComboBox<?> picker = robot.lookup("#saveNode").queryAs(ComboBox.class);
        ListCell<?> button = (ListCell<?>) picker.getButtonCell();
        assertEquals("#47  SaveWEBM · 2 samplers", button.getText(), "the button names the default before a choice");
        // the README's "Save node:  47 SaveWEBM (most samplers upstream (2), highest id of 2)"
        Label why = robot.lookup("#saveNodeWhy").queryAs(Label.class);
        assertEquals("The default: most samplers upstream (2), highest id of 2", why.getText());

        robot.interact(() -> app.vm().graph().saveNodeIdProperty().set("28"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !app.vm().output().previewPendingProperty().get()
                && "28".equals(app.vm().graph().traceProperty().get().saveNodeId()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("#28  SaveAnimatedWEBP · 2 samplers", button.getText());
        assertEquals("Your choice; the default is #47 (most samplers upstream (2), highest id of 2)", why.getText());
    }

    @Test
    void oneToAllRowsCountTheSamplersATraceFromThemFinds(FxRobot robot) throws Exception {
        app.open(ONE_TO_ALL);
        showTab(robot, "samplersTab");
        List<String> rows = pickerRows(robot);
        // the CLI's "Save node: 306 VHS_VideoCombine (most samplers upstream (4))" and its six other outputs
        assertEquals(7, rows.size(), rows.toString());
        Set<String> ids = new HashSet<>();
        String defaults = null;
        for (String row : rows) {
            Matcher m = ROW.matcher(row);
            assertTrue(m.matches(), row);
            ids.add(m.group(1));
            if (m.group(4) != null) defaults = row;
        }
        assertEquals(Set.of("137", "138", "139", "145", "250", "292", "306"), ids);
        assertEquals("#306  VHS_VideoCombine · 4 samplers  (default)", defaults);

        // each row's count is what tracing from that output finds
        for (String row : rows) {
            Matcher m = ROW.matcher(row);
            assertTrue(m.matches());
            String id = m.group(1);
            int count = Integer.parseInt(m.group(3));
            robot.interact(() -> app.vm().graph().saveNodeIdProperty().set(id));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !app.vm().output().previewPendingProperty().get()
                    && app.vm().graph().traceProperty().get() != null && id.equals(app.vm().graph().traceProperty().get().saveNodeId()));
            WaitForAsyncUtils.waitForFxEvents();
            String found = robot.lookup("#samplersFound").queryAs(Label.class).getText();
            assertEquals(count == 1 ? "1 sampler found" : count + " samplers found", found, "row " + row);
        }
    }

    @Test
    void aWebpImageGetsAThumbnailDecodedFromItsBytes(FxRobot robot) throws Exception {
        app.open(KONTEXT);
        showTab(robot, "summaryTab");
        ImageView view = robot.lookup("#summaryThumbnail").queryAs(ImageView.class);
        // a pure-Java decode of 6 MP takes seconds of CPU, more on a loaded machine: a generous wait, not a speed check
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> view.getImage() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Image image = view.getImage();
        // the file is 2048×3072 (its VP8 header): the picture keeps that shape at thumbnail size
        assertTrue(image.getWidth() <= 720 && image.getHeight() <= 1100, image.getWidth() + "x" + image.getHeight());
        assertEquals(2048.0 / 3072.0, image.getWidth() / image.getHeight(), 0.01);
        // real pixels, not a blank: the comic page has light and dark parts
        double darkest = 1, lightest = 0;
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                double b = image.getPixelReader().getColor(x, y).getBrightness();
                darkest = Math.min(darkest, b);
                lightest = Math.max(lightest, b);
            }
        }
        assertTrue(lightest - darkest > 0.5, "contrast " + darkest + ".." + lightest);
        String caption = robot.lookup("#summaryThumbnailCaption").queryAs(Label.class).getText();
        assertTrue(caption.startsWith("WEBP · 2048×3072 · "), caption);
        assertFalse(robot.lookup("#summaryThumbnailCard").query().isVisible(), "no placeholder when there is a picture");
    }

    @Test
    void aWorkflowFileHasNoThumbnail(FxRobot robot) throws Exception {
        app.open(WAN22);
        showTab(robot, "summaryTab");
        ImageView view = robot.lookup("#summaryThumbnail").queryAs(ImageView.class);
        assertEquals(null, view.getImage());
        assertNotNull(robot.lookup("#summaryThumbnailCaption").queryAs(Label.class));
        assertEquals("", robot.lookup("#summaryThumbnailCaption").queryAs(Label.class).getText());
    }
}
