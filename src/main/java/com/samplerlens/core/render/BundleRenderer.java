package com.samplerlens.core.render;

import com.samplerlens.core.capture.ComposedMetadata;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.graph.Graph;

/** Composed metadata → the texts a writer stores. */
public final class BundleRenderer {
    private BundleRenderer() {}

    /**
     * @param sourcePrompt   the source's own prompt JSON text, kept as is; null to write the graph as ComfyUI would
     * @param sourceWorkflow the UI workflow text, or null
     */
    public static MetadataBundle render(ComposedMetadata m, Graph graph, String sourcePrompt, String sourceWorkflow, RenderOptions o) {
        return render(m, graph, sourcePrompt, sourceWorkflow, o, ParameterAdjustments.NONE);
    }

    /** As {@link #render(ComposedMetadata, Graph, String, String, RenderOptions)}, with the user's keys added and removed. */
    public static MetadataBundle render(ComposedMetadata m, Graph graph, String sourcePrompt, String sourceWorkflow, RenderOptions o,
                                        ParameterAdjustments adjust) {
        String parameters = ParametersRenderer.render(m, o, adjust);
        String detail = m.multi() ? SamplersDetail.text(m.samplers()) : null;
        if (sourcePrompt != null) return new MetadataBundle(parameters, sourcePrompt, sourceWorkflow, detail);
        // rendered when written or shown, not when only inspected
        return MetadataBundle.withPromptFrom(parameters, () -> ApiPromptJson.text(graph), sourceWorkflow, detail);
    }
}
