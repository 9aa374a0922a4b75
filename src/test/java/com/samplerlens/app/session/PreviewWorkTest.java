package com.samplerlens.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.app.kit.CoreInspectionService;
import com.samplerlens.app.kit.Inspection;
import com.samplerlens.app.kit.InspectionService;
import com.samplerlens.app.kit.LoadedDocument;
import com.samplerlens.app.kit.OutputPreview;
import com.samplerlens.app.kit.OutputSettings;
import com.samplerlens.app.settings.AppPreferences;
import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.edit.EditList;
import com.samplerlens.core.edit.EditedMetadata;
import com.samplerlens.core.edit.PromptKind;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.hash.HashProgress;
import com.samplerlens.core.inspect.Inspector;
import com.samplerlens.core.inspect.MetadataExport;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The view model's areas compute previews off the FX thread: a retrace (an option changed) and an
 * edit run on the preview thread, the newest request wins and a stale result is never shown, and
 * the file is not read again once opened. The service is the real core, watched by a wrapper that
 * records on which thread each call ran and can hold one trace back.
 */
@ExtendWith(ApplicationExtension.class)
class PreviewWorkTest {

    private final Preferences node = Preferences.userRoot().node("samplerlens-test/" + UUID.randomUUID());
    private final WatchedService service = new WatchedService();
    private SessionViewModel vm;

    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        vm = new SessionViewModel(service, new AppPreferences(node));
    }

    @AfterEach
    void forget() throws Exception {
        service.release();
        WaitForAsyncUtils.asyncFx(vm::shutdown).get(10, TimeUnit.SECONDS);
        node.removeNode();
    }

    private void open(Path file) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.open(file)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.output().previewProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.output().previewPendingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aRetraceAndAnEditAreComputedOffTheFxThread() throws Exception {
        open(Fixtures.bundled("images/ce_lora.png"));
        service.calls.clear();

        WaitForAsyncUtils.asyncFx(() -> vm.graph().maxSamplersProperty().set(2)).get(10, TimeUnit.SECONDS);
        settle();
        assertEquals(List.of("inspect on samplerlens-preview"), service.calls, "the retrace ran once, on the preview thread");

        service.calls.clear();
        WaitForAsyncUtils.asyncFx(() -> vm.editing().replacePrompt(PromptKind.POSITIVE, "a red fox in the snow")).get(10, TimeUnit.SECONDS);
        // the edit's own state is there at once; the preview follows from the preview thread
        assertTrue(vm.editing().canUndoProperty().get());
        settle();
        assertEquals(List.of("withEdits on samplerlens-preview"), service.calls, "an edit renders on the traced inspection, without tracing again");
        assertTrue(vm.output().previewProperty().get().parameters().startsWith("a red fox in the snow\n"),
                vm.output().previewProperty().get().parameters());

        service.calls.clear();
        WaitForAsyncUtils.asyncFx(vm.editing()::undo).get(10, TimeUnit.SECONDS);
        settle();
        assertTrue(service.calls.isEmpty() || service.calls.stream().allMatch(c -> c.endsWith("on samplerlens-preview")), service.calls.toString());
        assertFalse(vm.output().previewProperty().get().parameters().startsWith("a red fox"));
    }

    @Test
    void aStaleTraceIsDroppedAndTheFxThreadStaysFreeMeanwhile() throws Exception {
        open(Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json"));
        List<Inspection> shown = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> vm.output().inspectionProperty().addListener((o, a, b) -> shown.add(b))).get(10, TimeUnit.SECONDS);

        service.holdTraceWithMaxSamplers(2);
        WaitForAsyncUtils.asyncFx(() -> vm.graph().maxSamplersProperty().set(2)).get(10, TimeUnit.SECONDS);
        assertTrue(service.held.await(10, TimeUnit.SECONDS), "the trace for 2 samplers started");
        // that trace is still running: the FX thread answers at once all the same
        assertEquals("free", WaitForAsyncUtils.asyncFx(() -> "free").get(2, TimeUnit.SECONDS));
        assertTrue(vm.output().previewPendingProperty().get());
        WaitForAsyncUtils.asyncFx(() -> vm.graph().maxSamplersProperty().set(1)).get(10, TimeUnit.SECONDS);
        service.release();
        settle();

        Map<Inspection, Integer> maxOf = service.maxSamplersOf;
        assertFalse(shown.isEmpty());
        for (Inspection i : shown) assertEquals(1, maxOf.get(i), "only the newest request's trace is shown, never the one for 2 samplers");
        assertTrue(maxOf.containsValue(2), "the trace for 2 samplers was computed, then dropped");
        assertEquals(1, vm.graph().traceProperty().get().traced().size());
        assertEquals("2 samplers found", vm.graph().samplersFoundProperty().get());
    }

    @Test
    void previewsNeverReadTheFileAgain() throws Exception {
        Path copy = Files.copy(Fixtures.bundled("images/sdp_automatic1111_cropped.jpg"), dir.resolve("a1111.jpg"));
        WaitForAsyncUtils.asyncFx(() -> vm.output().outputFormatProperty().set(ContainerFormat.JPEG)).get(10, TimeUnit.SECONDS);
        open(copy);
        long size = Files.size(copy);
        Files.delete(copy);

        WaitForAsyncUtils.asyncFx(() -> vm.output().maxJpegExifKbProperty().set(32)).get(10, TimeUnit.SECONDS);
        settle();
        OutputPreview preview = vm.output().previewProperty().get();
        assertFalse(preview.stages().isEmpty());
        OutputPreview.Stage chosen = preview.stages().stream().filter(OutputPreview.Stage::chosen).findFirst().orElseThrow();
        // measured against the bytes kept when the file was opened: the file itself is gone
        assertTrue(chosen.fileBytes() > size / 2, "the chosen stage's file size is measured: " + chosen.fileBytes());
        assertTrue(preview.notes().stream().noneMatch(n -> n.contains("could not be read")), preview.notes().toString());
        assertNotNull(vm.documentProperty().get().imageBytes());
        assertEquals(size, vm.documentProperty().get().imageBytes().length);
    }

    /** The real core; records each trace and render with the thread it ran on, and can hold one trace until released. */
    private static final class WatchedService implements InspectionService {
        private final CoreInspectionService core = new CoreInspectionService(NodeDefinitions.bundled(), Inspector.bundled());
        final List<String> calls = new CopyOnWriteArrayList<>();
        final Map<Inspection, Integer> maxSamplersOf = java.util.Collections.synchronizedMap(new IdentityHashMap<>());
        final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch gate = new CountDownLatch(1);
        private volatile int holdFor = -1;

        void holdTraceWithMaxSamplers(int max) { holdFor = max; }

        void release() { gate.countDown(); }

        private void record(String call) {
            calls.add(call + " on " + (Platform.isFxApplicationThread() ? "the FX thread" : Thread.currentThread().getName()));
        }

        @Override
        public LoadedDocument load(Path file) throws UnreadableFileException { return core.load(file); }

        @Override
        public Inspection inspect(LoadedDocument document, TraceOptions options, OutputSettings settings) {
            record("inspect");
            if (options.maxSamplers() == holdFor) {
                held.countDown();
                try {
                    gate.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Inspection i = core.inspect(document, options, settings);
            maxSamplersOf.put(i, options.maxSamplers());
            return i;
        }

        @Override
        public Inspection withEdits(LoadedDocument document, Inspection traced, EditedMetadata edited, OutputSettings settings) {
            record("withEdits");
            Inspection i = core.withEdits(document, traced, edited, settings);
            maxSamplersOf.put(i, maxSamplersOf.get(traced));
            return i;
        }

        @Override
        public String export(LoadedDocument document, Inspection traced, EditedMetadata edited, OutputSettings settings, MetadataExport.Kind kind) {
            return core.export(document, traced, edited, settings, kind);
        }

        @Override
        public void stripCopy(Path source, Path target, boolean replace) throws UnreadableFileException { core.stripCopy(source, target, replace); }

        @Override
        public List<String> hashModels(LoadedDocument document, Path modelsFolder, HashProgress progress, Consumer<Path> hashing,
                                       BooleanSupplier cancelled) throws IOException {
            return core.hashModels(document, modelsFolder, progress, hashing, cancelled);
        }

        @Override
        public boolean canWrite() { return core.canWrite(); }

        @Override
        public WriteOutcome write(LoadedDocument document, TraceOptions options, OutputSettings settings, EditList edits, Path pixelsFrom,
                                  Path target, boolean replace) throws UnreadableFileException {
            return core.write(document, options, settings, edits, pixelsFrom, target, replace);
        }
    }
}
