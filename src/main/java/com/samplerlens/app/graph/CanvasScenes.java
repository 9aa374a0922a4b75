package com.samplerlens.app.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.app.graph.CanvasScene.CanvasGroup;
import com.samplerlens.app.graph.CanvasScene.CanvasLink;
import com.samplerlens.app.graph.CanvasScene.CanvasNode;
import com.samplerlens.app.graph.CanvasScene.Kind;
import com.samplerlens.app.graph.CanvasScene.Level;
import com.samplerlens.app.graph.CanvasScene.Slot;
import com.samplerlens.app.graph.CanvasScene.Widget;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.GroupNodes;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.graph.InputValue;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.json.LenientJson;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link CanvasScene} of a document: from the UI workflow when the file has one (its
 * own positions, sizes, colours, groups, notes and subgraphs, read as ComfyUI stores them), else
 * from the traced graph laid out automatically. Widget values are taken from the traced graph
 * where it names them, so the canvas shows what the tracer read.
 */
public final class CanvasScenes {
    private CanvasScenes() {}

    /** Subgraph levels beyond this many are not built (a small file can nest instances into millions). */
    static final int MAX_LEVELS = 2_000;
    static final String DEFAULT_GROUP_COLOUR = "#3f789e";

    /** The bundled definitions, read only when a legacy group node's face needs its widget names. */
    private static final class BundledDefinitions {
        static final NodeDefinitions DEFS = NodeDefinitions.bundled();
    }

    /**
     * @param graph    the graph the tracer works on
     * @param texts    the document's metadata texts; any of them that is a UI workflow is drawn
     */
    public static CanvasScene build(Graph graph, Map<String, String> texts) {
        JsonNode workflow = uiWorkflow(texts);
        if (workflow != null && allPlaced(workflow.path("nodes"))) return fromWorkflow(workflow, graph);
        return fromGraph(graph);
    }

    private static JsonNode uiWorkflow(Map<String, String> texts) {
        List<String> candidates = new ArrayList<>();
        if (texts.containsKey("workflow")) candidates.add(texts.get("workflow"));
        for (Map.Entry<String, String> e : texts.entrySet()) if (!e.getKey().equals("workflow")) candidates.add(e.getValue());
        for (String text : candidates) {
            if (text == null || !text.stripLeading().startsWith("{")) continue;
            try {
                JsonNode json = LenientJson.parse(text);
                if (json.isObject() && json.path("nodes").isArray() && !json.path("nodes").isEmpty()) return json;
            } catch (Exception notJson) {
                // another text (the API prompt, parameters): not the workflow
            }
        }
        return null;
    }

    private static boolean allPlaced(JsonNode nodes) {
        for (JsonNode n : nodes) if (!n.path("pos").isArray() && !n.path("pos").isObject()) return false;
        return true;
    }

    // ---------------------------------------------------------------- from the UI workflow

