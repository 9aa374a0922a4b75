package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One value a capture rule read from a node.
 *
 * @param nodeId the node whose rule read it
 * @param heldBy the node that holds the value: {@code nodeId} for a widget value, else the constant
 *               (primitive, reroute source …) its linked input resolved to
 * @param field  what it is
 * @param value  the value (a hash field holds the hash text; a prompt the text)
 * @param group  position within the node's stack (LoRA 0, 1 …), so that names and strengths pair up
 * @param scope  where it may be used
 */
public record Captured(String nodeId, String heldBy, MetaField field, JsonNode value, int group, CaptureRule.Scope scope) {}
