package com.samplerlens.core.graph;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One input of a node: either a literal value exactly as the source JSON held it (so that
 * {@code 7} and {@code 7.0} stay distinct, which Python-style rendering needs), or a link to
 * another node's output.
 */
public sealed interface InputValue permits InputValue.Literal, InputValue.Link {

    /** A literal value; the JSON node keeps the number's kind (int or float). */
    record Literal(JsonNode value) implements InputValue {}

    /** {@code [sourceId, outputIndex]}; {@link Graph} counts it as an edge only when the source exists. */
    record Link(String sourceId, int outputIndex) implements InputValue {}
}
