package com.samplerlens.app.kit;

import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.fallback.ChunkPlan;
import com.samplerlens.core.fallback.FallbackSettings;
import com.samplerlens.core.fallback.JpegStagePlan;
import com.samplerlens.core.fallback.PlanEntry;
import com.samplerlens.core.fallback.WritePlan;
import com.samplerlens.core.fallback.WritePlanner;
import com.samplerlens.core.edit.EditList;
import com.samplerlens.core.edit.EditedMetadata;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.inspect.InspectJson;
import com.samplerlens.core.inspect.MetadataExport;
import com.samplerlens.core.write.MetadataStripper;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.capture.ComposedMetadata;
import com.samplerlens.core.capture.SamplerFields;
import com.samplerlens.core.capture.HashLookup;
import com.samplerlens.core.hash.AutoV2;
import com.samplerlens.core.hash.HashProgress;
import com.samplerlens.core.inspect.InspectOptions;
import com.samplerlens.core.inspect.ModelFolderHashes;
import com.samplerlens.core.trace.MultiSamplerOverride;
import com.samplerlens.core.trace.SamplerSelection;
import com.samplerlens.core.inspect.InspectReport;
import com.samplerlens.core.inspect.Inspector;
import com.samplerlens.core.inspect.LoadedSource;
import com.samplerlens.core.inspect.SourceTexts;
import com.samplerlens.core.render.NodeCaptures;
import com.samplerlens.core.render.RenderOptions;
import com.samplerlens.core.inspect.SourceLoader;
import com.samplerlens.core.trace.TraceMode;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.core.trace.TraceResult;
import com.samplerlens.core.write.MetadataWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.Consumer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link InspectionService} backed by the shared core, the same code the CLI runs: the
 * SourceLoader reads, the Inspector traces and renders, the WritePlanner previews (JPEG stages
 * with their sizes), the MetadataWriter writes.
 */
public final class CoreInspectionService implements InspectionService {

    private final Supplier<SourceLoader> loader;
    private final Supplier<Inspector> inspector;
    /** The models folder hashed last; its cache survives opening other documents. */
    private volatile ModelFolderHashes models;

    public CoreInspectionService(NodeDefinitions definitions, Inspector inspector) {
        SourceLoader ready = new SourceLoader(definitions);
        this.loader = () -> ready;
        this.inspector = () -> inspector;
    }

    /**
     * A service whose core data is still being read (at start-up, while the window opens): each
     * call waits only for the part it needs, loading for the node definitions, tracing for the rules.
     */
    public CoreInspectionService(CompletableFuture<NodeDefinitions> definitions, CompletableFuture<Inspector> inspector) {
        CompletableFuture<SourceLoader> loading = definitions.thenApply(SourceLoader::new);
        this.loader = loading::join;
        this.inspector = inspector::join;
    }

    @Override
    public LoadedDocument load(Path file) throws UnreadableFileException {
        LoadedSource source = loader.get().load(file);
        Map<String, String> texts = new LinkedHashMap<>();
        for (MetadataEntry e : source.metadata().entries()) texts.putIfAbsent(e.key(), e.text());
        List<String> warnings = new ArrayList<>(source.warnings());
        Graph graph = source.graph();
        if (graph == null) {
            warnings.add("no ComfyUI graph in this file: only its parameters text");
            graph = new Graph(List.of());
        }
        LoadedDocument doc = new LoadedDocument(file, source.metadata().format(), graph, texts, source.metadata().structure(), warnings);
        keepBytes(doc);
        return doc;
    }

    /** The open document's own bytes, read once on the loading thread: previews measure against them instead of re-reading the file. */
    private record KeptBytes(LoadedDocument document, byte[] bytes) {}

    private volatile KeptBytes kept;

    private void keepBytes(LoadedDocument doc) {
        if (doc.format() == ContainerFormat.JSON) return;
        try {
            kept = new KeptBytes(doc, Files.readAllBytes(doc.file()));
        } catch (IOException e) {
            kept = null; // the preview reads it then, and says so when it cannot
        }
    }

    private byte[] bytesOf(LoadedDocument doc) throws IOException {
        KeptBytes k = kept;
        if (k != null && k.document() == doc) return k.bytes();
        return Files.readAllBytes(doc.file());
    }

    @Override
    public Inspection inspect(LoadedDocument document, TraceOptions options, OutputSettings settings) {
        List<String> notes = new ArrayList<>();
        if (document.graph().size() == 0) {
            // an A1111 image: nothing to trace, its own texts are what gets written
            TraceResult none = new TraceResult(null, List.of(), TraceMode.SINGLE, Map.of(), List.of(), List.of(),
                    List.of("no ComfyUI graph: nothing to trace"));
            return new Inspection(none, preview(document, bundleOf(document), settings, notes), Map.of(), NodeCaptures.NONE, Map.of(), null);
        }
        InspectReport report = inspector.get().inspect(document.graph(), sourceTexts(document), inspectOptions(options, settings));
        ComposedMetadata composed = report.composed();
        composed.warnings().stream().filter(w -> !composed.trace().warnings().contains(w)).forEach(notes::add);
        return new Inspection(composed.trace(), preview(document, report.bundle(), settings, notes), fieldsOf(composed),
                report.nodeCaptures(renderOptions(settings)), composed.notes(), report);
    }

