package com.samplerlens.bench;

import com.samplerlens.core.capture.CaptureRules;
import com.samplerlens.core.capture.HashLookup;
import com.samplerlens.core.capture.MetadataComposer;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.InputValue;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.trace.SamplerTable;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.core.trace.TraceResult;
import com.samplerlens.core.trace.Tracer;
import com.samplerlens.core.trace.ValueRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 * Tracing synthetic graphs: a latent chain with eight samplers spread along it (the number a real
 * multi-pass workflow has, so growth shows the cost per node), each node also fed by up to two
 * nodes of the 40 before it (model, conditioning, constants; such links also jump over samplers),
 * a primitive feeding each sampler's seed, and a save node at the end. Run with
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main TracerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TracerBenchmark {

    @Param({"10000", "20000", "40000"})
    int nodes;

    /**
     * {@code spread}: the graph described above, eight samplers. {@code chained}: every fourth
     * node a KSampler fed by the previous one (issue 14: 200,000 chained samplers took minutes when
     * every sampler's walk allocated graph-sized arrays), so the sampler count grows with the graph.
     */
    @Param({"spread", "chained"})
    String shape;

    private Graph graph;
    private Tracer tracer;
    private MetadataComposer composer;
    private final TraceOptions options = TraceOptions.defaults().withMaxSamplers(16);

    @Setup
    public void setUp() {
        graph = shape.equals("chained") ? chainedSamplers(nodes) : synthetic(nodes, 42);
        tracer = new Tracer(CaptureRules.bundled().classifier(SamplerTable.bundled()), ValueRules.bundled());
        composer = MetadataComposer.bundled();
    }

    public static Graph synthetic(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Node> list = new ArrayList<>(n + 1);
        for (int i = 0; i < n; i++) {
            Map<String, InputValue> in = new LinkedHashMap<>();
            String cls;
            int every = n / 8;
            if (i % every == every - 1) {
                cls = "KSampler";
                in.put("seed", new InputValue.Link(String.valueOf(i - 1), 0));
                in.put("latent_image", new InputValue.Link(String.valueOf(i - 2), 0));
            } else if (i % every == every - 2) {
                cls = "PrimitiveInt";
                in.put("value", new InputValue.Literal(com.fasterxml.jackson.databind.node.IntNode.valueOf(i)));
            } else {
                cls = i % 7 == 0 ? "CLIPTextEncode" : "LatentThing";
                if (i > 0) in.put("samples", new InputValue.Link(String.valueOf(i - 1), 0));
                for (int k = 0; k < 2 && i > 2; k++) {
                    int from = Math.max(0, i - 2 - rnd.nextInt(40));
                    in.put("extra" + k, new InputValue.Link(String.valueOf(from), 0));
                }
            }
            list.add(new Node(String.valueOf(i), cls, null, in, 0, null));
        }
        list.add(new Node(String.valueOf(n), "SaveImage", null, Map.of("images", new InputValue.Link(String.valueOf(n - 1), 0)), 0, null));
        return new Graph(list);
    }

    /** Checkpoint, prompt, latent, then KSampler + three nodes feeding it, repeated; a save node at the end. */
    public static Graph chainedSamplers(int n) {
        List<Node> list = new ArrayList<>(n + 1);
        list.add(new Node("0", "CheckpointLoaderSimple", null, Map.of(), 0, null));
        list.add(new Node("1", "EmptyLatentImage", null, Map.of(), 0, null));
        String latent = "1";
        int i = 2;
        while (i + 4 <= n) {
            String prompt = String.valueOf(i);
            String lora = String.valueOf(i + 1);
            String seed = String.valueOf(i + 2);
            String sampler = String.valueOf(i + 3);
            list.add(new Node(prompt, "CLIPTextEncode", null, Map.of("clip", new InputValue.Link("0", 1)), 0, null));
            list.add(new Node(lora, "LoraLoader", null, Map.of("model", new InputValue.Link("0", 0)), 0, null));
            list.add(new Node(seed, "PrimitiveInt", null, Map.of("value", new InputValue.Literal(com.fasterxml.jackson.databind.node.IntNode.valueOf(i))), 0, null));
            Map<String, InputValue> in = new LinkedHashMap<>();
            in.put("model", new InputValue.Link(lora, 0));
            in.put("positive", new InputValue.Link(prompt, 0));
            in.put("seed", new InputValue.Link(seed, 0));
            in.put("latent_image", new InputValue.Link(latent, 0));
            list.add(new Node(sampler, "KSampler", null, in, 0, null));
            latent = sampler;
            i += 4;
        }
        list.add(new Node(String.valueOf(i), "SaveImage", null, Map.of("images", new InputValue.Link(latent, 0)), 0, null));
        return new Graph(list);
    }

    @Benchmark
    public TraceResult trace() {
        return tracer.trace(graph, options);
    }

    /**
     * The graph built from its nodes, then traced: what a file costs after parsing. The graph's
     * index and id ranks are built here, where {@link #trace} reuses the ones built before.
     */
    @Benchmark
    public TraceResult buildAndTrace() {
        return tracer.trace(new Graph(graph.nodes().values()), options);
    }

    @Benchmark
    public Object compose() {
        return composer.compose(graph, options, HashLookup.NONE);
    }
}
