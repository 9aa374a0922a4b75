package com.samplerlens.core.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.graph.NodeDefinitions.Definition;
import com.samplerlens.core.graph.NodeDefinitions.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The slots of a legacy group node (a definition under {@code extra.groupNodes}, instances typed
 * {@code workflow>NAME}), worked out as the ComfyUI frontend's group node extension built them
 * (facts read from its {@code groupNode.ts}; this is our own code):
 * <ul>
 *   <li>inner nodes in stored order, index = position; a Reroute linked on both sides inside the
 *       group, an unlinked PrimitiveNode and frontend-only nodes add nothing;</li>
 *   <li>per inner node, every widget of its class becomes a group widget (a control_after_generate
 *       value after seeds), then every non-widget input that no inner link feeds becomes a group
 *       input; widgets converted to inputs come after those of all nodes;</li>
 *   <li>an output is a group output unless an inner link uses it and it is not listed in
 *       {@code external}.</li>
 * </ul>
 * Inner links are {@code [originIndex, originSlot, targetIndex, targetSlot, …]}; a null origin is
 * a link from outside the group and counts as no inner link.
 */
record GroupNodeLayout(List<Input> inputs, List<Widget> widgets, List<Input> outputs, Map<Integer, Map<Integer, Link>> linksTo,
                       List<String> warnings) {

    /** An inner node's input or output slot. */
    record Input(int node, int slot) {}

    /** A group widget: inner node and widget name (null for a frontend-only value); groupName as the group shows it. */
    record Widget(int node, String name, String groupName) {}

    /** An inner link's origin. */
    record Link(int originNode, int originSlot) {}

    Link internalLink(int node, int slot) {
        Map<Integer, Link> to = linksTo.get(node);
        return to == null ? null : to.get(slot);
    }

    static GroupNodeLayout of(JsonNode group, NodeDefinitions defs) {
        Map<Integer, Map<Integer, Link>> linksTo = new HashMap<>();
        Set<Integer> linkedFrom = new HashSet<>();
        Set<String> linkedOutputs = new HashSet<>();
        Set<String> externallyLinked = new HashSet<>();
        for (JsonNode l : group.path("links")) {
            if (l.isArray() && l.size() >= 4 && l.get(0).isNull()) externallyLinked.add(l.get(2).asText() + ":" + l.get(3).asText());
            if (!l.isArray() || l.size() < 4 || l.get(0).isNull() || !l.get(0).canConvertToInt()) continue;
            int origin = l.get(0).asInt();
            linksTo.computeIfAbsent(l.get(2).asInt(), k -> new HashMap<>()).put(l.get(3).asInt(), new Link(origin, l.get(1).asInt()));
            linkedFrom.add(origin);
            linkedOutputs.add(origin + ":" + l.get(1).asInt());
        }
        Set<String> external = new HashSet<>();
        for (JsonNode e : group.path("external")) {
            if (e.isArray() && e.size() >= 2) external.add(e.get(0).asText() + ":" + e.get(1).asText());
        }
        List<Input> inputs = new ArrayList<>();
        List<Widget> widgets = new ArrayList<>();
        List<Input> converted = new ArrayList<>();
        List<Widget> convertedWidgets = new ArrayList<>();
        List<Input> outputs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Set<String> seenNames = new HashSet<>();
        boolean valuesReliable = true;
        JsonNode nodes = group.path("nodes");
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            String type = n.path("type").asText();
            Map<Integer, Link> to = linksTo.getOrDefault(i, Map.of());
            if (type.equals("PrimitiveNode")) {
                if (!linkedFrom.contains(i)) continue;
                widgets.add(new Widget(i, "value", uniqueName(n, "value", seenNames)));
                widgets.add(new Widget(i, null, null));
                addOutputs(i, 1, linkedOutputs, external, outputs);
                continue;
            }
            Kind kind = defs.kindOf(type);
            if (kind == Kind.REROUTE) {
                if (!to.isEmpty() && linkedFrom.contains(i) && !external.contains(i + ":0")) continue;
                if (to.isEmpty()) inputs.add(new Input(i, 0));
                addOutputs(i, 1, linkedOutputs, external, outputs);
                continue;
            }
            Definition def = defs.find(type).orElse(null);
            if (kind != Kind.NODE) continue;
            if (def == null) {
                warnings.add("no definition for " + type + " inside the group node; the group's widget values after it are not used");
                valuesReliable = false;
                continue;
            }
            JsonNode own = n.path("widgets_values");
            List<String> names = own.isArray() && !own.isEmpty() ? def.widgetsFor(own.size()) : def.widgets();
            // A widget converted to an input: older frontends listed only those among the inputs;
            // newer ones list every widget there, so only a linked one counts as converted.
            Map<String, Integer> convertedSlots = new HashMap<>();
            int s = 0;
            for (JsonNode in : n.path("inputs")) {
                JsonNode w = in.path("widget").path("name");
                boolean linked = !in.path("link").isNull() && !in.path("link").isMissingNode() || to.get(s) != null || externallyLinked.contains(i + ":" + s);
                if (w.isTextual() && w.asText().equals(in.path("name").asText()) && linked) convertedSlots.put(w.asText(), s);
                s++;
            }
            String previous = null;
            for (String name : names) {
                if (NodeDefinitions.isFrontendOnly(name)) {
                    if (previous != null && valuesReliable) widgets.add(new Widget(i, null, null));
                    continue;
                }
                previous = null;
                if (name == null) continue;
                Integer slot = convertedSlots.get(name);
                if (slot != null) {
                    if (to.get(slot) == null) {
                        converted.add(new Input(i, slot));
                        convertedWidgets.add(new Widget(i, name, uniqueName(n, name, seenNames)));
                    }
                    continue;
                }
                if (valuesReliable) widgets.add(new Widget(i, name, uniqueName(n, name, seenNames)));
                previous = name;
            }
            int socket = 0;
            for (String ignored : def.inputs().keySet()) {
                if (to.get(socket) == null) inputs.add(new Input(i, socket));
                socket++;
            }
            addOutputs(i, def.outputs().size(), linkedOutputs, external, outputs);
        }
        inputs.addAll(converted);
        if (valuesReliable) widgets.addAll(convertedWidgets);
        return new GroupNodeLayout(List.copyOf(inputs), List.copyOf(widgets), List.copyOf(outputs), linksTo, List.copyOf(warnings));
    }

    private static void addOutputs(int node, int count, Set<String> linkedOutputs, Set<String> external, List<Input> outputs) {
        for (int o = 0; o < count; o++) {
            String key = node + ":" + o;
            if (!linkedOutputs.contains(key) || external.contains(key)) outputs.add(new Input(node, o));
        }
    }

    /** The name the group shows for a widget: its own, else prefixed with the node's title when taken. */
    private static String uniqueName(JsonNode node, String name, Set<String> seen) {
        String n = seen.contains(name) ? (node.path("title").isTextual() ? node.get("title").asText() : node.path("type").asText()) + " " + name : name;
        seen.add(n);
        return n;
    }
}
