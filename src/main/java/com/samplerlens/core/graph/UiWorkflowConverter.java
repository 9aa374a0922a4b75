package com.samplerlens.core.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.samplerlens.core.graph.NodeDefinitions.Definition;
import com.samplerlens.core.graph.NodeDefinitions.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a ComfyUI UI workflow ({@code {"nodes": [...], "links": [...]}}) into the API-prompt
 * graph ComfyUI itself would queue: subgraphs flattened to {@code "<instance>:<inner>"} ids,
 * muted nodes removed, bypassed nodes passing each input through to the output of the same
 * type, reroutes / Set-Get pairs / primitive nodes resolved, and widget values named with
 * {@link NodeDefinitions}. Titles and positions stay on the nodes for drawing.
 */
public final class UiWorkflowConverter {
    private UiWorkflowConverter() {}

    /** The graph and what could not be converted exactly. */
    public record ConvertedWorkflow(Graph graph, List<String> warnings) {
        public ConvertedWorkflow {
            warnings = List.copyOf(warnings);
        }
    }

    static final int MODE_MUTED = 2;
    static final int MODE_BYPASSED = 4;
    private static final String SUBGRAPH_INPUT_ID = "-10";
    private static final String SUBGRAPH_OUTPUT_ID = "-20";
    /** The name early ComfyUI gave the boolean that preceded control_after_generate. */
    private static final String OLD_RANDOM_SEED_WIDGET = "Random seed after every gen";
    /** Keys of dict-form widgets_values that only the frontend uses (VideoHelperSuite's preview). */
    private static final Set<String> UI_ONLY_WIDGET_KEYS = Set.of("videopreview");

    /** True when the JSON looks like a UI workflow. */
    public static boolean isUiWorkflow(JsonNode root) {
        return root != null && root.isObject() && root.path("nodes").isArray();
    }

    public static ConvertedWorkflow convert(JsonNode uiWorkflow, NodeDefinitions defs) {
        if (!isUiWorkflow(uiWorkflow)) throw new IllegalArgumentException("not a ComfyUI UI workflow (no \"nodes\" list)");
        Flattener f = new Flattener(uiWorkflow, defs);
        f.flattenAll();
        return f.build();
    }

    /** Where an input's value comes from before pass-through nodes are resolved. */
    private sealed interface Source permits Out, Value {}

    private record Out(String nodeId, int slot) implements Source {}

    private record Value(JsonNode value) implements Source {}

    private record Slot(String name, String type, String widgetName, Source source) {}

    private enum Role { NODE, REROUTE, PRIMITIVE, SET, GET, UI_ONLY, SUBGRAPH_INSTANCE, SUBGRAPH_INPUTS }

    private static final class Flat {
        final String id;
        final String type;
        final int mode;
        final Role role;
        final JsonNode json;
        final List<Slot> inputs = new ArrayList<>();
        final List<String> outputTypes = new ArrayList<>();
        /** SUBGRAPH_INSTANCE: what feeds each subgraph output; SUBGRAPH_INPUTS: what feeds each subgraph input. */
        final Map<Integer, Source> passThrough = new HashMap<>();

        Flat(String id, String type, int mode, Role role, JsonNode json) {
            this.id = id;
            this.type = type;
            this.mode = mode;
            this.role = role;
            this.json = json;
        }
    }

    /** One link of a graph level, in either the array or the object form. */
    private record LinkRow(String originId, int originSlot, String targetId, int targetSlot) {
        static LinkRow of(JsonNode l) {
            if (l.isArray() && l.size() >= 5) {
                return new LinkRow(l.get(1).asText(), l.get(2).asInt(), l.get(3).asText(), l.get(4).asInt());
            }
            if (l.isObject()) {
                return new LinkRow(l.path("origin_id").asText(), l.path("origin_slot").asInt(),
                        l.path("target_id").asText(), l.path("target_slot").asInt());
            }
            return null;
        }

        static Integer idOf(JsonNode l) {
            if (l.isArray() && !l.isEmpty() && l.get(0).canConvertToInt()) return l.get(0).asInt();
            if (l.isObject() && l.path("id").canConvertToInt()) return l.get("id").asInt();
            return null;
        }
    }

