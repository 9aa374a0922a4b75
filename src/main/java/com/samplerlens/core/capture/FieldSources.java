package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which nodes each composed value was taken from, recorded by the resolvers at the point where
 * they pick it: for the flat fields and for each traced sampler's fields (by sampler node id).
 * A value's nodes are the node whose capture rule read it and, when its input was linked, the
 * node holding the value (a primitive or constant). A list field (LoRAs, embeddings, CLIP
 * models) has one entry per item, in item order; a hash found by lookup belongs to the nodes
 * that named the file. These are the trace's sources: edits change values, not where the traced
 * values came from.
 */
public final class FieldSources {

    public static final FieldSources NONE = new FieldSources(new Recorder(), Map.of());

    private final Map<MetaField, List<List<String>>> flat;
    private final Map<String, Map<MetaField, List<List<String>>>> samplers;

    /** What was recorded for the flat fields and for each traced sampler (by node id). */
    FieldSources(Recorder flat, Map<String, Recorder> samplers) {
        this.flat = copy(flat.entries);
        Map<String, Map<MetaField, List<List<String>>>> s = new HashMap<>();
        samplers.forEach((id, r) -> s.put(id, copy(r.entries)));
        this.samplers = Map.copyOf(s);
    }

    /** The nodes the {@code index}-th flat value of {@code field} came from (index 0 for a single value); empty when none was taken. */
    public List<String> flat(MetaField field, int index) {
        return at(flat, field, index);
    }

    /** The same for the fields of the traced sampler {@code samplerId}. */
    public List<String> sampler(String samplerId, MetaField field, int index) {
        return at(samplers.getOrDefault(samplerId, Map.of()), field, index);
    }

    private static List<String> at(Map<MetaField, List<List<String>>> m, MetaField field, int index) {
        List<List<String>> entries = m.getOrDefault(field, List.of());
        return index < entries.size() ? entries.get(index) : List.of();
    }

    private static Map<MetaField, List<List<String>>> copy(Map<MetaField, List<List<String>>> m) {
        if (m.isEmpty()) return Map.of();
        Map<MetaField, List<List<String>>> c = new EnumMap<>(MetaField.class);
        m.forEach((f, entries) -> c.put(f, entries.stream().map(List::copyOf).toList()));
        return Collections.unmodifiableMap(c);
    }

    /** Collects sources while one set of fields is resolved. */
    static final class Recorder {
        private final Map<MetaField, List<List<String>>> entries = new EnumMap<>(MetaField.class);

        /** Records the ranked value's nodes as the source of {@code field} and returns the value (null for null). */
        JsonNode take(MetaField field, Snapshot.Ranked r) {
            if (r == null) return null;
            set(field, r.captured());
            return r.value();
        }

        /** Records the captured value's nodes as the source of the single value {@code field}. */
        void set(MetaField field, Captured c) {
            entries.put(field, new ArrayList<>(List.of(nodes(c))));
        }

        /** Records a value read from {@code nodeId}'s own widget outside the capture rules. */
        void set(MetaField field, String nodeId) {
            entries.put(field, new ArrayList<>(List.of(List.of(nodeId))));
        }

        /** Appends the nodes of the next item of a list field. */
        void add(MetaField field, Captured c) {
            entries.computeIfAbsent(field, k -> new ArrayList<>()).add(nodes(c));
        }

        private static List<String> nodes(Captured c) {
            return c.heldBy() == null || c.heldBy().equals(c.nodeId()) ? List.of(c.nodeId()) : List.of(c.nodeId(), c.heldBy());
        }
    }
}
