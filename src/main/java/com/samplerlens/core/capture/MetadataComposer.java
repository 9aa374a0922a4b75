package com.samplerlens.core.capture;

import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.trace.SamplerAttribution;
import com.samplerlens.core.trace.SamplerSelection;
import com.samplerlens.core.trace.SamplerTable;
import com.samplerlens.core.trace.TraceMode;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.core.trace.TraceResult;
import com.samplerlens.core.trace.Tracer;
import com.samplerlens.core.trace.UpstreamDistances;
import com.samplerlens.core.trace.ValueResolver;
import com.samplerlens.core.trace.ValueRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Trace + capture: from a graph and options to the flat and per-sampler fields. */
public final class MetadataComposer {

    private final SamplerTable table;
    private final CaptureRules rules;
    private final ValueRules valueRules;
    private final Tracer tracer;

    public MetadataComposer(SamplerTable table, CaptureRules rules, ValueRules valueRules) {
        this.table = table;
        this.rules = rules;
        this.valueRules = valueRules;
        this.tracer = new Tracer(rules.classifier(table), valueRules);
    }

    /** The bundled data files only. */
    public static MetadataComposer bundled() {
        return new MetadataComposer(SamplerTable.bundled(), CaptureRules.bundled(), ValueRules.bundled());
    }

    public Tracer tracer() { return tracer; }

    public ComposedMetadata compose(Graph graph, TraceOptions options, HashLookup hashes) {
        ValueResolver values = new ValueResolver(graph, valueRules);
        TraceResult trace = tracer.trace(graph, options, values);
        List<String> warnings = new ArrayList<>(trace.warnings());
        PromptRouting routing = new PromptRouting(graph, table, rules, values, tracer.classifier());
        FieldCapture capture = FieldCapture.run(graph, rules, values, routing, hashes);
        capture.warnings().forEach((id, texts) -> { if (trace.isUpstream(id)) warnings.addAll(texts); });
        List<Captured> all = capture.all();
        List<Captured> flatScope = all.stream().filter(c -> c.scope() == CaptureRule.Scope.ALL).toList();

        if (trace.saveNodeId() == null) {
            FlatFields empty = FlatResolver.resolve(Snapshot.empty(), Snapshot.empty(), graph, List.of(), hashes, new FieldSources.Recorder());
            return new ComposedMetadata(trace, null, empty, List.of(), capture.notes(), warnings, FieldSources.NONE);
        }
        Map<String, Integer> saveMap = trace.liveDistances();
        Snapshot s = Snapshot.of(flatScope, saveMap, c -> true);
        SamplerSelection selection = options.selection();
        String flatSampler = trace.mode() == TraceMode.SINGLE
                ? trace.samplers().stream().filter(SamplerAttribution::traced).map(SamplerAttribution::nodeId).findFirst().orElse(null)
                : tracer.flatSampler(graph, trace.saveNodeId(), selection);
        Snapshot p = flatSampler == null ? s : Snapshot.of(flatScope,
                new UpstreamDistances(graph).from(flatSampler, e -> values.isLive(e)), c -> true);
        FieldSources.Recorder flatSources = new FieldSources.Recorder();
        FlatFields flat = FlatResolver.resolve(p, s, graph, flatScope, hashes, flatSources);
        Map<String, FieldSources.Recorder> samplerSources = new HashMap<>();

        List<SamplerFields> samplers = new ArrayList<>();
        if (trace.mode() == TraceMode.MULTI) {
            Map<String, Integer> sharedMap = new HashMap<>();
            for (String id : trace.shared()) sharedMap.put(id, saveMap.getOrDefault(id, 0));
            Snapshot shared = Snapshot.of(all, sharedMap, c -> true);
            SamplerFieldResolver r = new SamplerFieldResolver(table, graph, values, tracer.classifier(), all, shared, routing, hashes);
            for (SamplerAttribution a : trace.traced()) {
                FieldSources.Recorder sources = new FieldSources.Recorder();
                samplers.add(r.resolve(a, sources));
                samplerSources.put(a.nodeId(), sources);
            }
        } else if (flatSampler != null) {
            Node n = graph.node(flatSampler);
            samplers.add(SamplerFields.fromFlat(1, flatSampler, n.classType(), flat));
        }
        return new ComposedMetadata(trace, flatSampler, flat, samplers, capture.notes(), warnings,
                new FieldSources(flatSources, samplerSources));
    }
}
