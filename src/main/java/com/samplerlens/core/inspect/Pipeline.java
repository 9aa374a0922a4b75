package com.samplerlens.core.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.capture.ComposedMetadata;
import com.samplerlens.core.capture.FlatFields;
import com.samplerlens.core.capture.HashLookup;
import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.PixelSize;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.edit.EditList;
import com.samplerlens.core.edit.EditedMetadata;
import com.samplerlens.core.fallback.FallbackMarker;
import com.samplerlens.core.fallback.FallbackSettings;
import com.samplerlens.core.fallback.WritePlan;
import com.samplerlens.core.fallback.WritePlanner;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.hash.AutoV2;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.core.render.ParameterAdjustments;
import com.samplerlens.core.render.RenderOptions;
import com.samplerlens.core.trace.MultiSamplerOverride;
import com.samplerlens.core.trace.SamplerSelection;
import com.samplerlens.core.trace.SaveNodeChoice;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.core.trace.ValueResolver;
import com.samplerlens.core.write.BundleSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The composition root of the core: node definitions, the user's rules, the environment and the
 * models folder are put together here once, and every command and the app go through its one
 * path, load → {@link #resolve options} → trace → edit → render → {@link #plan}. What
 * {@code inspect} shows, what {@code stages} measures and what {@code write} writes are therefore
 * the same texts by construction.
 */
public final class Pipeline {

    private final SourceLoader loader;
    private final Inspector inspector;
    private final Map<String, String> env;
    private final HashLookup hashes;

    public Pipeline(SourceLoader loader, Inspector inspector, Map<String, String> env, HashLookup hashes) {
        this.loader = loader;
        this.inspector = inspector;
        this.env = Map.copyOf(env);
        this.hashes = hashes == null ? HashLookup.NONE : hashes;
    }

    /** A setting that cannot be used (unreadable rule or object_info file, missing models folder); the message is one line naming it. */
    public static final class SetupException extends IllegalArgumentException {
        public SetupException(String message, Throwable cause) { super(message, cause); }
    }

    /**
     * Everything from the user's side put together: the bundled data with {@code objectInfo} (may be
     * null) on top, the rule files of the default folder ({@code SAMPLERLENS_RULES} or
     * {@code ~/.samplerlens/rules}) and {@code ruleFiles}, and the hashes of {@code modelsFolder}
     * (may be null; {@code METADATA_FORCE_REHASH} honoured).
     *
     * @throws SetupException naming the option and the file (object_info, models folder)
     * @throws IllegalArgumentException one line naming a rule file that cannot be used
     */
    public static Pipeline build(Map<String, String> env, List<Path> ruleFiles, Path objectInfo, Path modelsFolder) {
        // the bundled definitions are loaded only if a UI workflow is converted (most images carry the API prompt)
        java.util.function.Supplier<NodeDefinitions> defs = NodeDefinitions::bundled;
        if (objectInfo != null) {
            try {
                NodeDefinitions withObjectInfo = NodeDefinitions.bundled().withObjectInfo(objectInfo);
                defs = () -> withObjectInfo;
            } catch (IOException | RuntimeException e) {
                throw new SetupException("--node-defs " + e.getMessage(), e);
            }
        }
        // titles and positions are for drawing: the commands need none
        return new Pipeline(SourceLoader.withoutLayout(defs), rules(env, ruleFiles), env, models(env, modelsFolder));
    }

    /**
     * The bundled data and the user's rule files (default folder, then {@code ruleFiles}).
     *
     * @throws IllegalArgumentException one line naming a rule file that cannot be used
     */
    public static Inspector rules(Map<String, String> env, List<Path> ruleFiles) {
        return UserRules.inspector(env, ruleFiles);
    }

    private static HashLookup models(Map<String, String> env, Path folder) {
        if (folder == null) return HashLookup.NONE;
        try {
            return ModelFolderHashes.scan(folder, AutoV2.fromEnvironment(env));
        } catch (IOException e) {
            throw new SetupException("--models " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The same pipeline with other model hashes (the app hashes a models folder while it runs). */
    public Pipeline withHashes(HashLookup h) { return new Pipeline(loader, inspector, env, h); }

    public SourceLoader loader() { return loader; }

    public Inspector inspector() { return inspector; }

    public Map<String, String> environment() { return env; }

    public LoadedSource load(Path file) throws UnreadableFileException { return loader.load(file); }

    /** @param verify PNG: check every chunk's CRC, image data included */
    public LoadedSource load(Path file, boolean verify) throws UnreadableFileException { return loader.load(file, verify); }

    /**
     * The options one source is traced, rendered and packed with.
     *
     * @param options  trace (save node resolved), render and hash options
     * @param fallback the JPEG limits
     * @param anchor   the save node's own settings ({@link AnchorSettings#NONE} unless it is the anchor's node)
     * @param saveNode which output node was chosen and why, and the others; null without a graph
     */
    public record Resolved(InspectOptions options, FallbackSettings fallback, AnchorSettings anchor, SaveNodeChoice saveNode) {}

    /**
     * Choices over the save node's settings over the source's own over the environment over the defaults.
     *
     * @throws SaveNodeChoice.UnknownSaveNodeException when the requested save node is not in the graph
     */
    public Resolved resolve(LoadedSource source, Choices c) {
        MultiSamplerOverride fromEnv = MultiSamplerOverride.fromEnvironment(env);
        MultiSamplerOverride override = c.single() || fromEnv == MultiSamplerOverride.SINGLE ? MultiSamplerOverride.SINGLE
                : c.forceMulti() || fromEnv == MultiSamplerOverride.FORCE_MULTI ? MultiSamplerOverride.FORCE_MULTI
                : MultiSamplerOverride.AUTO;
        RenderOptions fromEnvRender = RenderOptions.fromEnvironment(env);
        Graph graph = source.graph();
        SaveNodeChoice save = null;
        AnchorSettings anchor = AnchorSettings.NONE;
        if (graph != null) {
            var tracer = inspector.composer().tracer();
            // node definitions name output classes of a converted UI workflow; an API prompt's are the table's
            // (asking the definitions would load them for every image)
            java.util.function.Predicate<String> definedOutput = LoadedSource.FROM_WORKFLOW.equals(source.graphSource())
                    ? loader.definitions()::isOutputNode : c2 -> false;
            save = SaveNodeChoice.choose(graph, tracer.classifier(), definedOutput, c.saveNode(),
                    () -> pixelSize(source), id -> imageSizeAt(graph, id));
            anchor = AnchorSettings.of(graph, save.chosen(), new ValueResolver(graph, tracer.valueRules()));
        }
        int max = c.maxSamplers() != null ? c.maxSamplers()
                : anchor.maxSamplers() != null ? Math.clamp(anchor.maxSamplers(), 1, TraceOptions.MAX_SAMPLERS_LIMIT)
                : samplersInDetail(source);
        SamplerSelection selection = c.selection() != null ? c.selection() : anchor.selection() != null ? anchor.selection() : SamplerSelection.FARTHEST;
        TraceOptions trace = new TraceOptions(max, selection, save == null ? null : save.chosen(), override);
        RenderOptions render = new RenderOptions(first(c.civitai(), anchor.civitai()), c.multiline() || fromEnvRender.multiline(),
                fromEnvRender.version(), first(c.guidanceAsCfg(), anchor.guidanceAsCfg()), first(c.loraSummary(), anchor.loraSummary()));
        Integer kb = c.maxJpegExifKb() != null ? c.maxJpegExifKb() : anchor.maxJpegExifKb();
        return new Resolved(new InspectOptions(trace, render, hashes), FallbackSettings.of(kb, env), anchor, save);
    }

    /**
     * The save node this source gets when none is requested, with the samplers upstream of every
     * output node counted (for a picker that shows them); null without a graph.
     */
    public SaveNodeChoice defaultSaveNode(LoadedSource source) {
        SaveNodeChoice choice = resolve(source, Choices.NONE).saveNode();
        return choice == null ? null : choice.counted(source.graph(), inspector.composer().tracer().classifier());
    }

    private static boolean first(Boolean given, Boolean fromSaveNode) {
        return given != null ? given : fromSaveNode != null && fromSaveNode;
    }

    /**
     * What one source gives: the traced report (null without a graph), the edits applied and the
     * texts to write, with the notes for people.
     *
     * @param report   the report as shown and written: edits and the save node's extra keys applied; null without a graph
     * @param traced   the report before edits (what the nodes themselves gave); null without a graph
     * @param edited   the edits applied (null without a graph)
     * @param bundle   the texts to write
     * @param warnings edits that did not fit this file
     */
    public record Output(LoadedSource source, Resolved resolved, InspectReport report, InspectReport traced, EditedMetadata edited,
                         MetadataBundle bundle, List<String> warnings) {

        /**
         * Why the parameters lack their sampler fields, when they do (spec §2: an error line, the rest
         * still produced): decided from the trace itself, not from the wording of its warnings.
         */
        public List<String> errors() {
            if (report == null) return List.of();
            var t = report.composed().trace();
            if (t.saveNodeId() == null) return List.of("no output node found; nothing to trace");
            if (t.samplers().isEmpty()) return List.of("no sampler found upstream of node " + t.saveNodeId() + "; no sampler fields are written");
            if (t.traced().isEmpty()) return List.of("the selected sampler is not upstream of node " + t.saveNodeId() + "; no sampler fields are written");
            return List.of();
        }
    }

    /** Trace and render without edits: what {@code inspect} shows. */
    public Output inspect(LoadedSource source, Choices c) throws UnreadableFileException {
        return output(source, c, EditList.EMPTY);
    }

    /**
     * Trace → edit → render. A source without a graph (an A1111 image) gives its own texts, an
     * earlier fallback marker dropped; edits need a graph.
     */
    public Output output(LoadedSource source, Choices c, EditList edits) throws UnreadableFileException {
        Resolved r = resolve(source, c);
        Path file = source.metadata().file();
        if (source.graph() == null) {
            if (!edits.isEmpty()) throw new UnreadableFileException(file, "holds A1111 parameters but no ComfyUI graph; edits need a graph to trace");
            MetadataBundle asRead = new MetadataBundle(FallbackMarker.without(source.parameters()), source.prompt(), source.workflow(),
                    source.metadata().text(MetadataKeys.SAMPLERS_DETAIL).orElse(null));
            if (asRead.parameters() == null && asRead.prompt() == null && asRead.workflow() == null) {
                throw new UnreadableFileException(file, "holds no ComfyUI or A1111 metadata to write");
            }
            return new Output(source, r, null, null, null, asRead, List.of());
        }
        Graph graph = source.graph();
        InspectReport traced = inspector.inspect(graph, new SourceTexts(source.prompt(), source.workflow(), source.parameters()), r.options());
        EditedMetadata edited = withAnchorKeys(edits.applyTo(traced.composed()), r.anchor());
        MetadataBundle bundle = edited.adjustments().isEmpty() && edits.isEmpty() ? traced.bundle()
                : edited.bundle(graph, traced.bundle(), r.options().render());
        if (source.prompt() == null && !everyNodeDefined(graph)) {
            // a prompt converted from a UI workflow with unknown classes holds widget_N inputs ComfyUI cannot load
            bundle = new MetadataBundle(bundle.parameters(), null, bundle.workflow(), bundle.samplersDetail());
        }
        InspectReport report = new InspectReport(graph, edited.composed(), bundle);
        return new Output(source, r, report, traced, edited, bundle, edited.warnings());
    }

    /** The anchor node's extra-metadata keys under the user's own: an edit's key wins (the app's edits go through it too). */
    public static EditedMetadata withAnchorKeys(EditedMetadata edited, AnchorSettings anchor) {
        if (anchor.extra().isEmpty()) return edited;
        TreeMap<String, String> extra = new TreeMap<>(anchor.extra());
        extra.putAll(edited.adjustments().extra());
        return new EditedMetadata(edited.composed(), new ParameterAdjustments(extra, edited.adjustments().removed()), edited.warnings());
    }

    private boolean everyNodeDefined(Graph graph) {
        for (Node n : graph.nodes().values()) if (loader.definitions().find(n.classType()).isEmpty()) return false;
        return true;
    }

    /** The plan (and, with a target, the very bytes) of writing {@code out} into {@code format}. */
    public static WritePlan plan(Output out, ContainerFormat format, byte[] target) {
        return WritePlanner.plan(format, out.bundle(), out.resolved().fallback(), target);
    }

    /** What {@code write} and the batch write for a source file: this pipeline's output with {@code edits}. */
    public BundleSource bundleSource(Choices c, EditList edits, Consumer<String> warnings) {
        return file -> {
            Output out = output(load(file), c, edits);
            out.warnings().forEach(w -> warnings.accept(file.getFileName() + ": " + w));
            return out.bundle();
        };
    }

    /**
     * How many samplers the source's own {@code Samplers detail} lists (1 when it has none): a file
     * written in multi-sampler mode is read back in that mode unless the user says otherwise.
     */
    static int samplersInDetail(LoadedSource source) {
        String detail = source.metadata().text(MetadataKeys.SAMPLERS_DETAIL).orElse(null);
        if (detail == null) return 1;
        try {
            JsonNode json = LenientJson.parse(detail);
            return json.isArray() && json.size() >= 2 ? Math.min(json.size(), TraceOptions.MAX_SAMPLERS_LIMIT) : 1;
        } catch (JsonProcessingException e) {
            return 1;
        }
    }

    /** The header's pixel size; only the first MiB is read (headers and EXIF come first), asked only on a tie. */
    private static String pixelSize(LoadedSource source) {
        if (source.metadata().format() == ContainerFormat.JSON) return null;
        try (var in = java.nio.file.Files.newInputStream(source.metadata().file())) {
            return PixelSize.of(in.readNBytes(1 << 20)).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The Size the trace from {@code outputId} finds ("WxH"), or null. */
    private String imageSizeAt(Graph graph, String outputId) {
        ComposedMetadata m = inspector.composer().compose(graph, TraceOptions.defaults().withSaveNode(outputId), HashLookup.NONE);
        FlatFields f = m.flat();
        return f.width() != null && f.height() != null ? f.width() + "x" + f.height() : null;
    }
}
