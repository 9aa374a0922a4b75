package com.samplerlens.core.graph;

import com.samplerlens.core.container.json.PromptShape;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Graph} from a ComfyUI API prompt: {@code {"<id>": {"class_type", "inputs", "_meta"}}},
 * optionally wrapped as {@code {"prompt": {...}}}. An input {@code [id, int]} is a link; every
 * other value is a literal kept exactly as written.
 */
public final class ApiPromptLoader {
    private ApiPromptLoader() {}

    /** True when the JSON looks like an API prompt (possibly wrapped). */
    public static boolean isApiPrompt(JsonNode root) {
        return PromptShape.isApiPrompt(root);
    }

    /**
     * Loads the graph. Entries that are not nodes (no {@code class_type}) are skipped and named
     * in {@code warnings}.
     */
    public static Graph load(JsonNode root, List<String> warnings) {
        JsonNode body = unwrap(root);
        if (body == null || !body.isObject()) throw new IllegalArgumentException("not a ComfyUI API prompt (expected a JSON object of nodes)");
        List<Node> nodes = new ArrayList<>();
        for (var it = body.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            JsonNode n = e.getValue();
            if (!n.isObject() || !n.path("class_type").isTextual()) {
                warnings.add("entry '" + e.getKey() + "' is not a node (no class_type); skipped");
                continue;
            }
            Map<String, InputValue> inputs = new LinkedHashMap<>();
            JsonNode in = n.path("inputs");
            if (in.isObject()) {
                for (var fit = in.properties().iterator(); fit.hasNext(); ) {
                    var f = fit.next();
                    inputs.put(f.getKey(), toInput(f.getValue()));
                }
            }
            String title = n.path("_meta").path("title").isTextual() ? n.path("_meta").path("title").asText() : null;
            nodes.add(new Node(e.getKey(), n.get("class_type").asText(), title, inputs, 0, null));
        }
        return new Graph(nodes);
    }

    /** {@code [sourceId, outputIndex]} with a string or integer id and an integer index is a link. */
    public static InputValue toInput(JsonNode v) {
        if (v.isArray() && v.size() == 2 && (v.get(0).isTextual() || v.get(0).isIntegralNumber())
                && v.get(1).isIntegralNumber() && v.get(1).canConvertToInt()) {
            return new InputValue.Link(v.get(0).asText(), v.get(1).asInt());
        }
        return new InputValue.Literal(v);
    }

    private static JsonNode unwrap(JsonNode root) {
        return PromptShape.unwrap(root);
    }
}
