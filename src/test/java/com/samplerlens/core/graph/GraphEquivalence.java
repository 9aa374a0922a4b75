package com.samplerlens.core.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Compares a converted UI workflow with ComfyUI's own API prompt, node by node of the prompt. */
final class GraphEquivalence {
    private GraphEquivalence() {}

    /**
     * Prompt inputs some frontends sent for an upload button and later ones do not ("choose file
     * to upload" until 2024, then "upload", then nothing): the UI workflow cannot say which era
     * wrote the prompt, and the value ("image") carries nothing about the generation.
     */
    private static final java.util.Set<String> UPLOAD_BUTTON_INPUTS = java.util.Set.of("choose file to upload", "upload");

    /**
     * Differences for every node of {@code prompt}: missing node, other class, other link, other
     * literal.
     */
    static List<String> differences(Graph prompt, Graph converted) {
        List<String> diffs = new ArrayList<>();
        for (Node p : prompt.nodes().values()) {
            Node c = converted.node(p.id());
            if (c == null) {
                diffs.add(p.id() + " (" + p.classType() + "): missing");
                continue;
            }
            if (!p.classType().equals(c.classType())) diffs.add(p.id() + ": class " + c.classType() + " != " + p.classType());
            for (Map.Entry<String, InputValue> in : p.inputs().entrySet()) {
                if (UPLOAD_BUTTON_INPUTS.contains(in.getKey()) && !c.inputs().containsKey(in.getKey())) continue;
                InputValue got = c.inputs().get(in.getKey());
                if (!in.getValue().equals(got)) {
                    diffs.add(p.id() + " (" + p.classType() + ")." + in.getKey() + ": " + got + " != " + in.getValue());
                }
            }
        }
        return diffs;
    }
}
