package com.samplerlens.core.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.DecodeProblem;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.container.json.JsonShape;
import com.samplerlens.core.graph.ApiPromptLoader;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.graph.UiWorkflowConverter;
import com.samplerlens.core.json.LenientJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns what a reader found into the graph to trace: the API prompt when there is one (ComfyUI
 * ran exactly that), else the UI workflow converted with the node definitions; the UI workflow
 * also lends titles and positions for drawing.
 */
public final class SourceLoader {

    private final Supplier<NodeDefinitions> definitions;
    private final boolean layout;

    public SourceLoader(NodeDefinitions definitions) {
        this(() -> definitions, true);
    }

    private SourceLoader(Supplier<NodeDefinitions> definitions, boolean layout) {
        this.definitions = definitions;
        this.layout = layout;
    }

    /**
     * A loader for callers that trace and print but never draw (the command line): when the API
     * prompt is the graph traced, the UI workflow is neither parsed nor converted (it only lends
     * titles and positions for drawing, so its converter warnings are not reported either), and
     * the node definitions are loaded only when a UI workflow is converted.
     */
    public static SourceLoader withoutLayout(Supplier<NodeDefinitions> definitions) {
        Supplier<NodeDefinitions> once = new Supplier<>() {
            private NodeDefinitions loaded;

            @Override
            public synchronized NodeDefinitions get() {
                if (loaded == null) loaded = definitions.get();
                return loaded;
            }
        };
        return new SourceLoader(once, false);
    }

    public NodeDefinitions definitions() { return definitions.get(); }

    /** Reads the file and loads its graph; see {@link #load(EmbeddedMetadata)}. */
    public LoadedSource load(Path file) throws UnreadableFileException {
        return load(MetadataReaders.read(file));
    }

    /** As {@link #load(Path)}; {@code verify} checks every PNG chunk's CRC (see {@link MetadataReaders#read(Path, boolean)}). */
    public LoadedSource load(Path file, boolean verify) throws UnreadableFileException {
        return load(MetadataReaders.read(file, verify));
    }

    /**
     * @throws UnreadableFileException when the file holds neither a ComfyUI graph nor A1111 parameters
     */
    public LoadedSource load(EmbeddedMetadata metadata) throws UnreadableFileException {
        List<String> warnings = new ArrayList<>();
        for (DecodeProblem p : metadata.problems()) warnings.add(p.toString());
        String promptText = metadata.text(MetadataKeys.PROMPT).orElse(null);
        String workflowText = metadata.text(MetadataKeys.WORKFLOW).orElse(null);
        String parameters = metadata.text(MetadataKeys.PARAMETERS).orElse(null);

        // Shapes first. A text of up to JsonShape.TREE_LIMIT chars is parsed into a tree once, and its shape
        // and graph come from that tree; a larger one is shaped by a streaming pass and, when it
        // is an API prompt, loaded without a tree (a 49 MB prompt's tree took 480 MB).
        Json prompt = shape(MetadataKeys.PROMPT, promptText, warnings);
        boolean promptIsTraced = prompt != null && prompt.shape().apiPrompt();
        Json workflow = promptIsTraced && !layout ? null : shape(MetadataKeys.WORKFLOW, workflowText, warnings);
        // A JSON file's single text may be either kind; look at its shape, not at its key.
        if (prompt != null && !prompt.shape().apiPrompt() && prompt.shape().uiWorkflow() && workflow == null) {
            workflow = prompt;
            workflowText = promptText;
            prompt = null;
            promptText = null;
        } else if (workflow != null && !workflow.shape().uiWorkflow() && workflow.shape().apiPrompt() && prompt == null) {
            prompt = workflow;
            promptText = workflowText;
            workflow = null;
            workflowText = null;
        }

        Graph promptGraph = null;
        if (prompt != null) {
            if (prompt.shape().apiPrompt()) {
                List<String> w = new ArrayList<>();
                promptGraph = loadPrompt(promptText, prompt, w);
                w.forEach(s -> warnings.add("prompt: " + s));
            } else {
                warnings.add("prompt: not a ComfyUI API prompt; ignored");
            }
        }
        JsonNode workflowJson = null;
        if (workflow != null && workflow.shape().uiWorkflow()) {
            workflowJson = workflow.tree() != null ? workflow.tree() : parse(MetadataKeys.WORKFLOW, workflowText, warnings);
        }
        if (workflow != null && !workflow.shape().uiWorkflow()) {
            warnings.add("workflow: not a ComfyUI UI workflow (no \"nodes\" list); ignored");
        }
        Graph uiGraph = null;
        if (workflowJson != null) {
            var converted = UiWorkflowConverter.convert(workflowJson, definitions.get());
            uiGraph = converted.graph();
            // What the conversion could not do matters only when the converted graph is traced;
            // with a prompt the UI workflow lends titles and positions alone.
            if (promptGraph == null) converted.warnings().forEach(s -> warnings.add("workflow: " + s));
        }

        if (promptGraph != null) {
            Graph graph = uiGraph == null ? promptGraph : withLayout(promptGraph, uiGraph);
            return new LoadedSource(metadata, graph, LoadedSource.FROM_PROMPT, parameters, promptText, workflowText, warnings);
        }
        if (uiGraph != null) {
            // An image's workflow was saved when the run was queued, before any "randomize" or
            // "increment" control changed its seed (98 of 100 such seeds in images of public repositories
            // equal the prompt's): its values are the ones that ran. A workflow file holds the next run's.
            if (metadata.format() != ContainerFormat.JSON) uiGraph = uiGraph.withoutRunControls();
            return new LoadedSource(metadata, uiGraph, LoadedSource.FROM_WORKFLOW, parameters, promptText, workflowText, warnings);
        }
        if (parameters != null && !parameters.isBlank()) {
            if (parameters.strip().startsWith("{")) {
                throw new UnreadableFileException(metadata.file(), "parameters chunk holds JSON (Fooocus), not A1111 text");
            }
            return new LoadedSource(metadata, null, null, parameters, promptText, workflowText, warnings);
        }
        throw new UnreadableFileException(metadata.file(), noDataReason(metadata, warnings));
    }

