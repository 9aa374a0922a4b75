package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.trace.Resolution;
import com.samplerlens.core.trace.ValueResolver;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the capture rules on every node of the graph, in graph order (as the anchor's
 * get_inputs does), resolving linked inputs statically. Values that cannot be resolved are left
 * out and noted on their node.
 */
public final class FieldCapture {

    private static final Pattern EMBEDDING = Pattern.compile("embedding:([^\\s,:()\\[\\]{}<>|]+)");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final List<Captured> all = new ArrayList<>();
    private final Map<String, List<String>> notes = new TreeMap<>(com.samplerlens.core.graph.NodeIds.ORDER);

    private FieldCapture() {}

    public static FieldCapture run(Graph graph, CaptureRules rules, ValueResolver values, PromptRouting routing, HashLookup hashes) {
        FieldCapture c = new FieldCapture();
        for (Node node : graph.nodes().values()) {
            for (var e : rules.of(node.classType()).entrySet()) c.capture(node, e.getKey(), e.getValue(), values, routing, hashes);
        }
        return c;
    }

    /** Every captured value, in graph order. */
    public List<Captured> all() { return all; }

    /** Notes per node id: values that could not be resolved statically. */
    public Map<String, List<String>> notes() { return notes; }

    private void capture(Node node, MetaField field, CaptureRule rule, ValueResolver values, PromptRouting routing, HashLookup hashes) {
        if (rule.validate() != null) {
            PromptRouting.Branch b = rule.validate().equals("negative_prompt") ? PromptRouting.Branch.NEGATIVE : PromptRouting.Branch.POSITIVE;
            if (!routing.isPrompt(node.id(), b)) return;
        }
        List<Resolution.Value> raw = new ArrayList<>();
        if (rule.selector() != null) {
            raw.addAll(select(node, rule.selector(), values));
        } else {
            List<String> inputs = new ArrayList<>(rule.inputs());
            if (rule.prefix() != null) for (String in : node.inputs().keySet()) if (in.startsWith(rule.prefix())) inputs.add(in);
            for (String in : inputs) {
                Resolution r = values.resolve(node, in);
                if (r == null) continue;
                if (r instanceof Resolution.Unresolved u) {
                    note(node.id(), in + ": " + u.note());
                    raw.add(null); // keeps stacked inputs paired (lora_1 with strength_1)
                    continue;
                }
                Resolution.Value v = (Resolution.Value) r;
                if (rule.prefix() != null && (v.value().isNull() || v.value().asText().isEmpty() || v.value().asText().equals("None"))) continue;
                raw.add(v);
            }
        }
        int group = 0;
        for (Resolution.Value v : raw) {
            if (v != null) {
                for (JsonNode out : format(rule.format(), v.value(), hashes, field)) {
                    all.add(new Captured(node.id(), v.sourceNodeId(), field, out, group, rule.scope()));
                }
            }
            group++;
        }
    }

    private void note(String nodeId, String text) {
        List<String> list = notes.computeIfAbsent(nodeId, k -> new ArrayList<>());
        if (!list.contains(text)) list.add(text);
    }

    private static List<JsonNode> format(String format, JsonNode v, HashLookup hashes, MetaField field) {
        if (format == null) return List.of(v);
        return switch (format) {
            case "model_hash" -> hash(hashes, HashKind.MODEL, v);
            case "vae_hash" -> hash(hashes, HashKind.VAE, v);
            case "lora_hash" -> hash(hashes, HashKind.LORA, v);
            case "embedding_names" -> embeddingNames(v.asText()).stream().map(n -> (JsonNode) TextNode.valueOf(n)).toList();
            case "embedding_hashes" -> embeddingNames(v.asText()).stream()
                    .flatMap(n -> hashes.hash(HashKind.EMBEDDING, n).stream()).map(h -> (JsonNode) TextNode.valueOf(h)).toList();
            case "negate" -> v.isIntegralNumber() ? List.of(JSON.numberNode(v.bigIntegerValue().negate()))
                    : v.isNumber() ? List.of(JSON.numberNode(-v.doubleValue())) : List.of();
            case "sampler_of_scheduler" -> List.of(TextNode.valueOf(SchedulerSplit.of(v).sampler()));
            case "scheduler_of_scheduler" -> List.of(TextNode.valueOf(SchedulerSplit.of(v).scheduler()));
            case "vae_name_not_baked" -> v.asText().equalsIgnoreCase("Baked VAE") ? List.of() : List.of(v);
            default -> throw new IllegalStateException("unknown capture format '" + format + "' for " + field);
        };
    }

    private static List<JsonNode> hash(HashLookup hashes, HashKind kind, JsonNode v) {
        if (!v.isTextual() || v.asText().isBlank() || v.asText().equalsIgnoreCase("none")) return List.of();
        return hashes.hash(kind, v.asText()).map(h -> List.<JsonNode>of(TextNode.valueOf(h))).orElse(List.of());
    }

    /** {@code embedding:NAME} tokens of a prompt, file names without folders, case-insensitively distinct. */
    static List<String> embeddingNames(String prompt) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        Matcher m = EMBEDDING.matcher(prompt);
        while (m.find()) {
            String name = FileNames.basename(m.group(1)).replaceAll("[.;!?'\"]+$", "");
            if (!name.isEmpty() && name.length() <= 80 && seen.add(name.toLowerCase(Locale.ROOT))) out.add(name);
        }
        return out;
    }

    /** Named selectors for stacked widgets. */
    private static List<Resolution.Value> select(Node node, String selector, ValueResolver values) {
        return switch (selector) {
            case "rgthree_power_lora_names", "rgthree_power_lora_strengths" -> {
                List<Resolution.Value> out = new ArrayList<>();
                for (String in : node.inputs().keySet()) {
                    if (!in.toLowerCase(Locale.ROOT).startsWith("lora_")) continue;
                    Resolution r = values.resolve(node, in);
                    if (!(r instanceof Resolution.Value v) || !v.value().isObject()) continue;
                    JsonNode o = v.value();
                    if (!o.path("on").asBoolean(true) || !o.path("lora").isTextual()) continue;
                    out.add(new Resolution.Value(selector.endsWith("names") ? o.get("lora") : o.path("strength"), v.sourceNodeId()));
                }
                yield out;
            }
            default -> throw new IllegalStateException("unknown capture selector '" + selector + "'");
        };
    }
}