    @Override
    public Inspection withEdits(LoadedDocument document, Inspection traced, EditedMetadata edited, OutputSettings settings) {
        if (traced.report() == null) return traced;
        ComposedMetadata composed = traced.report().composed();
        List<String> notes = new ArrayList<>(composed.warnings().stream().filter(w -> !composed.trace().warnings().contains(w)).toList());
        notes.addAll(edited.warnings());
        MetadataBundle bundle = edited.bundle(traced.report().graph(), traced.report().bundle(), renderOptions(settings));
        return new Inspection(traced.trace(), preview(document, bundle, settings, notes),
                fieldsOf(edited.composed()), traced.captures(), traced.notes(), traced.report());
    }

    @Override
    public String export(LoadedDocument document, Inspection traced, EditedMetadata edited, OutputSettings settings, MetadataExport.Kind kind) {
        if (traced.report() == null) {
            if (kind == MetadataExport.Kind.TXT) return MetadataExport.withNewline(document.texts().get(MetadataKeys.PARAMETERS));
            throw new IllegalStateException("no ComfyUI graph in " + document.file().getFileName() + ": nothing to export as JSON");
        }
        InspectReport report = edited.report(traced.report(), renderOptions(settings));
        return kind == MetadataExport.Kind.TXT ? MetadataExport.parametersText(report)
                : MetadataExport.pretty(InspectJson.toJson(document.file().toString(), document.format().id(), report, document.warnings()));
    }

    @Override
    public void stripCopy(Path source, Path target, boolean replace) throws UnreadableFileException {
        try {
            MetadataStripper.stripFile(source, target, replace);
        } catch (IOException e) {
            throw new UnreadableFileException(target, "cannot be written (" + e.getMessage() + ")", e);
        }
    }

    private static Map<String, Map<String, String>> fieldsOf(ComposedMetadata composed) {
        Map<String, Map<String, String>> fields = new LinkedHashMap<>();
        for (SamplerFields f : composed.samplers()) fields.put(f.nodeId(), SamplerFieldLabels.of(f));
        return fields;
    }

    /**
     * What Write and Re-embed write for these options: traced afresh with the edits applied, or
     * the source's own texts without a graph.
     */
    private MetadataBundle bundleFor(LoadedDocument document, TraceOptions options, OutputSettings settings, EditList edits) {
        if (document.graph().size() == 0) return bundleOf(document);
        InspectReport report = inspector.get().inspect(document.graph(), sourceTexts(document), inspectOptions(options, settings));
        if (edits.isEmpty()) return report.bundle();
        return edits.applyTo(report.composed()).bundle(report.graph(), report.bundle(), renderOptions(settings));
    }

    /** The texts an A1111 image carried, written back as they are. */
    private static MetadataBundle bundleOf(LoadedDocument document) {
        return new MetadataBundle(document.texts().get(MetadataKeys.PARAMETERS), document.texts().get(MetadataKeys.PROMPT),
                document.texts().get(MetadataKeys.WORKFLOW), document.texts().get(MetadataKeys.SAMPLERS_DETAIL));
    }

    private static SourceTexts sourceTexts(LoadedDocument document) {
        return new SourceTexts(document.texts().get(MetadataKeys.PROMPT), document.texts().get(MetadataKeys.WORKFLOW),
                document.texts().get(MetadataKeys.PARAMETERS));
    }

    /**
     * The app's switches, with the environment's METADATA_TEST_MODE and version override as the CLI
     * reads them, and the model hashes computed so far (never hashing here: this runs on the FX thread).
     */
    private InspectOptions inspectOptions(TraceOptions options, OutputSettings settings) {
        ModelFolderHashes m = models;
        return new InspectOptions(options, renderOptions(settings), m == null ? HashLookup.NONE : m.cachedOnly());
    }

    private static RenderOptions renderOptions(OutputSettings settings) {
        RenderOptions env = RenderOptions.fromEnvironment(System.getenv());
        return new RenderOptions(settings.civitaiNames(), settings.multiline() || env.multiline(), env.version());
    }

    @Override
    public List<String> hashModels(LoadedDocument document, Path modelsFolder, HashProgress progress, Consumer<Path> hashing,
                                   BooleanSupplier cancelled) throws IOException {
        ModelFolderHashes m = models;
        if (m == null || !m.folder().equals(modelsFolder)) {
            m = ModelFolderHashes.scan(modelsFolder, AutoV2.fromEnvironment(System.getenv()));
            models = m;
        }
        if (document.graph().size() == 0) return List.of();
        return m.hashAll(modelNames(document), progress, hashing, cancelled);
    }

