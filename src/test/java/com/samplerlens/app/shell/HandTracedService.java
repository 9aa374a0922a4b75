package com.samplerlens.app.shell;

import com.samplerlens.app.kit.CoreInspectionService;
import com.samplerlens.app.kit.Inspection;
import com.samplerlens.app.kit.InspectionService;
import com.samplerlens.app.kit.LoadedDocument;
import com.samplerlens.app.kit.OutputSettings;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.edit.EditList;
import com.samplerlens.core.edit.EditedMetadata;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.inspect.MetadataExport;
import com.samplerlens.core.inspect.Inspector;
import com.samplerlens.core.render.NodeCaptures;
import com.samplerlens.core.trace.SamplerAttribution;
import com.samplerlens.core.trace.TraceMode;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.core.trace.TraceResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The real core service, except that the trace of the Wan 2.2 14B text-to-video workflow is
 * written by hand from reading the fixture, so the view tests check the drawing against a known
 * attribution. Links in the file: 57 KSamplerAdvanced ← 54 ← 37 (high-noise UNET), 6, 7, 61;
 * 58 KSamplerAdvanced ← 55 ← 56 (low-noise UNET), 6, 7, 57; 6, 7 ← 38 CLIPLoader;
 * 8 VAEDecode ← 58, 39 VAELoader; 28 SaveAnimatedWEBP and 47 SaveWEBM ← 8.
 */
final class HandTracedService implements InspectionService {

    private final CoreInspectionService core = new CoreInspectionService(NodeDefinitions.bundled(), Inspector.bundled());

    static final Map<String, Integer> DISTANCES = Map.ofEntries(Map.entry("28", 0), Map.entry("8", 1),
            Map.entry("58", 2), Map.entry("39", 2), Map.entry("55", 3), Map.entry("6", 3), Map.entry("7", 3),
            Map.entry("57", 3), Map.entry("56", 4), Map.entry("38", 4), Map.entry("54", 4), Map.entry("61", 4),
            Map.entry("37", 5));

    @Override
    public LoadedDocument load(Path file) throws UnreadableFileException {
        return core.load(file);
    }

    @Override
    public Inspection inspect(LoadedDocument document, TraceOptions options, OutputSettings settings) {
        boolean multi = options.maxSamplers() >= 2;
        // farthest (57) is Sampler 1; the nearer 58 is Sampler 2 only when two are traced
        TraceResult trace = new TraceResult("28", List.of("28", "47"), multi ? TraceMode.MULTI : TraceMode.SINGLE, DISTANCES,
                List.of(new SamplerAttribution("58", "KSamplerAdvanced", 2, multi ? 2 : 0, List.of("6", "7", "38", "55", "56")),
                        new SamplerAttribution("57", "KSamplerAdvanced", 3, 1, List.of("6", "7", "37", "38", "54", "61"))),
                List.of("8", "39"), List.of());
        Inspection real = core.inspect(document, options, settings);
        return new Inspection(trace, real.preview(), Map.of(), NodeCaptures.NONE, Map.of(), real.report());
    }

    @Override
    public Inspection withEdits(LoadedDocument document, Inspection traced, EditedMetadata edited, OutputSettings settings) {
        Inspection real = core.withEdits(document, traced, edited, settings);
        return new Inspection(traced.trace(), real.preview(), Map.of(), NodeCaptures.NONE, Map.of(), traced.report());
    }

    @Override
    public String export(LoadedDocument document, Inspection traced, EditedMetadata edited, OutputSettings settings, MetadataExport.Kind kind) {
        return core.export(document, traced, edited, settings, kind);
    }

    @Override
    public void stripCopy(Path source, Path target, boolean replace) throws UnreadableFileException {
        core.stripCopy(source, target, replace);
    }

    @Override
    public java.util.List<String> hashModels(LoadedDocument document, Path modelsFolder, com.samplerlens.core.hash.HashProgress progress,
                                             java.util.function.Consumer<Path> hashing, java.util.function.BooleanSupplier cancelled)
            throws java.io.IOException {
        return core.hashModels(document, modelsFolder, progress, hashing, cancelled);
    }

    @Override
    public boolean canWrite() {
        return core.canWrite();
    }

    @Override
    public WriteOutcome write(LoadedDocument document, TraceOptions options, OutputSettings settings, EditList edits, Path pixelsFrom,
                              Path target, boolean replace)
            throws UnreadableFileException {
        return core.write(document, options, settings, edits, pixelsFrom, target, replace);
    }
}
