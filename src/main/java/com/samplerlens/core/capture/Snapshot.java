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

    /**
     * The same snapshot as {@link #of(List, Map, Predicate)} with every value kept, for a scope much
     * smaller than the graph: {@code byNode} lists each node's positions in {@code all}, so only the
     * scope's values are visited (per-sampler snapshots of 10,000 traced samplers would otherwise
     * each scan every captured value of the graph).
     */
    public static Snapshot of(List<Captured> all, Map<String, int[]> byNode, Map<String, Integer> distances) {
        int count = 0;
        for (String id : distances.keySet()) {
            int[] at = byNode.get(id);
            if (at != null) count += at.length;
        }
        int[] positions = new int[count];
        int k = 0;
        for (String id : distances.keySet()) {
            int[] at = byNode.get(id);
            if (at != null) for (int i : at) positions[k++] = i;
        }
        java.util.Arrays.sort(positions); // graph order, as the scan of all gives
        Snapshot s = new Snapshot();
        for (int i : positions) {
            Captured c = all.get(i);
            s.byField.computeIfAbsent(c.field(), f -> new ArrayList<>()).add(new Ranked(c, distances.get(c.nodeId())));
        }
        s.byField.values().forEach(l -> l.sort(Comparator.comparingInt(Ranked::distance)));
        return s;
    }

    /** Each node's positions in {@code all}, for {@link #of(List, Map, Map)}. */
    public static Map<String, int[]> positionsByNode(List<Captured> all) {
        Map<String, List<Integer>> lists = new java.util.HashMap<>();
        for (int i = 0; i < all.size(); i++) lists.computeIfAbsent(all.get(i).nodeId(), x -> new ArrayList<>()).add(i);
        Map<String, int[]> out = new java.util.HashMap<>(lists.size() * 2);
        lists.forEach((id, l) -> out.put(id, l.stream().mapToInt(Integer::intValue).toArray()));
        return out;
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
