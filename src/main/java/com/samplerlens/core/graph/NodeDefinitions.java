package com.samplerlens.core.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.json.LenientJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the UI workflow converter needs to know about node classes: the order in which ComfyUI
 * stores widget values, the linkable inputs, the output types and whether a class is an output
 * node. Bundled as data ({@code node-definitions.json}, derived from real {@code object_info}
 * dumps by {@code scripts/derive-node-definitions.py}); a user's exported {@code object_info}
 * JSON can be laid on top for exact definitions.
 */
public final class NodeDefinitions {

    /** The widget value ComfyUI stores after seed widgets; it never reaches the API prompt. */
    public static final String CONTROL_AFTER_GENERATE = "control_after_generate";
    /** Prefix of the other frontend-only widgets in the data (upload buttons, refresh buttons). */
    public static final String FRONTEND_ONLY_PREFIX = "$";

    /** True for a widget whose value the frontend stores in widgets_values but never sends with the prompt. */
    public static boolean isFrontendOnly(String widgetName) {
        return widgetName != null && (widgetName.equals(CONTROL_AFTER_GENERATE) || widgetName.startsWith(FRONTEND_ONLY_PREFIX));
    }

    private static final String BUNDLED = "/com/samplerlens/node-definitions.json";
    private static final Set<String> WIDGET_TYPES = Set.of("INT", "FLOAT", "STRING", "BOOLEAN", "COMBO");

    /** How the converter treats a class. */
    public enum Kind {
        /** A node ComfyUI executes. */
        NODE,
        /** A frontend-only pass-through: its single input becomes the source of its consumers. */
        REROUTE,
        /** The frontend's PrimitiveNode: the value it carries becomes a literal of its consumers. */
        PRIMITIVE,
        /** KJNodes SetNode: publishes its input under the name in its first widget value. */
        SET,
        /** KJNodes GetNode: reads the SetNode of the same name. */
        GET,
        /** Frontend-only (notes, labels, group togglers): dropped. */
        UI_ONLY
    }

    /**
     * One class.
     *
     * @param widgets        widget names in the order of {@code widgets_values}; a null entry is a
     *                       value whose name is unknown (kept positionally); {@link #CONTROL_AFTER_GENERATE} is skipped
     * @param widgetVariants other known widget lists (older or newer versions of the node), chosen by length
     * @param inputs         linkable inputs and their types, in definition order
     * @param outputs        output types in slot order
     * @param floatWidgets   FLOAT widgets: ComfyUI casts their values to float when it validates a
     *                       prompt, so the prompt it stores holds {@code 8.0} where the UI holds {@code 8}
     * @param core           a ComfyUI core class ({@code nodes}, {@code comfy_extras}, {@code comfy_api_nodes})
     * @param dynamicWidgets for each dynamic combo widget (V3 {@code COMFY_DYNAMICCOMBO_V3}): option → the
     *                       widgets that option adds right after the combo, named {@code combo.widget} in the prompt
     */
    public record Definition(String classType, Kind kind, List<String> widgets, List<List<String>> widgetVariants,
                             Map<String, String> inputs, List<String> outputs, boolean outputNode, Set<String> floatWidgets,
                             boolean core, Map<String, Map<String, List<String>>> dynamicWidgets) {

        public Definition {
            widgets = Collections.unmodifiableList(new ArrayList<>(widgets));
            widgetVariants = widgetVariants.stream().map(v -> Collections.unmodifiableList(new ArrayList<>(v))).toList();
            inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
            outputs = List.copyOf(outputs);
            floatWidgets = Set.copyOf(floatWidgets);
            dynamicWidgets = Map.copyOf(dynamicWidgets);
        }

        /**
         * The widget names for these stored values: {@link #widgetsFor(int)}, with the widgets a
         * dynamic combo's chosen option adds inserted after it as {@code combo.widget}.
         */
        public List<String> widgetsForValues(JsonNode values) {
            if (dynamicWidgets.isEmpty()) return widgetsFor(values.size());
            List<String> names = new ArrayList<>();
            for (String w : widgets) {
                int at = names.size();
                names.add(w);
                Map<String, List<String>> options = w == null ? null : dynamicWidgets.get(w);
                if (options == null || at >= values.size()) continue;
                for (String sub : options.getOrDefault(values.get(at).asText(), List.of())) {
                    names.add(isFrontendOnly(sub) ? sub : w + "." + sub);
                }
            }
            return names;
        }

        /** The widget list whose length matches the stored values, else the main list. */
        public List<String> widgetsFor(int valueCount) {
            if (widgets.size() == valueCount) return widgets;
            for (List<String> v : widgetVariants) if (v.size() == valueCount) return v;
            return widgets;
        }

        /** True when the frontend stores a control_after_generate value right after widget {@code name}. */
        public boolean hasControlAfter(String name) {
            for (List<String> l : allWidgetLists()) {
                int i = l.indexOf(name);
                if (i >= 0) return i + 1 < l.size() && CONTROL_AFTER_GENERATE.equals(l.get(i + 1));
            }
            return false;
        }

        private List<List<String>> allWidgetLists() {
            List<List<String>> all = new ArrayList<>();
            all.add(widgets);
            all.addAll(widgetVariants);
            return all;
        }

        /** True when some known widget list has exactly this many values. */
        public boolean knowsWidgetCount(int valueCount) {
            return widgets.size() == valueCount || widgetVariants.stream().anyMatch(v -> v.size() == valueCount);
        }
    }

