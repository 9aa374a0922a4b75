package com.samplerlens.app;

import com.samplerlens.app.kit.CoreInspectionService;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.inspect.Inspector;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the core's bundled data (node definitions, then capture and sampler rules) on a
 * background thread from the moment the app is launched, so it overlaps the JavaFX toolkit
 * starting and the window being built instead of delaying them.
 */
final class CorePreload {
    private CorePreload() {}

    private static CoreInspectionService service;

    /** Starts reading; later calls do nothing. */
    static synchronized void start() {
        if (service != null) return;
        CompletableFuture<NodeDefinitions> definitions = new CompletableFuture<>();
        CompletableFuture<Inspector> inspector = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            complete(definitions, NodeDefinitions::bundled);
            // the user's rule files, as the CLI reads them (SAMPLERLENS_RULES or ~/.samplerlens/rules)
            complete(inspector, CorePreload::userRules);
        }, "samplerlens-preload");
        t.setDaemon(true);
        t.start();
        service = new CoreInspectionService(definitions, inspector);
    }

    /** The service over the data being read; its calls wait for what they need. */
    static synchronized CoreInspectionService service() {
        start();
        return service;
    }

    /** The bundled data with the user's rule files; a bad rule file is reported and the bundled data used, so the app still opens. */
    private static Inspector userRules() {
        try {
            return com.samplerlens.core.inspect.Pipeline.rules(System.getenv(), java.util.List.of());
        } catch (IllegalArgumentException e) {
            System.err.println("samplerlens: " + e.getMessage() + "; your rule files are not used");
            return Inspector.bundled();
        }
    }

    private static <T> void complete(CompletableFuture<T> future, java.util.function.Supplier<T> load) {
        try {
            future.complete(load.get());
        } catch (RuntimeException | Error e) {
            future.completeExceptionally(e);
        }
    }
}