    private static String noDataReason(EmbeddedMetadata metadata, List<String> warnings) {
        String base = "no ComfyUI workflow or A1111 parameters found";
        boolean novelAi = metadata.entries().stream().anyMatch(e -> e.key().equals("Software") && e.text().contains("NovelAI"))
                || metadata.entries().stream().anyMatch(e -> e.key().equals("Comment") && e.text().contains("\"n_samples\""));
        if (novelAi) return base + " (NovelAI metadata)";
        List<String> jsonProblems = warnings.stream().filter(w -> w.startsWith("prompt:") || w.startsWith("workflow:")).toList();
        if (!jsonProblems.isEmpty()) return base + " (" + jsonProblems.getFirst() + ")";
        List<String> keys = metadata.entries().stream().map(MetadataEntry::key).distinct().toList();
        String found = keys.isEmpty() ? "the file has no metadata text" : "keys: " + String.join(", ", keys);
        return base + " (" + found + damage(metadata) + ")";
    }

    /** The first decode problem, since damage is often why nothing was found (a truncated or bombed chunk). */
    private static String damage(EmbeddedMetadata metadata) {
        List<DecodeProblem> problems = metadata.problems();
        if (problems.isEmpty()) return "";
        int more = problems.size() - 1;
        return "; " + problems.getFirst() + (more == 0 ? "" : " and " + more + (more == 1 ? " more problem" : " more problems"));
    }

    /** A text's shape, and its tree when it was parsed whole ({@link JsonShape#TREE_LIMIT}), else null. */
    record Json(JsonShape shape, JsonNode tree) {}

    /** The text's shape, or null (with a warning when it is no JSON) when there is nothing to load. */
    private static Json shape(String key, String text, List<String> warnings) {
        if (text == null || text.isBlank()) return null;
        try {
            if (text.length() > JsonShape.TREE_LIMIT) return new Json(JsonShape.of(text), null);
            JsonNode tree = LenientJson.parse(text);
            return new Json(JsonShape.ofTree(tree), tree);
        } catch (JsonProcessingException e) {
            warnings.add(key + ": " + LenientJson.describe(e));
            return null;
        }
    }

    private static Graph loadPrompt(String text, Json json, List<String> warnings) {
        if (json.tree() != null) return ApiPromptLoader.load(json.tree(), warnings);
        try {
            return ApiPromptLoader.load(text, json.shape(), warnings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON read once but not twice", e);
        }
    }

    private static JsonNode parse(String key, String text, List<String> warnings) {
        if (text == null || text.isBlank()) return null;
        try {
            return LenientJson.parse(text);
        } catch (JsonProcessingException e) {
            warnings.add(key + ": " + LenientJson.describe(e));
            return null;
        }
    }

    /** The prompt's nodes with the title and position of the UI node of the same id. */
    private static Graph withLayout(Graph prompt, Graph ui) {
        List<Node> nodes = new ArrayList<>();
        for (Node n : prompt.nodes().values()) {
            Node u = ui.node(n.id());
            if (u == null) {
                nodes.add(n);
                continue;
            }
            Node laid = n.withPosition(u.position());
            nodes.add(u.title() != null ? laid.withTitle(u.title()) : laid);
        }
        return new Graph(nodes);
    }
}
