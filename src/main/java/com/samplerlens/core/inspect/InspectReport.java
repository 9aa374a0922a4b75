package com.samplerlens.core.inspect;

import com.samplerlens.core.capture.ComposedMetadata;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.graph.Graph;

/** What inspecting one source yields: the graph, the composed fields and the texts that would be written. */
public record InspectReport(Graph graph, ComposedMetadata composed, MetadataBundle bundle) {}