    private static CanvasScene fromWorkflow(JsonNode root, Graph graph) {
        Map<String, JsonNode> subgraphs = new HashMap<>();
        for (JsonNode sg : root.path("definitions").path("subgraphs")) {
            if (sg.path("id").isTextual()) subgraphs.put(sg.get("id").asText(), sg);
        }
        Map<String, Level> levels = new LinkedHashMap<>();
        record Pending(String prefix, String name, String parent, JsonNode container, JsonNode definition, Set<String> open,
                       boolean groupNode) {}
        Deque<Pending> work = new ArrayDeque<>();
        work.add(new Pending("", "Workflow", null, root, null, Set.of(), false));
        while (!work.isEmpty() && levels.size() < MAX_LEVELS) {
            Pending p = work.poll();
            List<CanvasNode> nodes = new ArrayList<>();
            List<CanvasLink> links = new ArrayList<>();
            if (p.groupNode()) {
                addGroupNodeInside(p.prefix(), p.container(), graph, nodes, links);
                levels.put(p.prefix(), new Level(p.prefix(), p.name(), p.parent(), nodes, links, List.of()));
                continue;
            }
            if (p.definition() != null) addBoundaryNodes(p.prefix(), p.definition(), nodes);
            for (JsonNode n : p.container().path("nodes")) {
                if (!n.has("id") || !n.path("type").isTextual()) continue;
                String id = p.prefix() + n.get("id").asText();
                String type = n.get("type").asText();
                JsonNode sub = subgraphs.get(type);
                String groupName = sub == null ? groupNodeName(type) : null;
                JsonNode group = groupName == null ? null : root.path("extra").path("groupNodes").path(groupName);
                if (group != null && !group.path("nodes").isArray()) {
                    group = null;
                    groupName = null;
                }
                String opens = null;
                if ((sub != null || group != null) && !p.open().contains(type)) {
                    opens = id + ":";
                    Set<String> open = new HashSet<>(p.open());
                    open.add(type);
                    String name = sub != null ? sub.path("name").asText("Subgraph") : groupName;
                    work.add(new Pending(opens, titleOf(n, name), p.prefix(), sub != null ? sub : group, sub, Set.copyOf(open), group != null));
                }
                nodes.add(workflowNode(n, id, type, sub, group, groupName, opens, graph));
            }
            for (JsonNode l : p.container().path("links")) {
                CanvasLink link = link(l, p.prefix());
                if (link != null) links.add(link);
            }
            List<CanvasGroup> groups = new ArrayList<>();
            for (JsonNode g : p.container().path("groups")) {
                JsonNode b = g.path("bounding");
                if (!b.isArray() || b.size() < 4) continue;
                groups.add(new CanvasGroup(g.path("title").asText(""), b.get(0).asDouble(), b.get(1).asDouble(),
                        b.get(2).asDouble(), b.get(3).asDouble(), g.path("color").asText(DEFAULT_GROUP_COLOUR),
                        g.path("font_size").asDouble(24)));
            }
            levels.put(p.prefix(), new Level(p.prefix(), p.name(), p.parent(), nodes, links, groups));
        }
        return new CanvasScene(levels, true);
    }

    private static String titleOf(JsonNode n, String fallback) {
        return n.path("title").isTextual() && !n.get("title").asText().isBlank() ? n.get("title").asText() : fallback;
    }

    /** The group's name in a legacy group node's type ("workflow>NAME", older "workflow/NAME"); null for other types. */
    static String groupNodeName(String type) {
        String prefix = "workflow";
        if (!type.startsWith(prefix) || type.length() <= prefix.length() + 1) return null;
        char sep = type.charAt(prefix.length());
        return sep == '>' || sep == '/' ? type.substring(prefix.length() + 1) : null;
    }

