package com.samplerlens.core.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.InputValue;
import com.samplerlens.core.graph.Node;

/** A graph as ComfyUI stores its API prompt: {@code {"id": {"inputs", "class_type", "_meta"}}} through json.dumps. */
public final class ApiPromptJson {
    private ApiPromptJson() {}

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public static ObjectNode toJson(Graph graph) {
        ObjectNode root = JSON.objectNode();
        for (Node n : graph.nodes().values()) {
            ObjectNode node = root.putObject(n.id());
            ObjectNode inputs = node.putObject("inputs");
            for (var e : n.inputs().entrySet()) {
                if (e.getValue() instanceof InputValue.Literal l) inputs.set(e.getKey(), l.value());
                else if (e.getValue() instanceof InputValue.Link k) inputs.putArray(e.getKey()).add(k.sourceId()).add(k.outputIndex());
            }
            node.put("class_type", n.classType());
            if (n.title() != null) node.putObject("_meta").put("title", n.title());
        }
        return root;
    }

    /** {@code json.dumps(prompt)}: default separators, ASCII escapes. */
    public static String text(Graph graph) {
        return PyJson.dumps(toJson(graph));
    }
}
