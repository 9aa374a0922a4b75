package com.samplerlens.app.kit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.graph.ApiPromptLoader;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.core.trace.TraceMode;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.core.trace.TraceResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link InspectionService} backed by the shared core, the same code the CLI runs.
 * Each method delegates to the core piece that owns the work; where a piece is not in this
 * build yet the result says so in words instead of guessing.
 */
public final class CoreInspectionService implements InspectionService {

    @Override
    public LoadedDocument load(Path file) throws UnreadableFileException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnreadableFileException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        JsonNode root;
        try {
            root = LenientJson.parse(text);
        } catch (JsonProcessingException e) {
            throw new UnreadableFileException(file, LenientJson.describe(e), e);
        }
        if (root == null || !ApiPromptLoader.isApiPrompt(root)) {
            throw new UnreadableFileException(file, "not a ComfyUI API prompt (this build opens API prompt JSON files)");
        }
        List<String> warnings = new ArrayList<>();
        Graph graph = ApiPromptLoader.load(root, warnings);
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(MetadataKeys.PROMPT, text);
        return new LoadedDocument(file, ContainerFormat.JSON, graph, texts, List.of(), warnings);
    }

    @Override
    public TraceResult trace(LoadedDocument document, TraceOptions options) {
        return new TraceResult(null, List.of(), TraceMode.SINGLE, Map.of(), List.of(), List.of(),
                List.of("tracing is not in this build yet: no sampler attribution"));
    }

    @Override
    public OutputPreview preview(LoadedDocument document, TraceOptions options, TraceResult trace, OutputSettings settings) {
        List<OutputPreview.Field> fields = new ArrayList<>();
        document.texts().forEach((key, value) -> fields.add(new OutputPreview.Field(key, "source",
                value, value.getBytes(StandardCharsets.UTF_8).length)));
        return new OutputPreview(document.texts().get(MetadataKeys.PARAMETERS), fields, List.of(),
                List.of("rendering is not in this build yet: showing the texts the source carried"));
    }

    @Override
    public boolean canWrite() {
        return false;
    }

    @Override
    public WriteOutcome write(LoadedDocument document, TraceOptions options, OutputSettings settings,
                              Path pixelsFrom, Path target) throws UnreadableFileException {
        throw new UnreadableFileException(target, "writing is not in this build yet");
    }
}
