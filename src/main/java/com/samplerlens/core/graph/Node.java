package com.samplerlens.core.graph;

import java.util.Map;
import java.util.Optional;

/**
 * A node of the API-prompt graph the tracer works on.
 *
 * @param id        node id as ComfyUI writes it: "12", or "128:81" for a node flattened out of a subgraph
 * @param classType ComfyUI class_type, e.g. "KSamplerAdvanced"
 * @param title     display title (from the UI workflow or {@code _meta.title}); may be null
 * @param inputs    inputs in the source's order
 * @param mode      UI mode (0 normal, 2 muted, 4 bypassed); API prompts are 0
 * @param position  where the UI workflow drew it; null when unknown
 */
public record Node(String id, String classType, String title, Map<String, InputValue> inputs,
                   int mode, Position position) {

    public Node {
        inputs = InputMap.copyOf(inputs);
    }

    public Optional<InputValue> input(String name) {
        return Optional.ofNullable(inputs.get(name));
    }

    /** Title if set, else the class type: what a person calls this node. */
    public String displayName() {
        return title != null && !title.isBlank() ? title : classType;
    }

    public Node withPosition(Position p) {
        return new Node(id, classType, title, inputs, mode, p);
    }

    public Node withTitle(String t) {
        return new Node(id, classType, t, inputs, mode, position);
    }
}
