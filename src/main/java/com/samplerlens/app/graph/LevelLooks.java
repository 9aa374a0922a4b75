package com.samplerlens.app.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attribution of the nodes of one canvas level. A node of the graph has its own look; a
 * subgraph instance has the union of the looks inside it (at any depth): the samplers its nodes
 * belong to, the samplers it holds, whether it holds the save node.
 */
final class LevelLooks {

    private final Map<String, NodeLook> byNode;
    private final Map<String, List<NodeLook.SamplerMark>> inside = new HashMap<>();
    private final Map<String, NodeLook> instances = new HashMap<>();

    LevelLooks(CanvasScene.Level level, Map<String, NodeLook> looks) {
        this.byNode = looks;
        Map<String, String> prefixes = new HashMap<>();
        for (CanvasScene.CanvasNode n : level.nodes()) if (n.opens() != null) prefixes.put(n.opens(), n.id());
        if (prefixes.isEmpty()) return;
        Map<String, Set<NodeLook.SamplerMark>> members = new HashMap<>();
        Map<String, Set<NodeLook.SamplerMark>> samplers = new HashMap<>();
        Map<String, boolean[]> flags = new HashMap<>(); // upstream, save, shared
        for (Map.Entry<String, NodeLook> e : looks.entrySet()) {
            String id = e.getKey();
            // "311:45:12" lies inside "311:" and "311:45:"
            for (int i = id.indexOf(':'); i >= 0; i = id.indexOf(':', i + 1)) {
                String instance = prefixes.get(id.substring(0, i + 1));
                if (instance == null) continue;
                NodeLook l = e.getValue();
                members.computeIfAbsent(instance, k -> new LinkedHashSet<>()).addAll(l.memberships());
                if (l.sampler() != null) samplers.computeIfAbsent(instance, k -> new LinkedHashSet<>()).add(l.sampler());
                boolean[] f = flags.computeIfAbsent(instance, k -> new boolean[3]);
                f[0] |= l.upstream();
                f[1] |= l.save();
                f[2] |= l.shared();
            }
        }
        Comparator<NodeLook.SamplerMark> byColour = Comparator.comparingInt(NodeLook.SamplerMark::colourIndex);
        for (String instance : prefixes.values()) {
            List<NodeLook.SamplerMark> m = new ArrayList<>(members.getOrDefault(instance, Set.of()));
            m.sort(byColour);
            List<NodeLook.SamplerMark> s = new ArrayList<>(samplers.getOrDefault(instance, Set.of()));
            s.sort(byColour);
            boolean[] f = flags.getOrDefault(instance, new boolean[] {true, false, false});
            inside.put(instance, List.copyOf(s));
            instances.put(instance, new NodeLook(m, m.isEmpty() && f[2], f[0], null, f[1]));
        }
    }

    /** The look of a canvas node: its own, or for a subgraph instance the union of what it holds. */
    NodeLook of(String canvasId) {
        NodeLook l = instances.get(canvasId);
        if (l != null) return l;
        return byNode.getOrDefault(canvasId, NodeLook.NEUTRAL);
    }

    /** The samplers inside a subgraph instance; empty for other nodes. */
    List<NodeLook.SamplerMark> samplersInside(String canvasId) {
        return inside.getOrDefault(canvasId, List.of());
    }
}
