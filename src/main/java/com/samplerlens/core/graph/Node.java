package com.samplerlens.core.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
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
 * @param runControls the frontend's {@code control_after_generate} of each literal input whose value
 *                  it changes after every queue ({@code randomize}, {@code increment},
 *                  {@code decrement}), by input name: in a saved workflow such a value is the one
 *                  the next run would use, not one that made an image. Empty for API prompts.
 */
public record Node(String id, String classType, String title, Map<String, InputValue> inputs,
                   int mode, Position position, Map<String, String> runControls) {

    public Node {
        inputs = InputMap.copyOf(inputs);
        runControls = runControls == null || runControls.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(runControls));
    }

    public Node(String id, String classType, String title, Map<String, InputValue> inputs, int mode, Position position) {
        this(id, classType, title, inputs, mode, position, Map.of());
    }

    public Optional<InputValue> input(String name) {
        return Optional.ofNullable(inputs.get(name));
    }

    /** Title if set, else the class type: what a person calls this node. */
    public String displayName() {
        return title != null && !title.isBlank() ? title : classType;
    }

    public Node withPosition(Position p) {
        return new Node(id, classType, title, inputs, mode, p, runControls);
    }

    public Node withTitle(String t) {
        return new Node(id, classType, t, inputs, mode, position, runControls);
    }

    /** The node with no run controls: its values are the ones that ran (a workflow embedded in an image at queue time). */
    public Node withoutRunControls() {
        return runControls.isEmpty() ? this : new Node(id, classType, title, inputs, mode, position, Map.of());
    }
}