    /** Classes laid on top of the bundled ones (a user's object_info export); looked up first. */
    private final Map<String, Definition> byClass;
    /** The bundled classes, parsed one by one when first asked for; null when all are in byClass. */
    private final BundledClasses bundled;

    private NodeDefinitions(Map<String, Definition> byClass, BundledClasses bundled) {
        this.byClass = Collections.unmodifiableMap(byClass);
        this.bundled = bundled;
    }

    /** The definitions shipped with SamplerLens. */
    public static NodeDefinitions bundled() {
        try (InputStream in = NodeDefinitions.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException("missing resource " + BUNDLED);
            byte[] bytes = in.readAllBytes();
            BundledClasses lazy = BundledClasses.index(bytes);
            if (lazy != null) return new NodeDefinitions(Map.of(), lazy);
            return new NodeDefinitions(parseBundled(LenientJson.parse(bytes, 0, bytes.length)), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled node definitions", e);
        }
    }

    private Definition lookup(String classType) {
        Definition d = byClass.get(classType);
        return d != null || bundled == null ? d : bundled.get(classType);
    }

    public Optional<Definition> find(String classType) {
        return Optional.ofNullable(lookup(classType));
    }

    public Kind kindOf(String classType) {
        Definition d = lookup(classType);
        return d == null ? Kind.NODE : d.kind();
    }

    public boolean isOutputNode(String classType) {
        Definition d = lookup(classType);
        return d != null && d.outputNode();
    }

    public int size() {
        if (bundled == null) return byClass.size();
        Set<String> all = new java.util.HashSet<>(bundled.names());
        all.addAll(byClass.keySet());
        return all.size();
    }

    /**
     * These definitions with the classes of a ComfyUI {@code object_info} export laid on top
     * (a class found there replaces the bundled one).
     *
     * @throws IOException when the file cannot be read or is not an object_info export
     */
    public NodeDefinitions withObjectInfo(Path objectInfo) throws IOException {
        JsonNode root;
        try {
            root = LenientJson.parse(com.samplerlens.core.io.OptionFiles.readText(objectInfo));
        } catch (JsonProcessingException e) {
            throw new IOException(objectInfo.getFileName() + ": " + LenientJson.describe(e), e);
        } catch (IOException e) {
            throw new IOException(objectInfo + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new IOException(objectInfo.getFileName() + ": not a ComfyUI object_info export (expected a JSON object of classes)");
        Map<String, Definition> merged = new HashMap<>(byClass);
        int added = 0;
        // the bundled classes stay lazy underneath; the export's classes are looked up first
        for (var it = root.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isObject() || !e.getValue().has("input")) continue;
            merged.put(e.getKey(), fromObjectInfo(e.getKey(), e.getValue()));
            added++;
        }
        if (added == 0) throw new IOException(objectInfo.getFileName() + ": not a ComfyUI object_info export (no class has an \"input\" section)");
        return new NodeDefinitions(merged, bundled);
    }

    /**
     * A class of a user's object_info export, with the frontend-only widgets placed as
     * {@code scripts/derive-node-definitions.py} places them for the bundled data (keep the two in step).
     */
    static Definition fromObjectInfo(String classType, JsonNode info) {
        Map<String, Map<String, List<String>>> dynamic = new HashMap<>();
        List<String> widgets = new ArrayList<>();
        List<String> trailing = new ArrayList<>();
        Set<String> floats = new java.util.HashSet<>();
        Map<String, String> sockets = new LinkedHashMap<>();
        for (String section : List.of("required", "optional")) {
            JsonNode spec = info.path("input").path(section);
            for (String name : inputOrder(info, section, spec)) {
                JsonNode entry = spec.get(name);
                if (entry == null) continue;
                JsonNode type = entry.isArray() && !entry.isEmpty() ? entry.get(0) : entry;
                JsonNode opts = entry.isArray() && entry.size() > 1 ? entry.get(1) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
                boolean combo = type.isArray() || "COMBO".equals(type.asText()) || "COMFY_DYNAMICCOMBO_V3".equals(type.asText());
                if (!combo && !WIDGET_TYPES.contains(type.asText())) {
                    sockets.put(name, type.asText());
                    continue;
                }
                if (opts.path("forceInput").asBoolean(false)) {
                    sockets.put(name, combo ? "COMBO" : type.asText());
                    continue;
                }
                widgets.add(name);
                if ("FLOAT".equals(type.asText())) floats.add(name);
                if ("COMFY_DYNAMICCOMBO_V3".equals(type.asText())) {
                    Map<String, List<String>> options = new HashMap<>();
                    for (JsonNode option : opts.path("options")) {
                        Definition sub = fromObjectInfo(classType, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                                .set("input", option.path("inputs")));
                        options.put(option.path("key").asText(), sub.widgets());
                        sub.floatWidgets().forEach(f -> floats.add(name + "." + f));
                    }
                    dynamic.put(name, Map.copyOf(options));
                }
                JsonNode control = opts.path(CONTROL_AFTER_GENERATE);
                boolean seedLike = "INT".equals(type.asText()) && (name.equals("seed") || name.equals("noise_seed"));
                if (seedLike || control.asBoolean(false) || (control.isTextual() && !control.asText().isEmpty())) widgets.add(CONTROL_AFTER_GENERATE);
                if (combo && opts.path("remote").path("refresh_button").asBoolean(false)) {
                    widgets.add("$auto_refresh");
                    widgets.add("$refresh");
                }
                if (combo && opts.path("audio_upload").asBoolean(false)) {
                    trailing.add("$audio_ui");
                    trailing.add("$upload");
                } else if (combo && (opts.path("image_upload").asBoolean(false) || opts.path("video_upload").asBoolean(false)
                        || opts.path("animated_image_upload").asBoolean(false))) {
                    trailing.add("$upload");
                }
            }
            // the upload widget closes the section its combo is in (SDPromptReader: image, upload, parameter_index)
            widgets.addAll(trailing);
            trailing.clear();
        }
        List<String> outputs = new ArrayList<>();
        for (JsonNode o : info.path("output")) outputs.add(o.isArray() ? "COMBO" : o.asText());
        String module = info.path("python_module").asText("");
        boolean core = module.equals("nodes") || module.startsWith("comfy_extras") || module.startsWith("comfy_api");
        return new Definition(classType, Kind.NODE, widgets, List.of(), sockets, outputs, info.path("output_node").asBoolean(false), floats, core, dynamic);
    }

    /** {@code input_order} when the export has it (newer ComfyUI), else the JSON order. */
    private static List<String> inputOrder(JsonNode info, String section, JsonNode spec) {
        List<String> names = new ArrayList<>();
        JsonNode order = info.path("input_order").path(section);
        if (order.isArray()) {
            for (JsonNode n : order) names.add(n.asText());
        } else {
            spec.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static Map<String, Definition> parseBundled(JsonNode root) {
        Map<String, Definition> map = new HashMap<>();
        for (var it = root.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            map.put(e.getKey(), bundledDefinition(e.getKey(), e.getValue()));
        }
        return map;
    }

    /** One class of the bundled format. */
    static Definition bundledDefinition(String classType, JsonNode d) {
        Kind kind = d.has("kind") ? Kind.valueOf(d.get("kind").asText().toUpperCase(java.util.Locale.ROOT)) : Kind.NODE;
        List<List<String>> variants = new ArrayList<>();
        for (JsonNode v : d.path("widget_variants")) variants.add(names(v));
        Map<String, String> inputs = new LinkedHashMap<>();
        for (var in = d.path("inputs").properties().iterator(); in.hasNext(); ) {
            var i = in.next();
            inputs.put(i.getKey(), i.getValue().asText());
        }
        List<String> outputs = new ArrayList<>();
        for (JsonNode o : d.path("outputs")) outputs.add(o.asText());
        return new Definition(classType, kind, names(d.path("widgets")), variants, inputs, outputs,
                d.path("output_node").asBoolean(false), Set.copyOf(names(d.path("float_widgets"))), d.path("core").asBoolean(false),
                dynamicWidgets(d.path("dynamic_widgets")));
    }

    private static Map<String, Map<String, List<String>>> dynamicWidgets(JsonNode d) {
        if (!d.isObject()) return Map.of();
        Map<String, Map<String, List<String>>> out = new HashMap<>();
        for (var combo = d.properties().iterator(); combo.hasNext(); ) {
            var c = combo.next();
            Map<String, List<String>> options = new HashMap<>();
            for (var opt = c.getValue().properties().iterator(); opt.hasNext(); ) {
                var o = opt.next();
                options.put(o.getKey(), names(o.getValue()));
            }
            out.put(c.getKey(), Map.copyOf(options));
        }
        return out;
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.isNull() ? null : n.asText());
        return out;
    }
}
