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
import com.samplerlens.core.inspect.AnchorSettings;
import com.samplerlens.core.inspect.Choices;
import com.samplerlens.core.inspect.Pipeline;
import com.samplerlens.core.trace.SaveNodeChoice;
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

    /** The core's composition root: the same one the CLI builds (environment, the user's rule files). */
    private final Supplier<Pipeline> pipeline;
    /** The models folder hashed last; its cache survives opening other documents. */
    private volatile ModelFolderHashes models;
    /** The options the last inspection resolved, for the edits applied to its report. */
    private volatile Traced last;

    private record Traced(InspectReport report, Pipeline.Resolved resolved) {}

    /** A service over a pipeline built elsewhere (tests give one with their own environment). */
    public CoreInspectionService(Pipeline pipeline) {
        this.pipeline = () -> pipeline;
    }

    public CoreInspectionService(NodeDefinitions definitions, Inspector inspector) {
        Pipeline ready = new Pipeline(new SourceLoader(definitions), inspector, System.getenv(), HashLookup.NONE);
        this.pipeline = () -> ready;
    }

    /**
     * A service whose core data is still being read (at start-up, while the window opens): each
     * call waits for the data.
     */
    public CoreInspectionService(CompletableFuture<NodeDefinitions> definitions, CompletableFuture<Inspector> inspector) {
        CompletableFuture<Pipeline> ready = definitions.thenCombine(inspector,
                (d, i) -> new Pipeline(new SourceLoader(d), i, System.getenv(), HashLookup.NONE));
        this.pipeline = ready::join;
    }

    /** The pipeline with the model hashes computed so far (never hashing here: this runs on the FX thread). */
    private Pipeline pipeline() {
        ModelFolderHashes m = models;
        return m == null ? pipeline.get() : pipeline.get().withHashes(m.cachedOnly());
    }

    @Override
    public LoadedDocument load(Path file) throws UnreadableFileException {
        LoadedSource source = pipeline.get().load(file);
        Map<String, String> texts = new LinkedHashMap<>();
        for (MetadataEntry e : source.metadata().entries()) texts.putIfAbsent(e.key(), e.text());
        List<String> warnings = new ArrayList<>(source.warnings());
        Graph graph = source.graph();
        if (graph == null) {
            warnings.add("no ComfyUI graph in this file: only its parameters text");
            graph = new Graph(List.of());
        }
        byte[] bytes = null;
        if (source.metadata().format() != ContainerFormat.JSON) {
            try {
                // read once, on the loading thread: every preview measures against these bytes
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                warnings.add(file.getFileName() + " could not be read again (" + e.getMessage() + "), so file sizes are left out");
            }
        }
        return new LoadedDocument(file, source.metadata().format(), graph, texts, source.metadata().structure(), warnings, source,
                bytes, saveNodeOptions(source, graph));
    }

    /** Every output node with its title, class and samplers upstream; the core's default marked. */
    private List<SaveNodeOption> saveNodeOptions(LoadedSource source, Graph graph) {
        if (source.graph() == null) return List.of();
        SaveNodeChoice choice = pipeline.get().defaultSaveNode(source);
        if (choice == null) return List.of();
        List<SaveNodeOption> options = new ArrayList<>();
        for (int i = 0; i < choice.candidates().size(); i++) {
            String id = choice.candidates().get(i);
            var node = graph.node(id);
            options.add(new SaveNodeOption(id, node.displayName(), node.classType(), choice.samplers().get(i), id.equals(choice.chosen()),
                    id.equals(choice.chosen()) ? choice.reason() : null));
        }
        return options;
    }

    @Override
    public Inspection inspect(LoadedDocument document, TraceOptions options, OutputSettings settings) {
        List<String> notes = new ArrayList<>();
        if (document.graph().size() == 0) {
            // an A1111 image: nothing to trace, its own texts are what gets written
            TraceResult none = new TraceResult(null, List.of(), TraceMode.SINGLE, Map.of(), List.of(), List.of(),
                    List.of("no ComfyUI graph: nothing to trace"));
            Pipeline.Output asRead = output(document, options, settings, EditList.EMPTY);
            return new Inspection(none, preview(document, asRead.bundle(), asRead.resolved().fallback(), settings, notes), Map.of(),
                    NodeCaptures.NONE, Map.of(), null);
        }
        Pipeline.Output out = output(document, options, settings, EditList.EMPTY);
        last = new Traced(out.traced(), out.resolved());
        ComposedMetadata composed = out.report().composed();
        SaveNodeChoice save = out.resolved().saveNode();
        if (save != null && save.chosen() != null) {
            List<String> others = save.candidates().stream().filter(id -> !id.equals(save.chosen())).toList();
            notes.add("Save node " + SaveNodeChoice.describe(List.of(save.chosen()), document.graph()) + " (" + save.reason() + ")"
                    + (others.isEmpty() ? "" : "; other output nodes: " + SaveNodeChoice.describe(others, document.graph())));
        }
        if (out.resolved().anchor() != AnchorSettings.NONE) notes.add("The save node's own settings are the defaults (SaveImageWithMetaDataUniversal)");
        composed.warnings().stream().filter(w -> !composed.trace().warnings().contains(w)).forEach(notes::add);
        return new Inspection(composed.trace(), preview(document, out.bundle(), out.resolved().fallback(), settings, notes), fieldsOf(composed),
                out.traced().nodeCaptures(out.resolved().options().render()), composed.notes(), out.traced());
    }

    /** The core's one path for this document and these switches; the app's defaults count as "not chosen". */
    private Pipeline.Output output(LoadedDocument document, TraceOptions options, OutputSettings settings, EditList edits) {
        try {
            return pipeline().output(document.source(), choices(options, settings), edits);
        } catch (UnreadableFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The app's switches as the user's choices. The number of samplers is always the user's (the
     * spinner shows one); the other switches always hold a value too, so their defaults (farthest,
     * 60 KB, names off) stand for "not chosen" and leave room for the save node's own settings.
     */
    static Choices choices(TraceOptions options, OutputSettings settings) {
        return new Choices(options.maxSamplers(),
                options.selection().equals(SamplerSelection.FARTHEST) ? null : options.selection(), options.saveNodeId(),
                options.override() == MultiSamplerOverride.FORCE_MULTI, options.override() == MultiSamplerOverride.SINGLE,
                settings.multiline(), settings.civitaiNames() ? Boolean.TRUE : null, null, null,
                settings.maxJpegExifKb() == OutputSettings.DEFAULT_JPEG_EXIF_KB ? null : settings.maxJpegExifKb());
    }

    /** The options of the last inspection when {@code traced} is its report, else the defaults for this document. */
    private Pipeline.Resolved resolvedFor(LoadedDocument document, InspectReport traced, OutputSettings settings) {
        Traced t = last;
        if (t != null && t.report() == traced) return t.resolved();
        return pipeline().resolve(document.source(), choices(TraceOptions.defaults(), settings));
    }

    /** The edits with the save node's extra keys under them, rendered with the resolved options. */
    private static MetadataBundle editedBundle(InspectReport traced, EditedMetadata edited, Pipeline.Resolved r) {
        return Pipeline.withAnchorKeys(edited, r.anchor()).bundle(traced.graph(), traced.bundle(), r.options().render());
    }

    @Override
    public Inspection withEdits(LoadedDocument document, Inspection traced, EditedMetadata edited, OutputSettings settings) {
        if (traced.report() == null) return traced;
        ComposedMetadata composed = traced.report().composed();
        List<String> notes = new ArrayList<>(composed.warnings().stream().filter(w -> !composed.trace().warnings().contains(w)).toList());
        notes.addAll(edited.warnings());
        Pipeline.Resolved r = resolvedFor(document, traced.report(), settings);
        MetadataBundle bundle = editedBundle(traced.report(), edited, r);
        return new Inspection(traced.trace(), preview(document, bundle, r.fallback(), settings, notes),
                fieldsOf(edited.composed()), traced.captures(), traced.notes(), traced.report());
    }

    @Override
    public String export(LoadedDocument document, Inspection traced, EditedMetadata edited, OutputSettings settings, MetadataExport.Kind kind) {
        if (traced.report() == null) {
            if (kind == MetadataExport.Kind.TXT) return MetadataExport.withNewline(document.texts().get(MetadataKeys.PARAMETERS));
            throw new IllegalStateException("no ComfyUI graph in " + document.file().getFileName() + ": nothing to export as JSON");
        }
        Pipeline.Resolved r = resolvedFor(document, traced.report(), settings);
        InspectReport report = new InspectReport(traced.report().graph(), edited.composed(), editedBundle(traced.report(), edited, r));
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

    private static SourceTexts sourceTexts(LoadedDocument document) {
        return new SourceTexts(document.texts().get(MetadataKeys.PROMPT), document.texts().get(MetadataKeys.WORKFLOW),
                document.texts().get(MetadataKeys.PARAMETERS));
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
            pipeline.get().inspector().inspect(document.graph(), sourceTexts(document), new InspectOptions(t, null, recording));
        }
        return names;
    }

    private OutputPreview preview(LoadedDocument document, MetadataBundle bundle, FallbackSettings fallback, OutputSettings settings,
                                  List<String> notes) {
        byte[] target = null;
        if (document.format() == settings.format()) {
            // the bytes kept with the document: a retrace or an edit never reads the file again
            target = document.imageBytes();
        } else {
            notes.add("File sizes appear when the source is a " + settings.format().name() + " image; re-embedding measures the target");
        }
        WritePlan plan;
        try {
            plan = WritePlanner.plan(settings.format(), bundle, fallback, target);
        } catch (IllegalArgumentException damaged) {
            // a damaged source (a truncated PNG) can still be read and re-embedded elsewhere: the
            // preview says so and leaves its sizes out instead of refusing the whole file
            notes.add(document.file().getFileName() + " cannot be rewritten in place (" + damaged.getMessage()
                    + "); re-embed the metadata into an intact copy");
            plan = WritePlanner.plan(settings.format(), bundle, fallback, null);
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

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public WriteOutcome write(LoadedDocument document, TraceOptions options, OutputSettings settings, EditList edits,
                              Path pixelsFrom, Path target, boolean replace) throws UnreadableFileException {
        ContainerFormat format = OutputNames.imageFormatOf(target).orElse(settings.format());
        try {
            Pipeline.Output out = output(document, options, settings, edits);
            MetadataWriter.Result r = MetadataWriter.write(out.bundle(),
                    new MetadataWriter.Request(pixelsFrom, target, format, out.resolved().fallback(), false, replace));
            return new WriteOutcome(r.written(), r.bytes(), r.plan().chosen().map(JpegStagePlan::name).orElse(null), r.notices());
        } catch (IOException e) {
            throw new UnreadableFileException(target, "cannot be written (" + e.getMessage() + ")", e);
        }
    }
}
