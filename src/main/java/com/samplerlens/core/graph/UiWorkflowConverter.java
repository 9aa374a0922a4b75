package com.samplerlens.core.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.samplerlens.core.container.json.JsonShape;
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
 * graph ComfyUI itself would queue: subgraphs and legacy group nodes flattened to
 * {@code "<instance>:<inner>"} ids, muted nodes removed, bypassed nodes passing each input
 * through to the output of the same type, reroutes / Set-Get pairs / primitive nodes resolved,
 * and widget values named with {@link NodeDefinitions}. Titles and positions stay on the nodes
 * for drawing.
 *
 * <p>Expansion is bounded: every node and link a subgraph or group node instance adds is
 * charged to one budget ({@link #MAX_EXPANDED_ELEMENTS}), nesting stops at {@link #MAX_NESTING}
 * levels, and a subgraph that contains itself is not expanded. Each definition's links are
 * parsed once, so the work is linear in the expanded size.
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
    /** Values of the control_after_generate widget. */
    private static final Set<String> CONTROL_VALUES = Set.of("fixed", "randomize", "increment", "decrement");
    /** The control_after_generate values that change the widget after every queue (all but "fixed"). */
    private static final Set<String> CHANGING_CONTROLS = Set.of("randomize", "increment", "decrement");
    /** Legacy group node types: {@code workflow>NAME} (frontend 1.2.63 on) or {@code workflow/NAME}. */
    private static final String GROUP_NODE_PREFIX = "workflow";

    /**
     * Ceiling on the nodes plus links that subgraph and group node expansion may create: a
     * subgraph holding ten instances of one holding ten more, nine levels deep, is a small file
     * that expands to billions; so is one instance of a 100,000-link subgraph used 1,000 times.
     */
    static final int MAX_EXPANDED_ELEMENTS = 200_000;
    /** Nesting depth at which subgraph expansion stops: ids grow with depth ({@code a:b:c:…}). */
    static final int MAX_NESTING = 64;

    /** True when the JSON looks like a UI workflow. */
    public static boolean isUiWorkflow(JsonNode root) {
        return JsonShape.isUiWorkflow(root);
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

    /** A literal; {@code control} is the control_after_generate that changes it after every queue, or null. */
    private record Value(JsonNode value, String control) implements Source {
        Value(JsonNode value) {
            this(value, null);
        }
    }

    /** Memo entry for a pass-through chain that leads nowhere. */
    private static final Source NOTHING = new Value(null);

    private record Slot(String name, String type, String widgetName, Source source) {}

    private enum Role { NODE, REROUTE, PRIMITIVE, SET, GET, UI_ONLY, SUBGRAPH_INSTANCE, SUBGRAPH_INPUTS, GROUP_INSTANCE }

    private static final class Flat {
        final String id;
        final String type;
        final int mode;
        final Role role;
        final JsonNode json;
        final List<Slot> inputs = new ArrayList<>();
        final List<String> outputTypes = new ArrayList<>();
        /** SUBGRAPH_INSTANCE / GROUP_INSTANCE: what feeds each output; SUBGRAPH_INPUTS: what feeds each subgraph input. */
        final Map<Integer, Source> passThrough = new HashMap<>();
        /** Widget values set from outside the node: a group node's widgets, a legacy promoted widget. */
        Map<String, JsonNode> widgetOverrides = Map.of();

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

        static Map<Integer, LinkRow> parse(JsonNode links) {
            Map<Integer, LinkRow> rows = new HashMap<>();
            for (JsonNode l : links) {
                Integer id = idOf(l);
                LinkRow row = of(l);
                if (id != null && row != null) rows.put(id, row);
            }
            return rows;
        }
    }

    /** A subgraph definition with its links parsed once, however many instances it has. */
    private static final class SubgraphDef {
        final String id;
        final JsonNode json;
        private Map<Integer, LinkRow> links;
        private Map<String, JsonNode> nodesById;

        SubgraphDef(String id, JsonNode json) {
            this.id = id;
            this.json = json;
        }

        JsonNode nodes() { return json.path("nodes"); }

        Map<Integer, LinkRow> links() {
            if (links == null) links = LinkRow.parse(json.path("links"));
            return links;
        }

        JsonNode node(String id) {
            if (nodesById == null) {
                nodesById = new HashMap<>();
                for (JsonNode n : nodes()) if (n.has("id")) nodesById.put(n.get("id").asText(), n);
            }
            return nodesById.get(id);
        }

        long size() { return (long) nodes().size() + json.path("links").size(); }
    }

    /** One graph level to expand: the top level, or a subgraph definition under an instance. */
    private record Level(String prefix, JsonNode nodes, Map<Integer, LinkRow> links, String boundaryId, Flat instance,
                         int inheritedMode, int depth) {}

    private static final class Flattener {
        private final JsonNode root;
        private final NodeDefinitions defs;
        private final Map<String, SubgraphDef> subgraphs = new LinkedHashMap<>();
        private final Set<String> selfContaining;
        private final LinkedHashMap<String, Flat> flats = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private final Set<String> warnedKeys = new LinkedHashSet<>();
        /** Widget values to lay on nodes not created yet (legacy promoted widgets of inner nodes). */
        private final Map<String, Map<String, JsonNode>> pendingOverrides = new HashMap<>();
        private final Map<Out, Source> resolved = new HashMap<>();
        private Map<String, List<Flat>> setNodesByName;
        private long budget = MAX_EXPANDED_ELEMENTS;
        private boolean budgetExhausted;

        Flattener(JsonNode root, NodeDefinitions defs) {
            this.root = root;
            this.defs = defs;
            for (JsonNode sg : root.path("definitions").path("subgraphs")) {
                if (sg.path("id").isTextual()) subgraphs.put(sg.get("id").asText(), new SubgraphDef(sg.get("id").asText(), sg));
            }
            selfContaining = SubgraphCycles.find(subgraphs.keySet(), id -> typesIn(subgraphs.get(id).nodes()));
        }

        private static List<String> typesIn(JsonNode nodes) {
            List<String> types = new ArrayList<>();
            for (JsonNode n : nodes) if (n.path("type").isTextual()) types.add(n.get("type").asText());
            return types;
        }

        private void warnOnce(String key, String message) {
            if (warnedKeys.add(key)) warnings.add(message);
        }

        /** Charges an expansion to the budget; false (with one warning) when it does not fit. */
        private boolean charge(long size, String instanceId) {
            if (!budgetExhausted && size <= budget) {
                budget -= size;
                return true;
            }
            if (!budgetExhausted) {
                warnings.add("subgraphs and group nodes expand to more than " + MAX_EXPANDED_ELEMENTS
                        + " nodes and links; node " + instanceId + " and later instances were not expanded");
            }
            budgetExhausted = true;
            return false;
        }

        void flattenAll() {
            Deque<Level> work = new ArrayDeque<>();
            work.add(new Level("", root.path("nodes"), LinkRow.parse(root.path("links")), null, null, 0, 0));
            while (!work.isEmpty()) expand(work.poll(), work);
        }

        private void expand(Level level, Deque<Level> work) {
            for (JsonNode n : level.nodes()) {
                if (!n.has("id") || !n.path("type").isTextual()) {
                    warnOnce("no-id", "a node without id or type was skipped");
                    continue;
                }
                String id = level.prefix() + n.get("id").asText();
                String type = n.get("type").asText();
                int mode = n.path("mode").asInt(0);
                if (mode == 0) mode = level.inheritedMode();
                SubgraphDef sub = subgraphs.get(type);
                JsonNode group = sub == null ? groupNodeDefinition(type) : null;
                Role role = sub != null ? Role.SUBGRAPH_INSTANCE : group != null ? Role.GROUP_INSTANCE : roleOf(defs.kindOf(type));
                Flat flat = addFlat(id, type, mode, role, n, level.links(), level);
                if (sub != null) {
                    if (selfContaining.contains(type)) {
                        warnOnce("cycle:" + type, "subgraph " + type + " contains itself; its instances were not expanded");
                    } else if (level.depth() + 1 > MAX_NESTING) {
                        warnOnce("depth", "subgraphs nest deeper than " + MAX_NESTING + " levels; node " + id + " and deeper ones were not expanded");
                    } else if (charge(sub.size(), id)) {
                        addBoundary(flat, sub);
                        work.add(new Level(id + ":", sub.nodes(), sub.links(), id + ":" + SUBGRAPH_INPUT_ID, flat, flat.mode, level.depth() + 1));
                    }
                } else if (group != null) {
                    if (charge((long) group.path("nodes").size() + group.path("links").size(), id)) expandGroupNode(flat, group);
                }
            }
            if (level.instance() != null) {
                for (LinkRow row : level.links().values()) {
                    if (row.targetId().equals(SUBGRAPH_OUTPUT_ID)) {
                        level.instance().passThrough.put(row.targetSlot(), sourceOf(row, level));
                    }
                }
            }
        }

        private Flat addFlat(String id, String type, int mode, Role role, JsonNode n, Map<Integer, LinkRow> links, Level level) {
            Flat flat = new Flat(id, type, mode, role, n);
            for (JsonNode in : n.path("inputs")) {
                Source src = null;
                if (in.path("link").canConvertToInt() && links != null) src = sourceOf(links.get(in.get("link").asInt()), level);
                flat.inputs.add(new Slot(in.path("name").asText(), in.path("type").asText(), widgetNameOf(in), src));
            }
            for (JsonNode out : n.path("outputs")) flat.outputTypes.add(out.path("type").asText());
            Map<String, JsonNode> pending = pendingOverrides.remove(id);
            if (pending != null) flat.widgetOverrides = pending;
            flats.put(id, flat);
            return flat;
        }

        private static String widgetNameOf(JsonNode input) {
            JsonNode w = input.path("widget").path("name");
            return w.isTextual() ? w.asText() : null;
        }

        private JsonNode groupNodeDefinition(String type) {
            if (!type.startsWith(GROUP_NODE_PREFIX) || type.length() <= GROUP_NODE_PREFIX.length() + 1) return null;
            char sep = type.charAt(GROUP_NODE_PREFIX.length());
            if (sep != '>' && sep != '/') return null;
            JsonNode g = root.path("extra").path("groupNodes").path(type.substring(GROUP_NODE_PREFIX.length() + 1));
            return g.isObject() && g.path("nodes").isArray() ? g : null;
        }

        /**
         * The pseudo node whose outputs are the subgraph's inputs. Each is fed by the instance's
         * link into the input of that name, else by the instance's promoted widget value, mapped
         * as the ComfyUI frontend maps {@code widgets_values}: with a legacy
         * {@code properties.proxyWidgets} list, value k belongs to entry k ({@code ["-1", input]}
         * or {@code [innerNode, widget]}); otherwise there is one value per promoted input (an
         * input wired to an inner widget) in input order, plus, in files longer than that, a
         * control_after_generate value after each input whose inner widget has one.
         */
        private void addBoundary(Flat instance, SubgraphDef sub) {
            Flat boundary = new Flat(instance.id + ":" + SUBGRAPH_INPUT_ID, "subgraph inputs", instance.mode, Role.SUBGRAPH_INPUTS, sub.json);
            List<JsonNode> sgInputs = new ArrayList<>();
            sub.json.path("inputs").forEach(sgInputs::add);
            Map<Integer, JsonNode> promotedValues = new HashMap<>();
            Map<Integer, String> promotedControls = new HashMap<>();
            JsonNode values = instance.json.path("widgets_values");
            JsonNode proxies = instance.json.path("properties").path("proxyWidgets");
            if (values.isArray() && proxies.isArray() && !proxies.isEmpty()) {
                for (int k = 0; k < proxies.size() && k < values.size(); k++) {
                    JsonNode entry = proxies.get(k);
                    JsonNode value = values.get(k);
                    if (!entry.isArray() || entry.size() < 2 || value == null || value.isNull()) continue;
                    String source = entry.get(0).asText();
                    String widget = stripLegacyPrefixes(entry.get(1).asText());
                    int input = source.equals("-1") ? indexOfInput(sgInputs, widget) : inputFeeding(sub, source, widget);
                    if (input >= 0) {
                        promotedValues.put(input, value);
                    } else if (!source.equals("-1") && sub.node(source) != null && !NodeDefinitions.isFrontendOnly(widget)) {
                        pendingOverrides.computeIfAbsent(instance.id + ":" + source, x -> new HashMap<>()).put(widget, value);
                    }
                }
            } else if (values.isArray()) {
                List<Integer> promoted = new ArrayList<>();
                List<Boolean> controlAfter = new ArrayList<>();
                for (int i = 0; i < sgInputs.size(); i++) {
                    Slot outer = slotNamed(instance, sgInputs.get(i).path("name").asText());
                    String[] inner = innerWidget(sub, sgInputs.get(i));
                    if (inner != null || (outer != null && outer.widgetName() != null)) {
                        promoted.add(i);
                        controlAfter.add(inner != null && defs.find(inner[0]).map(d -> d.hasControlAfter(inner[1])).orElse(false));
                    }
                }
                boolean controlSlots = values.size() > promoted.size();
                int v = 0;
                for (int p = 0; p < promoted.size() && v < values.size(); p++) {
                    promotedValues.put(promoted.get(p), values.get(v++));
                    if (controlSlots && controlAfter.get(p)) {
                        String control = changingControl(values.path(v++));
                        if (control != null) promotedControls.put(promoted.get(p), control);
                    }
                }
            }
            for (int i = 0; i < sgInputs.size(); i++) {
                Slot outer = slotNamed(instance, sgInputs.get(i).path("name").asText());
                if (outer != null && outer.source() != null) {
                    boundary.passThrough.put(i, outer.source());
                } else if (promotedValues.get(i) != null && !promotedValues.get(i).isNull()) {
                    boundary.passThrough.put(i, new Value(promotedValues.get(i), promotedControls.get(i)));
                }
            }
            flats.put(boundary.id, boundary);
        }

        /** The frontend once prefixed promoted names with the nested node id ("12: seed"). */
        private static String stripLegacyPrefixes(String name) {
            String s = name;
            while (true) {
                int colon = s.indexOf(':');
                if (colon <= 0 || !s.substring(0, colon).strip().chars().allMatch(Character::isDigit)) return s.strip();
                s = s.substring(colon + 1);
            }
        }

        private static int indexOfInput(List<JsonNode> sgInputs, String name) {
            for (int i = 0; i < sgInputs.size(); i++) if (sgInputs.get(i).path("name").asText().equals(name)) return i;
            return -1;
        }

        /** The subgraph input wired to widget {@code widget} of inner node {@code nodeId}, or -1. */
        private static int inputFeeding(SubgraphDef sub, String nodeId, String widget) {
            JsonNode node = sub.node(nodeId);
            if (node == null) return -1;
            for (JsonNode in : node.path("inputs")) {
                if (!widget.equals(widgetNameOf(in)) && !widget.equals(in.path("name").asText())) continue;
                if (!in.path("link").canConvertToInt()) return -1;
                LinkRow row = sub.links().get(in.get("link").asInt());
                return row != null && row.originId().equals(SUBGRAPH_INPUT_ID) ? row.originSlot() : -1;
            }
            return -1;
        }

        /** {class, widget} of the first inner widget input the subgraph input is wired to; null when none. */
        private String[] innerWidget(SubgraphDef sub, JsonNode sgInput) {
            for (JsonNode linkId : sgInput.path("linkIds")) {
                LinkRow row = sub.links().get(linkId.asInt());
                if (row == null) continue;
                JsonNode target = sub.node(row.targetId());
                if (target == null) continue;
                JsonNode in = target.path("inputs").path(row.targetSlot());
                String widget = widgetNameOf(in);
                if (widget != null) return new String[] {target.path("type").asText(), widget};
            }
            return null;
        }

        private static Slot slotNamed(Flat f, String name) {
            for (Slot s : f.inputs) if (s.name().equals(name)) return s;
            return null;
        }

        /**
         * A legacy group node ({@code extra.groupNodes}) becomes its inner nodes, ids
         * {@code <instance>:<index>}, laid out as the frontend's group node did: see {@link GroupNodeLayout}.
         */
        private void expandGroupNode(Flat instance, JsonNode group) {
            GroupNodeLayout layout = GroupNodeLayout.of(group, defs);
            layout.warnings().forEach(w -> warnOnce("group:" + instance.type + ":" + w, instance.type + ": " + w));
            JsonNode innerNodes = group.path("nodes");
            // widget values of the instance, to the inner widgets they belong to
            Map<Integer, Map<String, JsonNode>> values = new HashMap<>();
            JsonNode wv = instance.json.path("widgets_values");
            for (int j = 0; j < layout.widgets().size() && wv.isArray() && j < wv.size(); j++) {
                GroupNodeLayout.Widget w = layout.widgets().get(j);
                if (w.name() != null) values.computeIfAbsent(w.node(), x -> new HashMap<>()).put(w.name(), wv.get(j));
            }
            // instance inputs converted from group widgets carry the widget's name
            Map<String, Source> linkedWidgets = new HashMap<>();
            for (Slot s : instance.inputs) if (s.widgetName() != null && s.source() != null) linkedWidgets.put(s.widgetName(), s.source());

            for (int i = 0; i < innerNodes.size(); i++) {
                JsonNode n = innerNodes.get(i);
                String type = n.path("type").asText();
                String id = instance.id + ":" + i;
                int mode = instance.mode != 0 ? instance.mode : n.path("mode").asInt(0);
                Flat flat = new Flat(id, type, mode, roleOf(defs.kindOf(type)), n);
                int slot = 0;
                for (JsonNode in : n.path("inputs")) {
                    Source src;
                    GroupNodeLayout.Link internal = layout.internalLink(i, slot);
                    if (internal != null) {
                        src = new Out(instance.id + ":" + internal.originNode(), internal.originSlot());
                    } else {
                        int outer = layout.inputs().indexOf(new GroupNodeLayout.Input(i, slot));
                        src = outer >= 0 && outer < instance.inputs.size() ? instance.inputs.get(outer).source() : null;
                    }
                    flat.inputs.add(new Slot(in.path("name").asText(), in.path("type").asText(), widgetNameOf(in), src));
                    slot++;
                }
                for (GroupNodeLayout.Widget w : layout.widgets()) {
                    if (w.node() == i && w.name() != null && linkedWidgets.containsKey(w.groupName())) {
                        flat.inputs.add(new Slot(w.name(), "", w.name(), linkedWidgets.get(w.groupName())));
                    }
                }
                for (JsonNode out : n.path("outputs")) flat.outputTypes.add(out.path("type").asText());
                if (values.containsKey(i)) flat.widgetOverrides = values.get(i);
                flats.put(id, flat);
            }
            for (int o = 0; o < layout.outputs().size(); o++) {
                GroupNodeLayout.Input out = layout.outputs().get(o);
                instance.passThrough.put(o, new Out(instance.id + ":" + out.node(), out.slot()));
            }
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

        /**
         * Follows pass-through nodes until a real node's output or a literal; null when nothing
         * feeds it. Every output passed on the way remembers the answer, so each chain is walked once.
         */
        private Source resolve(Source start) {
            Source s = start;
            List<Out> path = new ArrayList<>();
            Set<Out> seen = new HashSet<>();
            Source result;
            while (true) {
                if (!(s instanceof Out out)) {
                    result = s;
                    break;
                }
                Source known = resolved.get(out);
                if (known != null) {
                    result = known == NOTHING ? null : known;
                    break;
                }
                if (!seen.add(out)) {
                    result = null;
                    break;
                }
                path.add(out);
                Flat f = flats.get(out.nodeId());
                if (f == null || f.mode == MODE_MUTED) {
                    result = null;
                    break;
                }
                Source next = switch (f.role) {
                    case NODE -> f.mode == MODE_BYPASSED ? bypassInput(f, out.slot()) : out;
                    case REROUTE, SET -> f.inputs.isEmpty() ? null : f.inputs.get(0).source();
                    case PRIMITIVE -> primitiveValue(f);
                    case GET -> setNodeInput(f);
                    case SUBGRAPH_INSTANCE, GROUP_INSTANCE -> f.mode == MODE_BYPASSED ? bypassInput(f, out.slot()) : f.passThrough.get(out.slot());
                    case SUBGRAPH_INPUTS -> f.passThrough.get(out.slot());
                    case UI_ONLY -> null;
                };
                if (next == out) {
                    result = out;
                    break;
                }
                s = next;
            }
            for (Out o : path) resolved.put(o, result == null ? NOTHING : result);
            return result;
        }

        private static Source primitiveValue(Flat f) {
            JsonNode override = f.widgetOverrides.get("value");
            if (override != null) return new Value(override);
            JsonNode v = f.json.path("widgets_values");
            return v.isArray() && !v.isEmpty() ? new Value(v.get(0), changingControl(v.path(1))) : null;
        }

        /** ComfyUI's bypass: the input at the same index when its type matches, else the first input of that type. */
        private static Source bypassInput(Flat f, int slot) {
            String type = slot < f.outputTypes.size() ? f.outputTypes.get(slot) : null;
            if (type == null) return null;
            if (slot < f.inputs.size() && type.equals(f.inputs.get(slot).type())) return f.inputs.get(slot).source();
            for (Slot in : f.inputs) if (type.equals(in.type())) return in.source();
            return null;
        }

        /** The SetNode of the GetNode's name: the one in the same (sub)graph first, else the first anywhere. */
        private Source setNodeInput(Flat get) {
            String name = get.json.path("widgets_values").path(0).asText(null);
            if (name == null) return null;
            if (setNodesByName == null) {
                setNodesByName = new HashMap<>();
                for (Flat f : flats.values()) {
                    String n = f.role == Role.SET ? f.json.path("widgets_values").path(0).asText(null) : null;
                    if (n != null) setNodesByName.computeIfAbsent(n, x -> new ArrayList<>()).add(f);
                }
            }
            List<Flat> sets = setNodesByName.getOrDefault(name, List.of());
            Flat chosen = null;
            for (Flat f : sets) {
                if (prefixOf(f.id).equals(prefixOf(get.id))) {
                    chosen = f;
                    break;
                }
            }
            if (chosen == null && !sets.isEmpty()) chosen = sets.getFirst();
            return chosen == null || chosen.inputs.isEmpty() ? null : chosen.inputs.get(0).source();
        }

        private static String prefixOf(String id) {
            int i = id.lastIndexOf(':');
            return i < 0 ? "" : id.substring(0, i + 1);
        }

        ConvertedWorkflow build() {
            List<Node> nodes = new ArrayList<>();
            for (Flat f : flats.values()) {
                if (f.role != Role.NODE || f.mode == MODE_MUTED || f.mode == MODE_BYPASSED) continue;
                Map<String, String> controls = new LinkedHashMap<>();
                Map<String, InputValue> inputs = new LinkedHashMap<>(widgetInputs(f, controls));
                for (Slot slot : f.inputs) {
                    if (slot.source() == null) continue;
                    Source r = resolve(slot.source());
                    String name = slot.widgetName() != null ? slot.widgetName() : slot.name();
                    controls.remove(name);
                    if (r instanceof Out o) {
                        inputs.remove(name);
                        inputs.put(name, new InputValue.Link(o.nodeId(), o.slot()));
                    } else if (r instanceof Value v) {
                        inputs.put(name, literal(f, name, v.value()));
                        if (v.control() != null) controls.put(name, v.control());
                    }
                }
                String title = f.json.path("title").isTextual() ? f.json.get("title").asText() : null;
                controls.keySet().retainAll(inputs.keySet());
                nodes.add(new Node(f.id, f.type, title, inputs, 0, positionOf(f.json), controls));
            }
            if (flats.values().stream().anyMatch(f -> f.role == Role.UI_ONLY && f.type.contains("Everywhere"))) {
                warnings.add("cg-use-everywhere broadcast nodes were dropped; the inputs they feed stay unconnected");
            }
            return new ConvertedWorkflow(new Graph(nodes), warnings);
        }

        /** The node's widget values by name; {@code controls} gets the changing control_after_generate of each. */
        private Map<String, InputValue> widgetInputs(Flat f, Map<String, String> controls) {
            Map<String, InputValue> out = new LinkedHashMap<>();
            JsonNode values = f.json.path("widgets_values");
            if (values.isObject()) {
                for (var it = values.properties().iterator(); it.hasNext(); ) {
                    var e = it.next();
                    if (UI_ONLY_WIDGET_KEYS.contains(e.getKey()) || e.getValue().isObject()) continue;
                    out.put(e.getKey(), literal(f, e.getKey(), e.getValue()));
                }
            } else if (values.isArray() && !values.isEmpty()) {
                Definition def = defs.find(f.type).orElse(null);
                if (def == null) {
                    namedByTheWorkflow(f, values, out, controls);
                } else {
                    namedByTheDefinition(f, def, values, out, controls);
                }
            }
            for (var e : f.widgetOverrides.entrySet()) {
                out.put(e.getKey(), literal(f, e.getKey(), e.getValue()));
                controls.remove(e.getKey());
            }
            return out;
        }

        private void namedByTheDefinition(Flat f, Definition def, JsonNode values, Map<String, InputValue> out, Map<String, String> controls) {
            List<String> names = def.widgetsForValues(values);
            if (values.size() > names.size()) names = withCustomWidgets(f, def, names, values.size());
            if (!def.knowsWidgetCount(values.size()) && hasDataBeyond(values, names.size())) {
                warnOnce(f.type + "#" + values.size(), f.type + " has " + values.size() + " widget values, the definition knows " + names.size() + "; the extra ones are kept as widget_N");
            }
            for (int i = 0; i < values.size(); i++) {
                String name = i < names.size() ? names.get(i) : null;
                if (name == null && i >= names.size() && isFrontendState(values.get(i))) continue;
                if (NodeDefinitions.CONTROL_AFTER_GENERATE.equals(name)) {
                    // Early ComfyUI had a boolean widget here instead, and sent it with the prompt.
                    if (values.get(i).isBoolean()) out.put(OLD_RANDOM_SEED_WIDGET, new InputValue.Literal(values.get(i)));
                    String control = changingControl(values.get(i));
                    String controlled = i > 0 && i - 1 < names.size() ? names.get(i - 1) : null;
                    if (control != null && controlled != null) controls.put(controlled, control);
                    continue;
                }
                if (NodeDefinitions.isFrontendOnly(name)) continue;
                out.put(name != null ? name : "widget_" + i, literal(f, name, values.get(i)));
            }
        }

        /**
         * Inputs a pack's frontend draws as widgets of its own type (LoRA Manager's {@code LORAS} and
         * {@code AUTOCOMPLETE_TEXT_LORAS}): the backend lists them as inputs, the workflow node has no
         * socket for them, and their values follow the known widgets in definition order. Used only
         * when they account for every extra stored value.
         */
        private static List<String> withCustomWidgets(Flat f, Definition def, List<String> names, int valueCount) {
            Set<String> sockets = new HashSet<>();
            for (Slot s : f.inputs) sockets.add(s.name());
            List<String> custom = new ArrayList<>();
            for (String in : def.inputs().keySet()) if (!sockets.contains(in) && !names.contains(in)) custom.add(in);
            if (custom.isEmpty() || names.size() + custom.size() != valueCount) return names;
            List<String> all = new ArrayList<>(names);
            all.addAll(custom);
            return all;
        }

        /**
         * Values past the known widgets that hold nothing a prompt could carry: an empty string, null,
         * a list or an object are what frontend-only widgets store (a preview, an image comparer, the
         * trailing "" of SaveAnimatedWEBP, SaveGLB, LoadImage and Preview3D in the templates).
         */
        private static boolean isFrontendState(JsonNode v) {
            return v == null || v.isNull() || v.isContainerNode() || (v.isTextual() && v.asText().isEmpty());
        }

        private static boolean hasDataBeyond(JsonNode values, int known) {
            for (int i = known; i < values.size(); i++) if (!isFrontendState(values.get(i))) return true;
            return false;
        }

        /**
         * A class without a definition: newer frontends list every widget among the node's
         * inputs ({@code inputs[].widget.name}) in widget order, so those names are used, with a
         * control_after_generate value skipped after an INT widget; what is left is widget_N.
         */
        private void namedByTheWorkflow(Flat f, JsonNode values, Map<String, InputValue> out, Map<String, String> controls) {
            List<Slot> widgets = f.inputs.stream().filter(s -> s.widgetName() != null).toList();
            warnOnce("nodef:" + f.type, "no definition for " + f.type + ": its widget values are "
                    + (widgets.isEmpty() ? "kept as widget_0, widget_1 …" : "named by the workflow's widget inputs"));
            int w = 0;
            for (int i = 0; i < values.size(); i++) {
                JsonNode v = values.get(i);
                if (w < widgets.size()) {
                    Slot s = widgets.get(w++);
                    out.put(s.widgetName(), "FLOAT".equals(s.type()) && v.isIntegralNumber()
                            ? new InputValue.Literal(DoubleNode.valueOf(v.doubleValue())) : new InputValue.Literal(v));
                    boolean control = i + 1 < values.size() && values.get(i + 1).isTextual() && CONTROL_VALUES.contains(values.get(i + 1).asText());
                    if (control && ("INT".equals(s.type()) || s.widgetName().contains("seed"))) {
                        i++;
                        String changing = changingControl(values.get(i));
                        if (changing != null) controls.put(s.widgetName(), changing);
                    }
                } else {
                    out.put("widget_" + i, new InputValue.Literal(v));
                }
            }
        }

        /** The control_after_generate value when it changes its widget after every queue, else null. */
        private static String changingControl(JsonNode v) {
            return v != null && v.isTextual() && CHANGING_CONTROLS.contains(v.asText()) ? v.asText() : null;
        }

        /** A widget value as ComfyUI stores it in the prompt: FLOAT widgets hold floats. */
        private InputValue literal(Flat f, String name, JsonNode value) {
            boolean isFloat = name != null && defs.find(f.type).map(d -> d.floatWidgets().contains(name)).orElse(false);
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