    /**
     * The inside of a legacy group node: its inner nodes where the group stored them, ids
     * {@code <instance>:<index>} as the tracer names them, and the links between them. The group
     * stores inner links as {@code [originIndex, originSlot, targetIndex, targetSlot, id, type]},
     * a null origin for a link from outside; such an input is drawn linked, as it is.
     */
    private static void addGroupNodeInside(String prefix, JsonNode group, Graph graph, List<CanvasNode> nodes, List<CanvasLink> links) {
        Set<String> linkedInputs = new HashSet<>();
        Set<String> linkedOutputs = new HashSet<>();
        for (JsonNode l : group.path("links")) {
            if (!l.isArray() || l.size() < 4) continue;
            linkedInputs.add(l.get(2).asText() + ":" + l.get(3).asText());
            if (l.get(0).isNull()) continue;
            linkedOutputs.add(l.get(0).asText() + ":" + l.get(1).asText());
            links.add(new CanvasLink(prefix + l.get(0).asText(), l.get(1).asInt(), prefix + l.get(2).asText(), l.get(3).asInt(),
                    l.size() > 5 ? l.get(5).asText("") : ""));
        }
        for (JsonNode e : group.path("external")) {
            if (e.isArray() && e.size() >= 2 && e.get(0).isObject()) linkedOutputs.add(e.get(0).path("index").asText() + ":" + e.get(1).asText());
        }
        JsonNode inner = group.path("nodes");
        for (int i = 0; i < inner.size(); i++) {
            JsonNode n = inner.get(i);
            if (!n.path("type").isTextual()) continue;
            // the group's copy of a node keeps no link ids: mark the slots the group's links use
            com.fasterxml.jackson.databind.node.ObjectNode copy = n.deepCopy();
            int slot = 0;
            for (JsonNode in : copy.path("inputs")) {
                if (in.isObject() && linkedInputs.contains(i + ":" + slot)) ((com.fasterxml.jackson.databind.node.ObjectNode) in).put("link", 1);
                slot++;
            }
            slot = 0;
            for (JsonNode out : copy.path("outputs")) {
                if (out.isObject() && linkedOutputs.contains(i + ":" + slot)) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) out).putArray("links").add(1);
                }
                slot++;
            }
            nodes.add(workflowNode(copy, prefix + i, n.get("type").asText(), null, null, null, null, graph));
        }
    }

    private static CanvasNode workflowNode(JsonNode n, String id, String type, JsonNode sub, JsonNode group, String groupName, String opens,
                                           Graph graph) {
        double[] pos = pair(n.path("pos"));
        double[] size = pair(n.path("size"));
        boolean collapsed = n.path("flags").path("collapsed").asBoolean(false);
        Node traced = graph.node(id);
        String title = titleOf(n, sub != null ? sub.path("name").asText(type) : groupName != null ? groupName
                : traced != null ? traced.displayName() : type);
        Kind kind = sub != null || groupName != null ? Kind.SUBGRAPH
                : type.equals("Note") || type.equals("MarkdownNote") ? Kind.NOTE
                : type.equals("Reroute") ? Kind.REROUTE : Kind.NODE;
        List<Slot> inputs = new ArrayList<>();
        Set<String> linkedNames = new HashSet<>();
        int i = 0;
        for (JsonNode in : n.path("inputs")) {
            boolean linked = in.path("link").canConvertToInt();
            String name = in.path("label").isTextual() ? in.get("label").asText() : in.path("name").asText();
            if (linked) linkedNames.add(in.path("widget").path("name").asText(in.path("name").asText()));
            if (linked || !in.has("widget")) inputs.add(new Slot(name, in.path("type").asText(""), i, linked));
            i++;
        }
        List<Slot> outputs = new ArrayList<>();
        i = 0;
        for (JsonNode out : n.path("outputs")) {
            String name = out.path("label").isTextual() ? out.get("label").asText() : out.path("name").asText();
            outputs.add(new Slot(name, out.path("type").asText(""), i, out.path("links").isArray() && !out.path("links").isEmpty()));
            i++;
        }
        String text = null;
        List<Widget> widgets = new ArrayList<>();
        JsonNode values = n.path("widgets_values");
        if (kind == Kind.NOTE) {
            text = values.isArray() && !values.isEmpty() ? values.get(0).asText("") : "";
        } else if (traced != null && kind == Kind.NODE) {
            for (Map.Entry<String, InputValue> e : traced.inputs().entrySet()) {
                if (e.getValue() instanceof InputValue.Literal lit && !linkedNames.contains(e.getKey())) {
                    Widget w = widget(e.getKey(), lit.value());
                    if (w != null) widgets.add(w);
                }
            }
        } else if (values.isObject()) {
            for (var it = values.properties().iterator(); it.hasNext(); ) {
                var e = it.next();
                Widget w = widget(e.getKey(), e.getValue());
                if (w != null) widgets.add(w);
            }
        } else if (values.isArray()) {
            List<String> names = new ArrayList<>();
            if (sub != null) for (JsonNode w : sub.path("widgets")) names.add(w.path("name").asText(""));
            if (group != null) names.addAll(GroupNodes.widgetNames(group, BundledDefinitions.DEFS));
            int k = 0;
            for (JsonNode v : values) {
                // a value the group keeps for the frontend (a seed's control_after_generate) is not a widget of its face
                if (group != null && k < names.size() && names.get(k) == null) {
                    k++;
                    continue;
                }
                Widget w = widget(k < names.size() ? names.get(k) : "", v);
                if (w != null) widgets.add(w);
                k++;
            }
        }
        double width = size[0] > 1 ? size[0] : 200;
        double body = collapsed ? 0 : Math.max(size[1], kind == Kind.REROUTE ? 26 : 0);
        if (collapsed) width = Math.max(80, title.length() * 8.5 + 40);
        return new CanvasNode(id, kind, sub != null ? sub.path("name").asText(type) : groupName != null ? groupName : type, title, pos[0], pos[1], width, body,
                collapsed, textOrNull(n.path("color")), textOrNull(n.path("bgcolor")), n.path("mode").asInt(0),
                inputs, outputs, widgets, text, opens);
    }

    /** A subgraph's input and output pseudo nodes, where the definition placed them. */
    private static void addBoundaryNodes(String prefix, JsonNode def, List<CanvasNode> nodes) {
        addBoundaryNode(prefix + "-10", Kind.SUBGRAPH_INPUTS, "Inputs", def.path("inputNode"), def.path("inputs"), nodes);
        addBoundaryNode(prefix + "-20", Kind.SUBGRAPH_OUTPUTS, "Outputs", def.path("outputNode"), def.path("outputs"), nodes);
    }

    /** The Inputs node shows the subgraph's inputs as its output slots, the Outputs node its outputs as input slots. */
    private static void addBoundaryNode(String id, Kind kind, String title, JsonNode boundary, JsonNode ports, List<CanvasNode> nodes) {
        JsonNode b = boundary.path("bounding");
        if (!b.isArray() || b.size() < 4) return;
        List<Slot> slots = new ArrayList<>();
        int i = 0;
        for (JsonNode s : ports) slots.add(new Slot(s.path("label").asText(s.path("name").asText()), s.path("type").asText(""), i++, true));
        boolean inputs = kind == Kind.SUBGRAPH_INPUTS;
        nodes.add(new CanvasNode(id, kind, title, title, b.get(0).asDouble(), b.get(1).asDouble(),
                b.get(2).asDouble(), Math.max(b.get(3).asDouble(), (slots.size() + 0.5) * CanvasScene.SLOT_HEIGHT), false, null, null, 0,
                inputs ? List.of() : slots, inputs ? slots : List.of(), List.of(), null, null));
    }

    private static CanvasLink link(JsonNode l, String prefix) {
        if (l.isArray() && l.size() >= 5) {
            return new CanvasLink(prefix + l.get(1).asText(), l.get(2).asInt(), prefix + l.get(3).asText(), l.get(4).asInt(),
                    l.size() > 5 ? l.get(5).asText("") : "");
        }
        if (l.isObject() && l.has("origin_id") && l.has("target_id")) {
            return new CanvasLink(prefix + l.get("origin_id").asText(), l.path("origin_slot").asInt(),
                    prefix + l.get("target_id").asText(), l.path("target_slot").asInt(), l.path("type").asText(""));
        }
        return null;
    }

    private static String textOrNull(JsonNode v) {
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static double[] pair(JsonNode v) {
        if (v.isArray()) return new double[] {v.path(0).asDouble(0), v.path(1).asDouble(0)};
        if (v.isObject()) return new double[] {v.path("0").asDouble(0), v.path("1").asDouble(0)};
        return new double[] {0, 0};
    }

    /** A widget as ComfyUI shows it; null for values it does not show as a widget (objects, lists, nulls). */
    static Widget widget(String name, JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode() || v.isContainerNode()) return null;
        String value;
        if (v.isTextual()) value = v.asText();
        else if (v.isIntegralNumber()) value = v.asText();
        else if (v.isNumber()) value = shortNumber(v.doubleValue());
        else value = v.asText();
        boolean multiline = v.isTextual() && (value.contains("\n") || value.length() > 60
                || name.equals("text") || name.endsWith("prompt") || name.equals("positive") || name.equals("negative"));
        return new Widget(name, value, multiline);
    }

    /** A float as ComfyUI's number widget shows it: at most three decimals, no trailing zeros. */
    static String shortNumber(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return Double.toString(d);
        if (d != 0 && Math.abs(d) < 0.001) return Double.toString(d);
        return new BigDecimal(d).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    // ---------------------------------------------------------------- from the graph alone

    /** An API prompt has no positions: ComfyUI-sized nodes placed by {@link GraphLayouter}. */
    private static CanvasScene fromGraph(Graph graph) {
        if (graph == null || graph.size() == 0) return CanvasScene.EMPTY;
        Map<String, Integer> outputCount = new HashMap<>();
        Map<String, Map<Integer, String>> outputTypes = new HashMap<>();
        List<CanvasLink> links = new ArrayList<>();
        Map<String, List<Slot>> inputs = new HashMap<>();
        for (Node n : graph.nodes().values()) {
            List<Slot> slots = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, InputValue> e : n.inputs().entrySet()) {
                if (e.getValue() instanceof InputValue.Link link && graph.contains(link.sourceId())) {
                    String type = typeOfInput(e.getKey());
                    slots.add(new Slot(e.getKey(), type, i, true));
                    links.add(new CanvasLink(link.sourceId(), link.outputIndex(), n.id(), i, type));
                    outputCount.merge(link.sourceId(), link.outputIndex() + 1, Math::max);
                    outputTypes.computeIfAbsent(link.sourceId(), k -> new HashMap<>()).putIfAbsent(link.outputIndex(), type);
                    i++;
                }
            }
            inputs.put(n.id(), slots);
        }
        Map<String, double[]> sizes = new LinkedHashMap<>();
        Map<String, List<Widget>> widgets = new HashMap<>();
        Map<String, List<Slot>> outputs = new HashMap<>();
        for (Node n : graph.nodes().values()) {
            List<Widget> ws = new ArrayList<>();
            for (Map.Entry<String, InputValue> e : n.inputs().entrySet()) {
                if (e.getValue() instanceof InputValue.Literal lit) {
                    Widget w = widget(e.getKey(), lit.value());
                    if (w != null) ws.add(w);
                }
            }
            widgets.put(n.id(), ws);
            List<Slot> outs = new ArrayList<>();
            Map<Integer, String> types = outputTypes.getOrDefault(n.id(), Map.of());
            for (int o = 0; o < outputCount.getOrDefault(n.id(), 0); o++) {
                String type = types.getOrDefault(o, "");
                outs.add(new Slot(type.isEmpty() ? "output " + o : type, type, o, types.containsKey(o)));
            }
            outputs.put(n.id(), outs);
            double rows = Math.max(inputs.get(n.id()).size(), outs.size());
            double body = rows * CanvasScene.SLOT_HEIGHT + 6;
            for (Widget w : ws) body += w.multiline() ? 84 : CanvasScene.WIDGET_HEIGHT + 4;
            double width = Math.clamp(n.displayName().length() * 8.5 + 50, 240, 420);
            sizes.put(n.id(), new double[] {width, Math.max(body + 6, 30)});
        }
        Map<String, double[]> placed = GraphLayouter.place(graph, sizes, CanvasScene.TITLE_HEIGHT);
        List<CanvasNode> nodes = new ArrayList<>();
        for (Node n : graph.nodes().values()) {
            double[] p = placed.get(n.id());
            double[] s = sizes.get(n.id());
            nodes.add(new CanvasNode(n.id(), Kind.NODE, n.classType(), n.displayName(), p[0], p[1] + CanvasScene.TITLE_HEIGHT, s[0], s[1],
                    false, null, null, 0, inputs.get(n.id()), outputs.get(n.id()), widgets.get(n.id()), null, null));
        }
        return new CanvasScene(Map.of("", new Level("", "Prompt", null, nodes, links, List.of())), false);
    }

    /** An API prompt names inputs, not types: the ComfyUI type of the common input names, for the link colour. */
    static String typeOfInput(String name) {
        return switch (name) {
            case "model" -> "MODEL";
            case "clip" -> "CLIP";
            case "vae" -> "VAE";
            case "positive", "negative", "conditioning", "conditioning_1", "conditioning_2", "conditioning_to", "conditioning_from" -> "CONDITIONING";
            case "latent_image", "samples", "latent", "samples1", "samples2" -> "LATENT";
            case "image", "images", "pixels" -> "IMAGE";
            case "mask" -> "MASK";
            case "control_net" -> "CONTROL_NET";
            case "clip_vision", "clip_vision_output" -> "CLIP_VISION";
            case "noise" -> "NOISE";
            case "guider" -> "GUIDER";
            case "sampler" -> "SAMPLER";
            case "sigmas" -> "SIGMAS";
            default -> "";
        };
    }
}
