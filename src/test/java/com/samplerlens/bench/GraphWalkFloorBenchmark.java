package com.samplerlens.bench;

import com.samplerlens.core.graph.Graph;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the machine charges per node for the least a tracer must do on {@link TracerBenchmark}'s
 * spread graph, to read the tracing target's per-doubling ratios against: {@code linkScan} reads
 * every link once in node order (a sequential pass), {@code bfs} walks upstream from the save node
 * breadth-first on arrays made once (no allocation, no sampler, no id: hop distances only, which
 * the trace needs). If {@code bfs}'s time per node steps up between two sizes, no tracer built on
 * such a walk grows linearly across that step. Run with
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main GraphWalkFloorBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GraphWalkFloorBenchmark {

    @Param({"10000", "20000", "30000", "40000", "80000", "160000"})
    int nodes;

    private Graph graph;
    private int[] dist;
    private int[] queue;

    @Setup
    public void setUp() {
        graph = TracerBenchmark.synthetic(nodes, 42);
        dist = new int[graph.size()];
        queue = new int[graph.size()];
    }

    @Benchmark
    public long linkScan() {
        long sum = 0;
        for (int v = 0, n = graph.size(); v < n; v++)
            for (int e = graph.firstIn(v), end = graph.firstIn(v + 1); e < end; e++) sum += graph.sourceOf(e);
        return sum;
    }

    @Benchmark
    public int bfs() {
        Arrays.fill(dist, -1);
        int save = graph.size() - 1;
        int tail = 0;
        dist[save] = 0;
        queue[tail++] = save;
        for (int head = 0; head < tail; head++) {
            int v = queue[head];
            for (int e = graph.firstIn(v), end = graph.firstIn(v + 1); e < end; e++) {
                int u = graph.sourceOf(e);
                if (dist[u] >= 0) continue;
                dist[u] = dist[v] + 1;
                queue[tail++] = u;
            }
        }
        return tail;
    }
}
