package com.samplerlens.app;

import com.samplerlens.app.graph.GraphView;
import com.samplerlens.app.session.SessionViewModel;
import java.util.ArrayList;
import java.util.List;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Benchmarks of the real app, printed to stderr: the time from JVM start until the window's first
 * frame (its loading state) has been drawn, and until the first frame that shows a traced graph has
 * been drawn by the renderer; then, when {@code samplerlens.timing.open}
 * names a file, the time from opening that file until the frame that shows it has been drawn. With {@code samplerlens.timing.exit} the app
 * quits after the last report (scripts/bench-app-start.sh).
 */
final class StartupTiming {
    private StartupTiming() {}

    static void report(Scene scene, SessionViewModel vm, Path thenOpen, GraphView graph) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long[] openedAt = {-1};
        // with samplerlens.timing.repeat=N the file is opened N times: the later opens show what is left once the code is warm
        int[] opensLeft = {Integer.getInteger("samplerlens.timing.repeat", 1)};
        // the window's first frame (its loading state, before any graph): the first pulse after show()
        Runnable[] firstFrame = new Runnable[1];
        firstFrame[0] = () -> {
            scene.removePostLayoutPulseListener(firstFrame[0]);
            Platform.runLater(() -> {
                waitForRenderer();
                System.err.printf("timing: window painted %d ms after JVM start (%d ms CPU)%n", System.currentTimeMillis() - jvmStart, cpuMillis());
            });
        };
        scene.addPostLayoutPulseListener(firstFrame[0]);
        // the inspection, not the trace: two documents can have equal traces, and equal values fire no change
        vm.output().inspectionProperty().addListener((o, a, inspection) -> {
            if (inspection == null) return;
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                // the canvas is drawn in this pulse, after its layout (GraphView), so this frame has the graph; after the pulse it goes to the renderer
                Platform.runLater(() -> {
                    long handedOver = System.nanoTime();
                    long handedOverWall = System.currentTimeMillis();
                    waitForRenderer();
                    int nodes = vm.documentProperty().get().graph().size();
                    if (openedAt[0] < 0) {
                        System.err.printf("timing: first graph painted %d ms after JVM start (%d nodes, %d ms CPU; frame handed to the renderer at %d ms)%n",
                                System.currentTimeMillis() - jvmStart, nodes, cpuMillis(), handedOverWall - jvmStart);
                        if (thenOpen != null) {
                            openedAt[0] = System.nanoTime();
                            vm.open(thenOpen);
                        } else {
                            exitIfAsked();
                        }
                    } else if (openedAt[0] > 0) {
                        System.err.printf("timing: opened %s and painted %d nodes in %d ms (handed to the renderer after %d ms)%n",
                                thenOpen.getFileName(), nodes, (System.nanoTime() - openedAt[0]) / 1_000_000,
                                (handedOver - openedAt[0]) / 1_000_000);
                        if (--opensLeft[0] > 0) {
                            openedAt[0] = System.nanoTime();
                            vm.open(thenOpen);
                        } else {
                            openedAt[0] = 0;
                            int frames = Integer.getInteger("samplerlens.timing.frames", 0);
                            if (frames > 0) timeFrames(scene, graph, nodes, frames, new ArrayList<>());
                            else exitIfAsked();
                        }
                    }
                });
            };
            scene.addPostLayoutPulseListener(once[0]);
        });
    }

    /**
     * Zooms the graph in for half the frames and out for the other half, around its centre, as a
     * wheel does, timing each frame from the zoom until the renderer has drawn it; prints the
     * median, 95th percentile and worst frame (samplerlens.timing.frames, scripts/bench-app-frames.sh).
     */
    private static final List<Long> FRAME_CPU = new ArrayList<>();

    /**
     * CPU time so far of the two threads that make a frame, the FX application thread (drawing
     * the canvas) and the renderer: unlike wall time, hardly stretched when other programs load
     * the machine.
     */
    private static long frameThreadsCpuNanos() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        // called on the FX application thread, which is not always named "JavaFX Application
        // Thread": with the GTK toolkit it is "GtkNativeMainLoopThread", and matching by name
        // alone counted only the renderer
        long sum = Platform.isFxApplicationThread() ? Math.max(0, mx.getCurrentThreadCpuTime()) : 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String name = t.getName();
            if (t == Thread.currentThread()) continue;
            if (name.equals("JavaFX Application Thread") || name.startsWith("QuantumRenderer")) {
                long c = mx.getThreadCpuTime(t.threadId());
                if (c > 0) sum += c;
            }
        }
        return sum;
    }

    private static void timeFrames(Scene scene, GraphView graph, int nodes, int frames, List<Long> times) {
        if (times.size() == frames) {
            List<Long> sorted = times.stream().sorted().toList();
            List<Long> cpu = FRAME_CPU.stream().sorted().toList();
            if (!cpu.isEmpty()) System.err.printf("timing: %d frames zooming %d nodes: CPU of the FX and render threads per frame: median %.1f ms, p95 %.1f ms%n",
                    frames, nodes, cpu.get(cpu.size() / 2) / 1e6, cpu.get((int) Math.ceil(cpu.size() * 0.95) - 1) / 1e6);
            // every frame, in order, with samplerlens.timing.frames.all: shows which frames are slow
            if (Boolean.getBoolean("samplerlens.timing.frames.all")) {
                System.err.println("timing: frame ms " + times.stream().map(t -> Long.toString(t / 1_000_000)).toList());
                System.err.println("timing: frame CPU ms " + FRAME_CPU.stream().map(t -> Long.toString(t / 1_000_000)).toList());
            }
            System.err.printf("timing: %d frames zooming %d nodes: median %d ms, p95 %d ms, worst %d ms%n", frames,
                    nodes, sorted.get(frames / 2) / 1_000_000, sorted.get((int) Math.ceil(frames * 0.95) - 1) / 1_000_000,
                    sorted.getLast() / 1_000_000);
            exitIfAsked();
            return;
        }
        long start = System.nanoTime();
        long cpuStart = frameThreadsCpuNanos();
        graph.zoomAt(graph.getWidth() / 2, graph.getHeight() / 2, times.size() < frames / 2 ? 1.12 : 1 / 1.12);
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(() -> {
                waitForRenderer();
                times.add(System.nanoTime() - start);
                FRAME_CPU.add(frameThreadsCpuNanos() - cpuStart);
                timeFrames(scene, graph, nodes, frames, times);
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /**
     * Returns once the renderer has drawn the frames handed to it so far: a 1-pixel snapshot is a
     * render job, and the render thread runs its jobs in order. The snapshot's own small cost is
     * counted too, so the times reported are, if anything, long.
     */
    private static void waitForRenderer() {
        new javafx.scene.shape.Rectangle(1, 1).snapshot(null, null);
    }

    /** CPU time of the whole process so far: unlike wall time, hardly changed by other programs' load. */
    private static long cpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }

    private static void exitIfAsked() {
        if (Boolean.getBoolean("samplerlens.timing.exit")) Platform.exit();
    }
}
