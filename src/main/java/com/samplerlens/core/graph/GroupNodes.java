package com.samplerlens.core.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a legacy group node (instances typed {@code workflow>NAME}) shows on its face. An instance
 * stores only a flat {@code widgets_values} array; the names of those values follow from the
 * group's definition as {@link GroupNodeLayout} works it out, so a viewer can draw "noise_seed 123"
 * rather than a bare number.
 */
public final class GroupNodes {
    private GroupNodes() {}

    /**
     * The name of each value of a group node instance's {@code widgets_values}, index for index:
     * the widget's name as the group shows it (prefixed with the inner node's title when two inner
     * nodes share a name), or null for a value the frontend keeps for itself (the
     * control_after_generate after a seed), which a viewer leaves out.
     *
     * @param group the definition under {@code extra.groupNodes}
     * @param defs  node definitions, to know each inner class's widgets
     */
    public static List<String> widgetNames(JsonNode group, NodeDefinitions defs) {
        if (group == null || !group.path("nodes").isArray()) return List.of();
        List<String> names = new ArrayList<>();
        for (GroupNodeLayout.Widget w : GroupNodeLayout.of(group, defs).widgets()) names.add(w.name() == null ? null : w.groupName());
        return Collections.unmodifiableList(names);
    }
}
