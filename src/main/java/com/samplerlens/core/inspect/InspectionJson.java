package com.samplerlens.core.inspect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.graph.NodeDefinitions;

/** The {@code inspect --json} object of one file (SPEC §5); the tracer adds its fields here. */
public final class InspectionJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final NodeDefinitions definitions;

    public InspectionJson(NodeDefinitions definitions) {
        this.definitions = definitions;
    }

    public ObjectNode of(LoadedSource source) {
        ObjectNode o = F.objectNode();
        o.put("file", source.metadata().file().toString());
        o.put("container", source.metadata().format().id());
        ArrayNode warnings = o.putArray("warnings");
        source.warnings().forEach(warnings::add);
        if (source.parameters() != null) o.put("parameters", source.parameters());
        else o.putNull("parameters");
        Graph g = source.graph();
        if (g == null) {
            o.putNull("graph");
        } else {
            ObjectNode graph = o.putObject("graph");
            graph.put("source", source.graphSource());
            graph.put("nodes", g.size());
            graph.put("links", g.edges().size());
            ArrayNode outputs = graph.putArray("output_nodes");
            for (Node n : g.nodes().values()) if (definitions.isOutputNode(n.classType())) outputs.add(n.id());
        }
        return o;
    }
}
