package com.samplerlens.core.inspect;

import com.samplerlens.core.capture.ComposedMetadata;
import com.samplerlens.core.capture.HashLookup;
import com.samplerlens.core.capture.KnownHashes;
import com.samplerlens.core.capture.MetadataComposer;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.render.BundleRenderer;

/** The headless kit: graph + source texts + options → trace, fields and the texts to write. */
public final class Inspector {

    private final MetadataComposer composer;

    public Inspector(MetadataComposer composer) {
        this.composer = composer;
    }

    public static Inspector bundled() {
        return new Inspector(MetadataComposer.bundled());
    }

    public MetadataComposer composer() { return composer; }

    public InspectReport inspect(Graph graph, SourceTexts source, InspectOptions options) {
        HashLookup hashes = KnownHashes.parse(source.parameters()).orElse(options.hashes());
        ComposedMetadata composed = composer.compose(graph, options.trace(), hashes);
        MetadataBundle bundle = BundleRenderer.render(composed, graph, source.prompt(), source.workflow(), options.render());
        return new InspectReport(graph, composed, bundle);
    }
}
