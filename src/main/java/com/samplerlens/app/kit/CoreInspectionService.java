package com.samplerlens.app.kit;

import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.inspect.LoadedSource;
import com.samplerlens.core.inspect.SourceLoader;
import com.samplerlens.core.trace.TraceMode;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.core.trace.TraceResult;
import java.nio.charset.StandardCharsets;
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

    private final SourceLoader loader;

    public CoreInspectionService(NodeDefinitions definitions) {
        this.loader = new SourceLoader(definitions);
    }

    @Override
    public LoadedDocument load(Path file) throws UnreadableFileException {
        LoadedSource source = loader.load(file);
        Map<String, String> texts = new LinkedHashMap<>();
        for (MetadataEntry e : source.metadata().entries()) texts.putIfAbsent(e.key(), e.text());
        List<String> warnings = new ArrayList<>(source.warnings());
        Graph graph = source.graph();
        if (graph == null) {
            warnings.add("no ComfyUI graph in this file: only its parameters text");
            graph = new Graph(List.of());
        }
        return new LoadedDocument(file, source.metadata().format(), graph, texts, source.metadata().structure(), warnings);
    }

    @Override
    public Inspection inspect(LoadedDocument document, TraceOptions options, OutputSettings settings) {
        TraceResult trace = new TraceResult(null, List.of(), TraceMode.SINGLE, Map.of(), List.of(), List.of(),
                List.of("tracing is not in this build yet: no sampler attribution"));
        List<OutputPreview.Field> fields = new ArrayList<>();
        document.texts().forEach((key, value) -> fields.add(new OutputPreview.Field(key, "source",
                value, value.getBytes(StandardCharsets.UTF_8).length)));
        OutputPreview preview = new OutputPreview(document.texts().get(MetadataKeys.PARAMETERS), fields, List.of(),
                List.of("rendering is not in this build yet: showing the texts the source carried"));
        return new Inspection(trace, preview, Map.of(), Map.of());
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
