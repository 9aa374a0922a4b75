package com.samplerlens.core.inspect;

import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.graph.Graph;
import java.util.List;

/**
 * A file read and its graph made ready to trace.
 *
 * @param metadata    what the reader found
 * @param graph       the graph to trace: the API prompt when present (with titles and positions
 *                    from the UI workflow), else the converted UI workflow; null when the file has neither
 * @param graphSource {@link #FROM_PROMPT}, {@link #FROM_WORKFLOW}, or null with no graph
 * @param parameters  the A1111 parameters text as read, or null
 * @param prompt      the raw API prompt text, or null
 * @param workflow    the raw UI workflow text, or null
 * @param warnings    converter warnings and decode problems, as text for people
 */
public record LoadedSource(EmbeddedMetadata metadata, Graph graph, String graphSource, String parameters,
                           String prompt, String workflow, List<String> warnings) {

    public static final String FROM_PROMPT = "prompt";
    public static final String FROM_WORKFLOW = "workflow";

    public LoadedSource {
        warnings = List.copyOf(warnings);
    }
}
