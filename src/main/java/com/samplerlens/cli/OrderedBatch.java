package com.samplerlens.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Runs a task per item on a few threads and hands the results over in item order, as soon as the
 * next one in order is done: a folder run prints its first file at once and never holds more than
 * a window of results. What is in flight is bounded twice, by count and by weight (the bytes an
 * item may hold, such as its file size), so 64 files of 60 MB do not run at once; an item heavier
 * than the whole budget runs alone.
 */
final class OrderedBatch {
    private OrderedBatch() {}

    private record Pending<R>(CompletableFuture<R> result, long weight) {}

    static <T, R> void run(List<T> items, ToLongFunction<T> weight, Function<T, R> task, Consumer<R> sink,
                           int threads, int window, long budget) {
        if (threads <= 1 || items.size() <= 1) {
            for (T item : items) sink.accept(task.apply(item));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "inspect-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Pending<R>> pending = new ArrayDeque<>();
            long held = 0;
            int next = 0;
            while (next < items.size() || !pending.isEmpty()) {
                while (next < items.size() && pending.size() < window) {
                    T item = items.get(next);
                    long w = Math.min(budget, Math.max(1, weight.applyAsLong(item)));
                    if (!pending.isEmpty() && held + w > budget) break;
                    pending.add(new Pending<>(CompletableFuture.supplyAsync(() -> task.apply(item), pool), w));
                    held += w;
                    next++;
                }
                Pending<R> head = pending.poll();
                R r;
                try {
                    r = head.result().join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    if (e.getCause() instanceof Error err) throw err;
                    throw e;
                }
                held -= head.weight();
                sink.accept(r);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
