package com.samplerlens.app.session;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Background work where only the newest request counts, as for a preview while the user types or
 * turns a spinner: each request runs on one worker thread, a request that is no longer the newest
 * when its turn comes is skipped, and a result that is no longer the newest when it is done is
 * dropped instead of being shown. Results and failures are handed over on the FX thread.
 */
final class LatestWins {

    private final ExecutorService worker;
    private final Executor fxThread;
    private final AtomicLong newest = new AtomicLong();
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper(this, "pending");

    LatestWins(String threadName) {
        this(threadName, Platform::runLater);
    }

    LatestWins(String threadName, Executor fxThread) {
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        this.fxThread = fxThread;
    }

    /** Call on the FX thread. {@code work} runs on the worker; {@code apply} or {@code failed} on the FX thread, unless a newer request came. */
    <T> void submit(Supplier<T> work, Consumer<T> apply, Consumer<RuntimeException> failed) {
        long ticket = newest.incrementAndGet();
        pending.set(true);
        worker.execute(() -> {
            if (newest.get() != ticket) return; // a newer request is queued behind this one
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                fxThread.execute(() -> {
                    if (newest.get() != ticket) return;
                    pending.set(false);
                    failed.accept(e);
                });
                return;
            }
            fxThread.execute(() -> {
                if (newest.get() != ticket) return; // stale: a newer request is on its way
                pending.set(false);
                apply.accept(result);
            });
        });
    }

    /** Drops every request made so far (their results will not be applied). Call on the FX thread. */
    void dropAll() {
        newest.incrementAndGet();
        pending.set(false);
    }

    /** True from a request until its result (or the newest's) is applied. */
    ReadOnlyBooleanProperty pendingProperty() { return pending.getReadOnlyProperty(); }

    void shutdown() { worker.shutdownNow(); }
}
