package com.samplerlens.core.render;

import com.samplerlens.core.capture.ComposedMetadata;
import com.samplerlens.core.capture.FieldSources;
import com.samplerlens.core.capture.MetaField;
import com.samplerlens.core.capture.SamplerFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What each node contributed to the parameters text of one trace: per node id, the keys whose
 * values were taken from it (the nodes {@link FieldSources} recorded while the fields were
 * resolved), labelled and written as the text writes them. A key made of several nodes' values
 * (Sampler from a sampler-select and a scheduler node, Size, a sampler's Loras) is listed on each.
 * Keys that only summarise other keys (Samplers, Hashes) belong to no node.
 */
public final class NodeCaptures {

    /**
     * One key of the parameters text.
     *
     * @param label   the key as written ("Model", "Lora_0 Strength model"); the prompt lines are "Positive prompt" / "Negative prompt"
     * @param value   the value as written
     * @param sampler N of the {@code Sampler_N} key it is written in; null for the flat keys
     */
    public record Capture(String label, String value, Integer sampler) {}

    /** No node gave anything (a file without a graph). */
    public static final NodeCaptures NONE = new NodeCaptures(Map.of());

    private final Map<String, List<Capture>> byNode;

    private NodeCaptures(Map<String, List<Capture>> byNode) {
        this.byNode = byNode;
    }

    public static NodeCaptures of(ComposedMetadata m, RenderOptions options) {
        Map<String, List<Capture>> byNode = new LinkedHashMap<>();
        FieldSources sources = m.sources();
        for (ParametersRenderer.Item i : ParametersRenderer.headerItems(m.flat())) {
            if (!i.value().isEmpty()) add(byNode, i, ParametersRenderer.withoutBlankLines(i.value()), null, sources::flat);
        }
        for (ParametersRenderer.Item i : ParametersRenderer.flatItems(m.flat(), options)) {
            add(byNode, i, ParametersRenderer.clean(i.value()), null, sources::flat);
        }
        if (m.multi()) {
            for (SamplerFields s : m.samplers()) {
                for (ParametersRenderer.Item i : ParametersRenderer.samplerItems(s)) {
                    // labelled as written: "steps" = "20" inside a single-line Sampler_N value, "Steps" in a multiline block
                    ParametersRenderer.Item shown = options.multiline() ? i
                            : new ParametersRenderer.Item(ParametersRenderer.inlineKey(i.key()), i.value(), null, i.shows());
                    String value = options.multiline() ? ParametersRenderer.clean(i.value()) : ParametersRenderer.inlineEscape(i.value().strip());
                    add(byNode, shown, value, s.number(), (f, index) -> sources.sampler(s.nodeId(), f, index));
                }
            }
        }
        byNode.replaceAll((id, list) -> List.copyOf(list));
        return new NodeCaptures(Collections.unmodifiableMap(byNode));
    }

    private static void add(Map<String, List<Capture>> byNode, ParametersRenderer.Item item, String value, Integer sampler,
                            BiFunction<MetaField, Integer, List<String>> nodesOf) {
        Set<String> nodes = new LinkedHashSet<>();
        for (ParametersRenderer.Shown shown : item.shows()) nodes.addAll(nodesOf.apply(shown.field(), shown.index()));
        for (String id : nodes) byNode.computeIfAbsent(id, k -> new ArrayList<>()).add(new Capture(item.key(), value, sampler));
    }

    /** The keys the node contributed to, in the order of the text; empty when none. */
    public List<Capture> of(String nodeId) {
        return byNode.getOrDefault(nodeId, List.of());
    }

    /** Every contributing node's keys, nodes in the order they first appear in the text. */
    public Map<String, List<Capture>> byNode() {
        return byNode;
    }
}
