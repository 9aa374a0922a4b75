package com.samplerlens.core.trace;

import com.fasterxml.jackson.databind.JsonNode;

/** The static value of a node input: a value (literal or found through constants, reroutes, switches), or why there is none. */
public sealed interface Resolution permits Resolution.Value, Resolution.Unresolved {

    /** @param value the literal; @param sourceNodeId the node that holds it (the input's own node for a literal) */
    record Value(JsonNode value, String sourceNodeId) implements Resolution {}

    /** The value is only known when ComfyUI runs the graph; {@code note} says why. */
    record Unresolved(String note) implements Resolution {}
}