    /** One graph level to expand: the top level, or a subgraph definition under an instance. */
    private record Level(String prefix, JsonNode nodes, JsonNode links, String boundaryId, Flat instance,
                         int inheritedMode, Set<String> openSubgraphs) {}

    /**
     * Ceiling on the nodes that subgraph expansion may create: a subgraph holding ten instances
     * of one holding ten more, nine levels deep, is a small file that expands to billions.
     */
    static final int MAX_EXPANDED_NODES = 200_000;

    private static final class Flattener {
        private final JsonNode root;
        private long plannedNodes;
        private boolean warnedTooLarge;
        private final NodeDefinitions defs;
        private final Map<String, JsonNode> subgraphs = new HashMap<>();
        private final LinkedHashMap<String, Flat> flats = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private final Set<String> warnedClasses = new LinkedHashSet<>();

        Flattener(JsonNode root, NodeDefinitions defs) {
            this.root = root;
            this.defs = defs;
            for (JsonNode sg : root.path("definitions").path("subgraphs")) {
                if (sg.path("id").isTextual()) subgraphs.put(sg.get("id").asText(), sg);
            }
        }

        void flattenAll() {
            Deque<Level> work = new ArrayDeque<>();
            plannedNodes = root.path("nodes").size();
            work.add(new Level("", root.path("nodes"), root.path("links"), null, null, 0, Set.of()));
            while (!work.isEmpty()) expand(work.poll(), work);
        }

        private void expand(Level level, Deque<Level> work) {
            Map<Integer, LinkRow> links = new HashMap<>();
            for (JsonNode l : level.links()) {
                Integer id = LinkRow.idOf(l);
                LinkRow row = LinkRow.of(l);
                if (id != null && row != null) links.put(id, row);
            }
            for (JsonNode n : level.nodes()) {
                if (!n.has("id") || !n.path("type").isTextual()) {
                    warnings.add("a node without id or type was skipped");
                    continue;
                }
                String id = level.prefix() + n.get("id").asText();
                String type = n.get("type").asText();
                int mode = n.path("mode").asInt(0);
                if (mode == 0) mode = level.inheritedMode();
                JsonNode sub = subgraphs.get(type);
                Role role = sub != null ? Role.SUBGRAPH_INSTANCE : roleOf(defs.kindOf(type));
                Flat flat = new Flat(id, type, mode, role, n);
                for (JsonNode in : n.path("inputs")) {
                    Source src = null;
                    if (in.path("link").canConvertToInt()) src = sourceOf(links.get(in.get("link").asInt()), level);
                    String widget = in.path("widget").path("name").isTextual() ? in.path("widget").path("name").asText() : null;
                    flat.inputs.add(new Slot(in.path("name").asText(), in.path("type").asText(), widget, src));
                }
                for (JsonNode out : n.path("outputs")) flat.outputTypes.add(out.path("type").asText());
                flats.put(id, flat);
                if (sub != null) {
                    if (level.openSubgraphs().contains(type)) {
                        warnings.add("subgraph " + type + " contains itself; node " + id + " was not expanded");
                        continue;
                    }
                    plannedNodes += sub.path("nodes").size();
                    if (plannedNodes > MAX_EXPANDED_NODES) {
                        if (!warnedTooLarge) warnings.add("subgraphs expand to more than " + MAX_EXPANDED_NODES + " nodes; node " + id + " and later subgraph instances were not expanded");
                        warnedTooLarge = true;
                        continue;
                    }
                    Set<String> open = new HashSet<>(level.openSubgraphs());
                    open.add(type);
                    addBoundary(flat, sub);
                    work.add(new Level(id + ":", sub.path("nodes"), sub.path("links"), id + ":" + SUBGRAPH_INPUT_ID, flat,
                            flat.mode, Set.copyOf(open)));
                }
            }
            if (level.instance() != null) {
                for (LinkRow row : links.values()) {
                    if (row.targetId().equals(SUBGRAPH_OUTPUT_ID)) {
                        level.instance().passThrough.put(row.targetSlot(), sourceOf(row, level));
                    }
                }
            }
        }

