package com.samplerlens.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.app.kit.CoreInspectionService;
import com.samplerlens.app.settings.AppPreferences;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.inspect.Inspector;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Picking a models folder hashes ce_lora.png's checkpoint and LoRA in the background and re-renders the preview. */
@ExtendWith(ApplicationExtension.class)
class ModelHashingTest {

    private final Preferences node = Preferences.userRoot().node("samplerlens-test/" + UUID.randomUUID());
    private final AppPreferences prefs = new AppPreferences(node);
    private SessionViewModel vm;

    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        vm = new SessionViewModel(new CoreInspectionService(NodeDefinitions.bundled(), Inspector.bundled()), prefs);
    }

    @AfterEach
    void forget() throws Exception {
        node.removeNode();
    }

    @Test
    void hashingCompletesUpdatesThePreviewAndIsRemembered() throws Exception {
        // ce_lora.png's prompt chunk names these two files (CheckpointLoaderSimple 4, LoraLoader 10)
        String checkpoint = model(dir.resolve("checkpoints/v1-5-pruned-emaonly.ckpt"), 11, 3 * 1024 * 1024);
        String lora = model(dir.resolve("loras/epiNoiseoffset_v2.safetensors"), 12, 4096);
        WaitForAsyncUtils.asyncFx(() -> vm.open(Fixtures.bundled("images/ce_lora.png"))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.output().previewProperty().get() != null);
        assertFalse(vm.output().previewProperty().get().parameters().contains("Model hash"));

        Task<?> task = WaitForAsyncUtils.asyncFx(() -> vm.preferences().hashModels(dir)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> state(task) == Worker.State.SUCCEEDED || state(task) == Worker.State.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Worker.State.SUCCEEDED, state(task), () -> vm.problemProperty().get() + "");
        assertEquals(1.0, WaitForAsyncUtils.asyncFx(task::getProgress).get(5, TimeUnit.SECONDS), "progress reached the end of the bytes");
        String parameters = vm.output().previewProperty().get().parameters();
        assertTrue(parameters.contains("Model hash: " + checkpoint.substring(0, 10)), parameters);
        assertTrue(parameters.contains("Lora_0 Model hash: " + lora.substring(0, 10)), parameters);
        assertEquals(dir.toAbsolutePath().normalize(), prefs.modelsFolder());
        assertEquals(dir.toAbsolutePath().normalize(), vm.preferences().modelsFolderProperty().get());
    }

    @Test
    void cancellingLeavesTheTaskCancelledAndWritesNoSidecar() throws Exception {
        model(dir.resolve("v1-5-pruned-emaonly.ckpt"), 13, 64 * 1024 * 1024);
        WaitForAsyncUtils.asyncFx(() -> vm.open(Fixtures.bundled("images/ce_lora.png"))).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.output().previewProperty().get() != null);
        Task<?> task = WaitForAsyncUtils.asyncFx(() -> {
            Task<?> t = vm.preferences().hashModels(dir);
            t.cancel();
            return t;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Worker.State.CANCELLED, state(task));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.workProperty().get() == null);
        assertFalse(Files.exists(dir.resolve("v1-5-pruned-emaonly.sha256")));
        assertFalse(vm.output().previewProperty().get().parameters().contains("Model hash"));
    }

    private static Worker.State state(Task<?> task) throws Exception {
        return WaitForAsyncUtils.asyncFx(task::getState).get(5, TimeUnit.SECONDS);
    }

    private static String model(Path file, long seed, int size) throws Exception {
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        Files.write(file, bytes);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
