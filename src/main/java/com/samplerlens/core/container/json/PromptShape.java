package com.samplerlens.core.container.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether JSON has the shape of a ComfyUI API prompt: an object of nodes with {@code class_type},
 * possibly wrapped as {@code {"prompt": {…}}}. The reader needs it to name a JSON file's text, and
 * the graph loader builds on it; it lives here, at the bottom, so that readers need no graph.
 */
public final class PromptShape {
    private PromptShape() {}

    public static boolean isApiPrompt(JsonNode root) {
        JsonNode body = unwrap(root);
        if (body == null || !body.isObject() || body.isEmpty()) return false;
        for (var it = body.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (e.getValue().isObject() && e.getValue().has("class_type")) return true;
        }
        return false;
    }

    /** The prompt inside a {@code {"prompt": {…}}} wrapper, else the root itself. */
    public static JsonNode unwrap(JsonNode root) {
        if (root == null) return null;
        JsonNode p = root.get("prompt");
        if (p != null && p.isObject() && !p.has("class_type")) return p;
        return root;
    }
}