        /** The pseudo node whose outputs are the subgraph's inputs, fed by the instance (links or promoted widgets). */
        private void addBoundary(Flat instance, JsonNode subgraph) {
            Flat boundary = new Flat(instance.id + ":" + SUBGRAPH_INPUT_ID, "subgraph inputs", instance.mode, Role.SUBGRAPH_INPUTS, subgraph);
            JsonNode values = instance.json.path("widgets_values");
            int nextValue = 0;
            int i = 0;
            for (JsonNode sgIn : subgraph.path("inputs")) {
                String name = sgIn.path("name").asText();
                Slot slot = slotNamed(instance, name);
                if (slot != null && slot.source() != null) {
                    boundary.passThrough.put(i, slot.source());
                } else if ((slot == null || slot.widgetName() != null) && values.isArray() && nextValue < values.size()) {
                    boundary.passThrough.put(i, new Value(values.get(nextValue++)));
                }
                i++;
            }
            flats.put(boundary.id, boundary);
        }

        private static Slot slotNamed(Flat f, String name) {
            for (Slot s : f.inputs) if (s.name().equals(name)) return s;
            return null;
        }

        private Source sourceOf(LinkRow row, Level level) {
            if (row == null) return null;
            if (row.originId().equals(SUBGRAPH_INPUT_ID) && level.boundaryId() != null) return new Out(level.boundaryId(), row.originSlot());
            return new Out(level.prefix() + row.originId(), row.originSlot());
        }

        private static Role roleOf(Kind kind) {
            return switch (kind) {
                case NODE -> Role.NODE;
                case REROUTE -> Role.REROUTE;
                case PRIMITIVE -> Role.PRIMITIVE;
                case SET -> Role.SET;
                case GET -> Role.GET;
                case UI_ONLY -> Role.UI_ONLY;
            };
        }

        /** Follows pass-through nodes until a real node's output or a literal; null when nothing feeds it. */
        private Source resolve(Source start) {
            Source s = start;
            Set<Out> seen = new HashSet<>();
            while (s instanceof Out out) {
                if (!seen.add(out)) return null;
                Flat f = flats.get(out.nodeId());
                if (f == null) return null;
                if (f.mode == MODE_MUTED) return null;
                switch (f.role) {
                    case NODE -> {
                        if (f.mode != MODE_BYPASSED) return out;
                        s = bypassInput(f, out.slot());
                    }
                    case REROUTE, SET -> s = f.inputs.isEmpty() ? null : f.inputs.get(0).source();
                    case PRIMITIVE -> {
                        JsonNode v = f.json.path("widgets_values");
                        return v.isArray() && !v.isEmpty() ? new Value(v.get(0)) : null;
                    }
                    case GET -> s = setNodeInput(f);
                    case SUBGRAPH_INSTANCE -> s = f.mode == MODE_BYPASSED ? bypassInput(f, out.slot()) : f.passThrough.get(out.slot());
                    case SUBGRAPH_INPUTS -> s = f.passThrough.get(out.slot());
                    case UI_ONLY -> { return null; }
                }
            }
            return s;
        }

        /** ComfyUI's bypass: the input at the same index when its type matches, else the first input of that type. */
        private static Source bypassInput(Flat f, int slot) {
            String type = slot < f.outputTypes.size() ? f.outputTypes.get(slot) : null;
            if (type == null) return null;
            if (slot < f.inputs.size() && type.equals(f.inputs.get(slot).type())) return f.inputs.get(slot).source();
            for (Slot in : f.inputs) if (type.equals(in.type())) return in.source();
            return null;
        }

        private Source setNodeInput(Flat get) {
            String name = get.json.path("widgets_values").path(0).asText(null);
            if (name == null) return null;
            Flat fallback = null;
            for (Flat f : flats.values()) {
                if (f.role != Role.SET || !name.equals(f.json.path("widgets_values").path(0).asText(null))) continue;
                if (prefixOf(f.id).equals(prefixOf(get.id))) return f.inputs.isEmpty() ? null : f.inputs.get(0).source();
                if (fallback == null) fallback = f;
            }
            return fallback == null || fallback.inputs.isEmpty() ? null : fallback.inputs.get(0).source();
        }

        private static String prefixOf(String id) {
            int i = id.lastIndexOf(':');
            return i < 0 ? "" : id.substring(0, i + 1);
        }