    /** The model names a render asks hashes for: with the default trace, and with every sampler traced. */
    private Set<String> modelNames(LoadedDocument document) {
        Set<String> names = new LinkedHashSet<>();
        HashLookup recording = ModelFolderHashes.recording(names);
        TraceOptions everySampler = new TraceOptions(TraceOptions.MAX_SAMPLERS_LIMIT, SamplerSelection.FARTHEST, null, MultiSamplerOverride.FORCE_MULTI);
        for (TraceOptions t : List.of(TraceOptions.defaults(), everySampler)) {
            inspector.get().inspect(document.graph(), sourceTexts(document), new InspectOptions(t, null, recording));
        }
        return names;
    }

    private OutputPreview preview(LoadedDocument document, MetadataBundle bundle, OutputSettings settings, List<String> notes) {
        byte[] target = null;
        if (document.format() == settings.format()) {
            try {
                target = bytesOf(document);
            } catch (IOException e) {
                notes.add(document.file().getFileName() + " could not be read again, so file sizes are left out");
            }
        } else {
            notes.add("File sizes appear when the source is a " + settings.format().name() + " image; re-embedding measures the target");
        }
        WritePlan plan;
        try {
            plan = WritePlanner.plan(settings.format(), bundle, fallbackSettings(settings), target);
        } catch (IllegalArgumentException damaged) {
            // a damaged source (a truncated PNG) can still be read and re-embedded elsewhere: the
            // preview says so and leaves its sizes out instead of refusing the whole file
            notes.add(document.file().getFileName() + " cannot be rewritten in place (" + damaged.getMessage()
                    + "); re-embed the metadata into an intact copy");
            plan = WritePlanner.plan(settings.format(), bundle, fallbackSettings(settings), null);
        }
        List<OutputPreview.Field> fields = new ArrayList<>();
        List<OutputPreview.Stage> stages = new ArrayList<>();
        JpegStagePlan chosen = plan.chosen().orElse(null);
        for (PlanEntry e : plan.entries()) {
            switch (e) {
                case ChunkPlan c -> fields.add(new OutputPreview.Field(c.name(), c.chunkType(), c.content(), c.metadataBytes()));
                case JpegStagePlan j -> stages.add(new OutputPreview.Stage(j.name(), j.fits(), j.metadataBytes(),
                        j.fileBytes().orElse(-1), chosen != null && chosen.stage() == j.stage(), j.content()));
            }
        }
        if (chosen != null) fields.addAll(jpegFields(chosen));
        String parameters = chosen != null ? chosen.parameters() : bundle.parameters();
        return new OutputPreview(parameters, fields, stages, notes);
    }

    /** The APP1 EXIF tags (or the COM segment) of the stage that will be written. */
    private static List<OutputPreview.Field> jpegFields(JpegStagePlan stage) {
        List<OutputPreview.Field> out = new ArrayList<>();
        if (stage.exif() == null) {
            out.add(new OutputPreview.Field(MetadataKeys.PARAMETERS, "COM", stage.comText(), stage.metadataBytes()));
            return out;
        }
        addTag(out, "UserComment", "EXIF 0x9286", stage.exif().userComment());
        addTag(out, "Model", "EXIF 0x0110", stage.exif().model());
        addTag(out, "Make", "EXIF 0x010F", stage.exif().make());
        addTag(out, "ImageDescription", "EXIF 0x010E", stage.exif().imageDescription());
        return out;
    }

    private static void addTag(List<OutputPreview.Field> out, String tag, String where, String value) {
        if (value != null) out.add(new OutputPreview.Field(tag, where, value, value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
    }

    private static FallbackSettings fallbackSettings(OutputSettings settings) {
        return FallbackSettings.fromEnvironment(settings.maxJpegExifKb());
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public WriteOutcome write(LoadedDocument document, TraceOptions options, OutputSettings settings, EditList edits,
                              Path pixelsFrom, Path target, boolean replace) throws UnreadableFileException {
        ContainerFormat format = OutputNames.imageFormatOf(target).orElse(settings.format());
        try {
            MetadataWriter.Result r = MetadataWriter.write(bundleFor(document, options, settings, edits),
                    new MetadataWriter.Request(pixelsFrom, target, format, fallbackSettings(settings), false, replace));
            return new WriteOutcome(r.written(), r.bytes(), r.plan().chosen().map(JpegStagePlan::name).orElse(null), r.notices());
        } catch (IOException e) {
            throw new UnreadableFileException(target, "cannot be written (" + e.getMessage() + ")", e);
        }
    }
}
