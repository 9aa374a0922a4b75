package com.samplerlens.core.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Which nodes can be evaluated statically ({@code trace/values.json}, user files on top):
 * constants (class → input holding the value), reroutes (class → input passed through; empty = the
 * only input) and switches (boolean or indexed).
 */
public final class ValueRules {

    /** A switch: boolean when {@code inputPrefix} is null (onTrue/onFalse), else indexed ({@code prefix + (firstIndex + i)}). */
    public record Switch(String condition, String onTrue, String onFalse, String inputPrefix, int firstIndex) {
        public boolean indexed() { return inputPrefix != null; }
    }

    private final Map<String, String> constants;
    private final Map<String, String> reroutes;
    private final Map<String, Switch> switches;

    private ValueRules(Map<String, String> constants, Map<String, String> reroutes, Map<String, Switch> switches) {
        this.constants = Map.copyOf(constants);
        this.reroutes = Map.copyOf(reroutes);
        this.switches = Map.copyOf(switches);
    }

    public static ValueRules bundled() {
        return new ValueRules(Map.of(), Map.of(), Map.of()).merge(DataFiles.bundled("trace/values.json"));
    }

    public ValueRules withUserFile(Path file) { return merge(DataFiles.user(file)); }

    public ValueRules merge(JsonNode json) {
        var c = new HashMap<>(constants);
        var r = new HashMap<>(reroutes);
        var s = new HashMap<>(switches);
        json.path("constants").properties().forEach(e -> c.put(e.getKey(), e.getValue().asText()));
        json.path("reroutes").properties().forEach(e -> r.put(e.getKey(), e.getValue().asText()));
        json.path("switches").properties().forEach(e -> {
            JsonNode v = e.getValue();
            s.put(e.getKey(), new Switch(v.path("condition").asText(), textOrNull(v, "onTrue"), textOrNull(v, "onFalse"),
                    textOrNull(v, "inputPrefix"), v.path("firstIndex").asInt(0)));
        });
        return new ValueRules(c, r, s);
    }

    private static String textOrNull(JsonNode v, String key) {
        return v.path(key).isTextual() ? v.get(key).asText() : null;
    }

    /** Input that holds a constant node's value, or null when the class is no constant. */
    public String constantInput(String classType) { return constants.get(classType); }

    /** Input a reroute passes through ("" = its only input), or null when the class is no reroute. */
    public String rerouteInput(String classType) { return reroutes.get(classType); }

    public Switch switchOf(String classType) { return switches.get(classType); }
}
