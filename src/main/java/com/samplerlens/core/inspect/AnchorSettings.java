package com.samplerlens.core.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.InputValue;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.render.PyFormat;
import com.samplerlens.core.trace.Resolution;
import com.samplerlens.core.trace.SamplerSelection;
import com.samplerlens.core.trace.ValueResolver;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The settings a {@code SaveImageWithMetaDataUniversal} save node holds in the prompt: when the
 * image came from that node, they are what it wrote with, so they are the defaults (a flag the user
 * gives still wins). Input names and meanings are those of the anchor 1.4.2
 * ({@code saveimage_unimeta/nodes/save_image.py}, {@code nodes/extra_metadata.py}); each is null
 * when the node lacks it or its value is only known when ComfyUI runs the graph.
 *
 * @param selection     {@code sampler_selection_method} (+ {@code sampler_selection_node_id})
 * @param civitai       {@code civitai_sampler}
 * @param guidanceAsCfg {@code guidance_as_cfg}
 * @param loraSummary   {@code include_lora_summary}
 * @param maxJpegExifKb {@code max_jpeg_exif_kb}
 * @param maxSamplers   {@code max_samplers}: the anchor 1.4.2 has none; forks that add it are honoured
 * @param extra         the keys of the {@code extra_metadata} chain of {@code CreateExtraMetaDataUniversal} nodes
 */
public record AnchorSettings(SamplerSelection selection, Boolean civitai, Boolean guidanceAsCfg, Boolean loraSummary,
                             Integer maxJpegExifKb, Integer maxSamplers, SortedMap<String, String> extra) {

    public static final String SAVE_CLASS = "SaveImageWithMetaDataUniversal";
    public static final String EXTRA_CLASS = "CreateExtraMetaDataUniversal";
    /** {@code EXTRA_METADATA_PAIR_COUNT} of the anchor's Create Extra MetaData node. */
    private static final int PAIRS = 4;

    public static final AnchorSettings NONE = new AnchorSettings(null, null, null, null, null, null, new TreeMap<>());

    public AnchorSettings {
        extra = Collections.unmodifiableSortedMap(new TreeMap<>(extra));
    }

    /** The settings of {@code saveNodeId} when it is the anchor's save node, else {@link #NONE}. */
    public static AnchorSettings of(Graph graph, String saveNodeId, ValueResolver values) {
        Node save = saveNodeId == null ? null : graph.node(saveNodeId);
        if (save == null || !save.classType().equals(SAVE_CLASS)) return NONE;
        return new AnchorSettings(selection(save, values), bool(save, "civitai_sampler", values), bool(save, "guidance_as_cfg", values),
                bool(save, "include_lora_summary", values), integer(save, "max_jpeg_exif_kb", values), integer(save, "max_samplers", values),
                extra(graph, save, values));
    }

    private static SamplerSelection selection(Node save, ValueResolver values) {
        JsonNode method = value(save, "sampler_selection_method", values);
        if (method == null || !method.isTextual()) return null;
        return switch (method.asText().strip().toLowerCase(Locale.ROOT)) {
            case "farthest" -> SamplerSelection.FARTHEST;
            case "nearest" -> SamplerSelection.NEAREST;
            case "by node id" -> {
                Integer id = integer(save, "sampler_selection_node_id", values);
                yield id == null ? null : SamplerSelection.byNodeId(Integer.toString(id));
            }
            default -> null;
        };
    }

    /**
     * The chain {@code save.extra_metadata ← Create Extra MetaData ← …}: each node's pairs are laid
     * over what arrives at its own {@code extra_metadata} input, as {@code create_extra_metadata}
     * does ({@code result.update(incoming)} then its pairs); pairs with an empty key or value are skipped.
     */
    private static SortedMap<String, String> extra(Graph graph, Node save, ValueResolver values) {
        Deque<Node> chain = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        Node at = linked(graph, save);
        while (at != null && at.classType().equals(EXTRA_CLASS) && seen.add(at.id())) {
            chain.push(at);
            at = linked(graph, at);
        }
        TreeMap<String, String> out = new TreeMap<>();
        for (Node n : chain) { // upstream first: a later node's pair wins
            for (int i = 1; i <= PAIRS; i++) {
                String key = text(value(n, "key" + i, values));
                String value = text(value(n, "value" + i, values));
                if (key != null && !key.isEmpty() && value != null && !value.isEmpty()) out.put(key, value);
            }
        }
        return out;
    }

    private static Node linked(Graph graph, Node n) {
        return n.inputs().get("extra_metadata") instanceof InputValue.Link l ? graph.node(l.sourceId()) : null;
    }

    private static JsonNode value(Node n, String input, ValueResolver values) {
        return values.resolve(n, input) instanceof Resolution.Value v ? v.value() : null;
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull()) return null;
        return v.isTextual() ? v.asText() : PyFormat.str(v);
    }

    private static Boolean bool(Node n, String input, ValueResolver values) {
        JsonNode v = value(n, input, values);
        return v != null && v.isBoolean() ? v.asBoolean() : null;
    }

    private static Integer integer(Node n, String input, ValueResolver values) {
        JsonNode v = value(n, input, values);
        return v != null && v.isIntegralNumber() && v.canConvertToInt() ? v.asInt() : null;
    }
}
