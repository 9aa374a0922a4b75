package com.samplerlens.testing;

import com.samplerlens.app.kit.CoreInspectionService;
import com.samplerlens.app.kit.InspectionService;
import com.samplerlens.app.session.SessionViewModel;
import com.samplerlens.app.settings.AppPreferences;
import com.samplerlens.app.shell.MainWindow;
import com.samplerlens.app.write.WriteFlow;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.inspect.Inspector;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real main window for a TestFX test: throwaway preferences, a view model over the given
 * service, shown on the test's stage. {@link #close()} hides it and forgets the preferences.
 */
public final class TestWindow {

    private final Preferences node = Preferences.userRoot().node("samplerlens-test/" + UUID.randomUUID());
    private final AppPreferences prefs = new AppPreferences(node);
    private final Stage stage;
    private final SessionViewModel vm;
    private final MainWindow window;

    private TestWindow(Stage stage, InspectionService service, WriteFlow.Confirmation confirmation) {
        this.stage = stage;
        this.vm = new SessionViewModel(service, prefs);
        this.window = new MainWindow(stage, vm, prefs, confirmation);
        stage.show();
    }

    /** Call from the test's {@code @Start} method. */
    public static TestWindow show(Stage stage, InspectionService service, WriteFlow.Confirmation confirmation) {
        return new TestWindow(stage, service, confirmation);
    }

    /** The service the app runs on: the shared core with its bundled data. */
    public static InspectionService realCore() {
        return new CoreInspectionService(NodeDefinitions.bundled(), Inspector.bundled());
    }

    public Stage stage() { return stage; }

    public SessionViewModel vm() { return vm; }

    public MainWindow window() { return window; }

    public AppPreferences prefs() { return prefs; }

    /** Opens {@code file} as the app does and waits until it is traced and its output previewed. */
    public void open(Path file) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.open(file)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.output().previewProperty().get() != null && vm.graph().traceProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits until the previews asked for so far are applied (they are computed off the FX thread),
     * then for the FX events they caused.
     */
    public void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.output().previewPendingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Hides the window and removes its preferences; call from {@code @AfterEach}. */
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
        node.removeNode();
    }
}
