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
 * node. Bundled as data ({@code node-definitions.json}) for the common node packs; a user's
 * exported {@code object_info} JSON can be laid on top for exact definitions.
 */
public final class NodeDefinitions {

    /** The widget value ComfyUI stores after seed widgets; it never reaches the API prompt. */
    public static final String CONTROL_AFTER_GENERATE = "control_after_generate";

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
     */
    public record Definition(String classType, Kind kind, List<String> widgets, List<List<String>> widgetVariants,
                             Map<String, String> inputs, List<String> outputs, boolean outputNode, Set<String> floatWidgets) {

        public Definition {
            widgets = Collections.unmodifiableList(new ArrayList<>(widgets));
            widgetVariants = widgetVariants.stream().map(v -> Collections.unmodifiableList(new ArrayList<>(v))).toList();
            inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
            outputs = List.copyOf(outputs);
            floatWidgets = Set.copyOf(floatWidgets);
        }

        /** The widget list whose length matches the stored values, else the main list. */
        public List<String> widgetsFor(int valueCount) {
            if (widgets.size() == valueCount) return widgets;
            for (List<String> v : widgetVariants) if (v.size() == valueCount) return v;
            return widgets;
        }

        /** True when some known widget list has exactly this many values. */
        public boolean knowsWidgetCount(int valueCount) {
            return widgets.size() == valueCount || widgetVariants.stream().anyMatch(v -> v.size() == valueCount);
        }
    }

    private final Map<String, Definition> byClass;

    private NodeDefinitions(Map<String, Definition> byClass) {
        this.byClass = Collections.unmodifiableMap(byClass);
    }

    /** The definitions shipped with SamplerLens. */
    public static NodeDefinitions bundled() {
        try (InputStream in = NodeDefinitions.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException("missing resource " + BUNDLED);
            return new NodeDefinitions(parseBundled(LenientJson.mapper().readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled node definitions", e);
        }
    }

    public Optional<Definition> find(String classType) {
        return Optional.ofNullable(byClass.get(classType));
    }

    public Kind kindOf(String classType) {
        Definition d = byClass.get(classType);
        return d == null ? Kind.NODE : d.kind();
    }

    public boolean isOutputNode(String classType) {
        Definition d = byClass.get(classType);
        return d != null && d.outputNode();
    }

    public int size() { return byClass.size(); }

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
        for (var it = root.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isObject() || !e.getValue().has("input")) continue;
            merged.put(e.getKey(), fromObjectInfo(e.getKey(), e.getValue()));
            added++;
        }
        if (added == 0) throw new IOException(objectInfo.getFileName() + ": not a ComfyUI object_info export (no class has an \"input\" section)");
        return new NodeDefinitions(merged);
    }

    static Definition fromObjectInfo(String classType, JsonNode info) {
        List<String> widgets = new ArrayList<>();
        Set<String> floats = new java.util.HashSet<>();
        Map<String, String> sockets = new LinkedHashMap<>();
        for (String section : List.of("required", "optional")) {
            JsonNode spec = info.path("input").path(section);
            for (String name : inputOrder(info, section, spec)) {
                JsonNode entry = spec.get(name);
                if (entry == null) continue;
                JsonNode type = entry.isArray() && !entry.isEmpty() ? entry.get(0) : entry;
                JsonNode opts = entry.isArray() && entry.size() > 1 ? entry.get(1) : null;
                boolean combo = type.isArray() || "COMBO".equals(type.asText());
                if (combo || WIDGET_TYPES.contains(type.asText())) {
                    widgets.add(name);
                    if ("FLOAT".equals(type.asText())) floats.add(name);
                    boolean seedLike = "INT".equals(type.asText()) && (name.equals("seed") || name.equals("noise_seed"));
                    if (seedLike || (opts != null && opts.path(CONTROL_AFTER_GENERATE).asBoolean(false))) widgets.add(CONTROL_AFTER_GENERATE);
                } else {
                    sockets.put(name, type.asText());
                }
            }
        }
        List<String> outputs = new ArrayList<>();
        for (JsonNode o : info.path("output")) outputs.add(o.isArray() ? "COMBO" : o.asText());
        return new Definition(classType, Kind.NODE, widgets, List.of(), sockets, outputs, info.path("output_node").asBoolean(false), floats);
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
            JsonNode d = e.getValue();
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
            map.put(e.getKey(), new Definition(e.getKey(), kind, names(d.path("widgets")), variants, inputs, outputs,
                    d.path("output_node").asBoolean(false), Set.copyOf(names(d.path("float_widgets")))));
        }
        return map;
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.isNull() ? null : n.asText());
        return out;
    }
}
