package com.samplerlens.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.app.kit.InspectionService;
import com.samplerlens.testing.Fixtures;
import com.samplerlens.testing.TestWindow;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window is shown before its first document is read, and says it is opening it rather than
 * standing blank: the real core, held back at {@code load} until the test has looked.
 */
@ExtendWith(ApplicationExtension.class)
class LoadingStateTest {

    private static final Path WAN22 = Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json");

    private final CountDownLatch release = new CountDownLatch(1);
    private TestWindow app;

    /** The real core, whose {@code load} waits for the test. */
    private InspectionService heldBack(InspectionService core) {
        return (InspectionService) Proxy.newProxyInstance(InspectionService.class.getClassLoader(), new Class<?>[] {InspectionService.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("load")) release.await(20, TimeUnit.SECONDS);
                    try {
                        return method.invoke(core, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Start
    void start(Stage stage) {
        app = TestWindow.show(stage, heldBack(TestWindow.realCore()), plan -> Optional.empty());
    }

    @AfterEach
    void close() throws Exception {
        release.countDown();
        app.close();
    }

    @Test
    void theWindowSaysItIsOpeningTheFileUntilTheGraphIsReady(FxRobot robot) throws Exception {
        robot.interact(() -> app.vm().open(WAN22));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.stage().isShowing(), "the window is up before the file is read");
        assertNull(app.vm().documentProperty().get());
        assertTrue(robot.lookup("#loadingHint").query().isVisible(), "a loading state while the file is read");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#loadingText").queryAs(Label.class).getText().contains(WAN22.getFileName().toString()));
        assertEquals("Opening " + WAN22.getFileName() + "…", robot.lookup("#loadingText").queryAs(Label.class).getText());

        release.countDown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.vm().graph().traceProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#loadingHint").query().isVisible(), "the loading state goes when the graph is shown");
    }
}
