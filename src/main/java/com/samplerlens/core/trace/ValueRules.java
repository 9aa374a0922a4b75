package com.samplerlens.core.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which nodes can be evaluated statically ({@code trace/values.json}, user files on top):
 * constants (class → input holding the value, or for a node with several value outputs such as
 * SD Prompt Reader's SDParameterGenerator, output index → input), reroutes (class → input passed
 * through; empty = the only input) and switches (boolean or indexed).
 */
public final class ValueRules {

    /** A switch: boolean when {@code inputPrefix} is null (onTrue/onFalse), else indexed ({@code prefix + (firstIndex + i)}). */
    public record Switch(String condition, String onTrue, String onFalse, String inputPrefix, int firstIndex) {
        public boolean indexed() { return inputPrefix != null; }
    }

    private final Map<String, String> constants;
    /** A node with several value outputs: output index → input, for nodes that have input {@code ifInput} (null = any). */
    record OutputVariant(String ifInput, Map<Integer, String> outputs) {}

    private final Map<String, List<OutputVariant>> outputConstants;
    private final Map<String, String> reroutes;
    private final Map<String, Switch> switches;

    private ValueRules(Map<String, String> constants, Map<String, List<OutputVariant>> outputConstants,
                       Map<String, String> reroutes, Map<String, Switch> switches) {
        this.constants = Map.copyOf(constants);
        this.outputConstants = Map.copyOf(outputConstants);
        this.reroutes = Map.copyOf(reroutes);
        this.switches = Map.copyOf(switches);
    }

    public static ValueRules bundled() {
        return new ValueRules(Map.of(), Map.of(), Map.of(), Map.of()).merge(DataFiles.bundled("trace/values.json"));
    }

    public ValueRules withUserFile(Path file) { return merge(DataFiles.user(file)); }

    public ValueRules merge(JsonNode json) {
        var c = new HashMap<>(constants);
        var o = new HashMap<>(outputConstants);
        var r = new HashMap<>(reroutes);
        var s = new HashMap<>(switches);
        json.path("constants").properties().forEach(e -> {
            if (e.getValue().isObject() || e.getValue().isArray()) {
                List<OutputVariant> variants = new ArrayList<>();
                if (e.getValue().isObject()) variants.add(new OutputVariant(null, byOutput(e.getValue())));
                else for (JsonNode v : e.getValue()) variants.add(new OutputVariant(textOrNull(v, "ifInput"), byOutput(v.path("outputs"))));
                o.put(e.getKey(), List.copyOf(variants));
                c.remove(e.getKey());
            } else {
                c.put(e.getKey(), e.getValue().asText());
                o.remove(e.getKey());
            }
        });
        json.path("reroutes").properties().forEach(e -> r.put(e.getKey(), e.getValue().asText()));
        json.path("switches").properties().forEach(e -> {
            JsonNode v = e.getValue();
            s.put(e.getKey(), new Switch(v.path("condition").asText(), textOrNull(v, "onTrue"), textOrNull(v, "onFalse"),
                    textOrNull(v, "inputPrefix"), v.path("firstIndex").asInt(0)));
        });
        return new ValueRules(c, o, r, s);
    }

    private static Map<Integer, String> byOutput(JsonNode json) {
        Map<Integer, String> m = new HashMap<>();
        json.properties().forEach(x -> m.put(Integer.parseInt(x.getKey()), x.getValue().asText()));
        return Map.copyOf(m);
    }

    private static String textOrNull(JsonNode v, String key) {
        return v.path(key).isTextual() ? v.get(key).asText() : null;
    }

    /** Input that holds a constant node's value, or null when the class is no constant. */
    public String constantInput(String classType) { return constants.get(classType); }

    /**
     * Input that holds the value a constant node gives on {@code outputIndex}: the class's one
     * input, or for a node with several value outputs that output's input in the first variant
     * whose {@code ifInput} the node has (packs reorder outputs between versions); null when none.
     */
    public String constantInput(String classType, java.util.Set<String> inputNames, int outputIndex) {
        List<OutputVariant> variants = outputConstants.get(classType);
        if (variants == null) return constants.get(classType);
        for (OutputVariant v : variants) {
            if (v.ifInput() == null || inputNames.contains(v.ifInput())) return v.outputs().get(outputIndex);
        }
        return null;
    }

    /** Input a reroute passes through ("" = its only input), or null when the class is no reroute. */
    public String rerouteInput(String classType) { return reroutes.get(classType); }

    public Switch switchOf(String classType) { return switches.get(classType); }
}
