package com.samplerlens.core.inspect;

import com.samplerlens.core.capture.ComposedMetadata;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.render.NodeCaptures;
import com.samplerlens.core.render.RenderOptions;

/** What inspecting one source yields: the graph, the composed fields and the texts that would be written. */
public record InspectReport(Graph graph, ComposedMetadata composed, MetadataBundle bundle) {

    /**
     * Which keys of the parameters text each node's values went to. A report with edits applied lists the
     * edited values on the nodes they were traced from: ask the traced report to see what the nodes gave.
     */
    public NodeCaptures nodeCaptures(RenderOptions options) {
        return NodeCaptures.of(composed, options);
    }
}
