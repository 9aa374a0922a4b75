package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Captured values of the nodes in one distance map, per field, nearest first (ties keep graph
 * order): the anchor's "before sampler" / "before this node" lists.
 */
public final class Snapshot {

    /** A captured value and its node's distance from the reference node. */
    public record Ranked(Captured captured, int distance) {
        public JsonNode value() { return captured.value(); }
        public String nodeId() { return captured.nodeId(); }
    }

    private final Map<MetaField, List<Ranked>> byField = new EnumMap<>(MetaField.class);

    private Snapshot() {}

    /** Values of nodes in {@code distances} that pass {@code keep}. */
    public static Snapshot of(List<Captured> all, Map<String, Integer> distances, Predicate<Captured> keep) {
        Snapshot s = new Snapshot();
        for (Captured c : all) {
            Integer d = distances.get(c.nodeId());
            if (d != null && keep.test(c)) s.byField.computeIfAbsent(c.field(), k -> new ArrayList<>()).add(new Ranked(c, d));
        }
        s.byField.values().forEach(l -> l.sort(Comparator.comparingInt(Ranked::distance)));
        return s;
    }

    public static Snapshot empty() { return new Snapshot(); }

    public List<Ranked> get(MetaField f) { return byField.getOrDefault(f, List.of()); }

    public boolean has(MetaField f) { return !get(f).isEmpty(); }

    /** The anchor's pick: the first value that is not null nor "N/A"; when all are, the first one; null when none. */
    public JsonNode first(MetaField f) {
        Ranked r = pick(f);
        return r == null ? null : r.value();
    }

    /** The value {@link #first} gives, with the node it came from. */
    public Ranked pick(MetaField f) {
        List<Ranked> l = get(f);
        for (Ranked r : l) if (usable(r.value())) return r;
        return l.isEmpty() ? null : l.getFirst();
    }

    static boolean usable(JsonNode v) {
        return v != null && !v.isNull() && !(v.isTextual() && v.asText().equalsIgnoreCase("N/A"));
    }
}