        ConvertedWorkflow build() {
            List<Node> nodes = new ArrayList<>();
            for (Flat f : flats.values()) {
                if (f.role != Role.NODE || f.mode == MODE_MUTED || f.mode == MODE_BYPASSED) continue;
                Map<String, InputValue> inputs = new LinkedHashMap<>(widgetInputs(f));
                for (Slot slot : f.inputs) {
                    if (slot.source() == null) continue;
                    Source r = resolve(slot.source());
                    String name = slot.widgetName() != null ? slot.widgetName() : slot.name();
                    if (r instanceof Out o) {
                        inputs.remove(name);
                        inputs.put(name, new InputValue.Link(o.nodeId(), o.slot()));
                    } else if (r instanceof Value v) {
                        inputs.put(name, literal(f.type, name, v.value()));
                    }
                }
                String title = f.json.path("title").isTextual() ? f.json.get("title").asText() : null;
                nodes.add(new Node(f.id, f.type, title, inputs, 0, positionOf(f.json)));
            }
            if (flats.values().stream().anyMatch(f -> f.role == Role.UI_ONLY && f.type.contains("Everywhere"))) {
                warnings.add("cg-use-everywhere broadcast nodes were dropped; the inputs they feed stay unconnected");
            }
            return new ConvertedWorkflow(new Graph(nodes), warnings);
        }

        private Map<String, InputValue> widgetInputs(Flat f) {
            Map<String, InputValue> out = new LinkedHashMap<>();
            JsonNode values = f.json.path("widgets_values");
            if (values.isObject()) {
                for (var it = values.properties().iterator(); it.hasNext(); ) {
                    var e = it.next();
                    if (UI_ONLY_WIDGET_KEYS.contains(e.getKey()) || e.getValue().isObject()) continue;
                    out.put(e.getKey(), literal(f.type, e.getKey(), e.getValue()));
                }
                return out;
            }
            if (!values.isArray() || values.isEmpty()) return out;
            Definition def = defs.find(f.type).orElse(null);
            if (def == null) {
                if (warnedClasses.add(f.type)) warnings.add("no definition for " + f.type + ": its widget values are kept as widget_0, widget_1 …");
                for (int i = 0; i < values.size(); i++) out.put("widget_" + i, new InputValue.Literal(values.get(i)));
                return out;
            }
            List<String> names = def.widgetsFor(values.size());
            if (!def.knowsWidgetCount(values.size()) && values.size() > names.size() && warnedClasses.add(f.type + "#" + values.size())) {
                warnings.add(f.type + " has " + values.size() + " widget values, the definition knows " + names.size() + "; the extra ones are kept as widget_N");
            }
            for (int i = 0; i < values.size(); i++) {
                String name = i < names.size() ? names.get(i) : null;
                if (NodeDefinitions.CONTROL_AFTER_GENERATE.equals(name)) {
                    // Early ComfyUI had a boolean widget here instead, and sent it with the prompt.
                    if (values.get(i).isBoolean()) out.put(OLD_RANDOM_SEED_WIDGET, new InputValue.Literal(values.get(i)));
                    continue;
                }
                out.put(name != null ? name : "widget_" + i, literal(f.type, name, values.get(i)));
            }
            return out;
        }

        /** A widget value as ComfyUI stores it in the prompt: FLOAT widgets hold floats. */
        private InputValue literal(String classType, String name, JsonNode value) {
            boolean isFloat = name != null && defs.find(classType).map(d -> d.floatWidgets().contains(name)).orElse(false);
            if (isFloat && value.isIntegralNumber()) return new InputValue.Literal(DoubleNode.valueOf(value.doubleValue()));
            return new InputValue.Literal(value);
        }

        private static Position positionOf(JsonNode n) {
            JsonNode pos = n.path("pos");
            JsonNode size = n.path("size");
            if (pos.isMissingNode()) return null;
            return new Position(coord(pos, 0), coord(pos, 1), coord(size, 0), coord(size, 1));
        }

        private static double coord(JsonNode v, int i) {
            if (v.isArray()) return v.path(i).asDouble(0);
            if (v.isObject()) return v.path(String.valueOf(i)).asDouble(0);
            return 0;
        }
    }
}
