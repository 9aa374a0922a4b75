package com.samplerlens.core.edit;

import com.samplerlens.core.capture.ComposedMetadata;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.render.BundleRenderer;
import com.samplerlens.core.render.ParameterAdjustments;
import com.samplerlens.core.render.ParametersRenderer;
import com.samplerlens.core.render.RenderOptions;
import java.util.List;

/**
 * The traced metadata with the edits applied: edited fields, the user's keys and removed keys,
 * and warnings about edits that did not fit this file (e.g. a {@code Sampler_3} edit on a file
 * with two samplers).
 */
public record EditedMetadata(ComposedMetadata composed, ParameterAdjustments adjustments, List<String> warnings) {

    public EditedMetadata {
        warnings = List.copyOf(warnings);
    }

    public String parameters(RenderOptions options) {
        return ParametersRenderer.render(composed, options, adjustments);
    }

    /**
     * The texts to write: edited parameters and {@code Samplers detail}, the prompt and workflow of
     * the traced bundle unchanged.
     */
    public MetadataBundle bundle(Graph graph, MetadataBundle traced, RenderOptions options) {
        return BundleRenderer.render(composed, graph, traced.prompt(), traced.workflow(), options, adjustments);
    }
}
