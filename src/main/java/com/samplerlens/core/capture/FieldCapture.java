package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.InputValue;
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
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.;!?'\"]+$");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final Pattern PRESET_SIZE = Pattern.compile("(\\d+)\\s*[x×]\\s*(\\d+)");

    private final List<Captured> all = new ArrayList<>();
    private final Map<String, List<String>> notes = new TreeMap<>(com.samplerlens.core.graph.NodeIds.ORDER);
    private final Map<String, List<String>> warnings = new TreeMap<>(com.samplerlens.core.graph.NodeIds.ORDER);
    private final Graph graph;
    private final CaptureRules rules;

    private FieldCapture(Graph graph, CaptureRules rules) {
        this.graph = graph;
        this.rules = rules;
    }

    public static FieldCapture run(Graph graph, CaptureRules rules, ValueResolver values, PromptRouting routing, HashLookup hashes) {
        FieldCapture c = new FieldCapture(graph, rules);
        for (Node node : graph.nodes().values()) {
            for (var e : rules.of(node.classType()).entrySet()) c.capture(node, e.getKey(), e.getValue(), values, routing, hashes);
        }
        return c;
    }

    /** Every captured value, in graph order. */
    public List<Captured> all() { return all; }

    /** Notes per node id: values that could not be resolved statically. */
    public Map<String, List<String>> notes() { return notes; }

    /** Warnings per node id: values left out because writing them would be wrong (a seed of -1 means "random at run time"). */
    public Map<String, List<String>> warnings() { return warnings; }

    private void capture(Node node, MetaField field, CaptureRule rule, ValueResolver values, PromptRouting routing, HashLookup hashes) {
        if (rule.validate() != null) {
            PromptRouting.Branch b = rule.validate().equals("negative_prompt") ? PromptRouting.Branch.NEGATIVE : PromptRouting.Branch.POSITIVE;
            if (!routing.isPrompt(node.id(), b)) return;
        }
        List<Resolution.Value> raw = new ArrayList<>();
        if (rule.selector() != null) {
            raw.addAll(select(node, rule, values));
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
            if (v != null && field == MetaField.SEED && isRandomSeed(v.value())) {
                String where = v.sourceNodeId().equals(node.id()) ? "" : " (from node " + v.sourceNodeId() + ")";
                add(warnings, node.id(), "seed " + v.value().asText() + " of " + node.classType() + " node " + node.id() + where
                        + " means a random seed chosen when ComfyUI runs; it is left out");
                withhold(node, v, group, rule);
                v = null;
            }
            String control = v != null && field == MetaField.SEED ? changingControl(v) : null;
            if (control != null) {
                String where = v.sourceNodeId().equals(node.id()) ? "" : " (from node " + v.sourceNodeId() + ")";
                add(warnings, node.id(), "seed " + v.value().asText() + " of " + node.classType() + " node " + node.id() + where
                        + " is set to \"" + control + "\" after every run, so a saved workflow holds the next run's seed, not one that made an image; it is left out");
                withhold(node, v, group, rule);
                v = null;
            }
            if (v != null) {
                for (JsonNode out : format(rule.format(), v.value(), hashes, field, node, values)) {
                    all.add(new Captured(node.id(), v.sourceNodeId(), field, out, group, rule.scope()));
                }
            }
            group++;
        }
    }

    /**
     * Records a seed left out as a null value, so that the nearest seed stays unknown: no seed of
     * another node (a second sampler's, the save node's scope) stands in for it.
     */
    private void withhold(Node node, Resolution.Value v, int group, CaptureRule rule) {
        all.add(new Captured(node.id(), v.sourceNodeId(), MetaField.SEED, JSON.nullNode(), group, rule.scope()));
    }

    private void note(String nodeId, String text) {
        add(notes, nodeId, text);
    }

    private static void add(Map<String, List<String>> m, String nodeId, String text) {
        List<String> list = m.computeIfAbsent(nodeId, k -> new ArrayList<>());
        if (!list.contains(text)) list.add(text);
    }

    /**
     * The control_after_generate ("randomize", "increment", "decrement") of the widget that holds
     * the value on its source node, or null: set only on graphs from a saved workflow file.
     */
    private String changingControl(Resolution.Value v) {
        Node source = graph.node(v.sourceNodeId());
        if (source == null) return null;
        for (var e : source.runControls().entrySet()) {
            if (source.inputs().get(e.getKey()) instanceof InputValue.Literal l && l.value().equals(v.value())) return e.getValue();
        }
        return null;
    }

    /** -1 (and the other negatives rgthree / SD Prompt Reader use for random, increment, decrement) are no seed that ran. */
    private static boolean isRandomSeed(JsonNode v) {
        Long l = Values.toLong(v);
        return l != null && l < 0;
    }

    private List<JsonNode> format(String format, JsonNode v, HashLookup hashes, MetaField field, Node node, ValueResolver values) {
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
            case "sigma_count" -> sigmaSteps(v);
            case "scaled_width", "scaled_height" -> {
                Double scale = Values.toDouble(v);
                Long px = scale == null ? null : LatentSize.scaled(graph, values, rules, node, scale, format.equals("scaled_width"));
                if (px == null) note(node.id(), format.substring(7) + ": the size of the latent before the upscale is not known statically");
                yield px == null ? List.of() : List.of(JSON.numberNode(px));
            }
            case "preset_width", "preset_height" -> {
                // SDXLEmptyLatentSizePicker+: a width_override / height_override above 0 wins over the preset
                JsonNode override = values.resolve(node, format.substring(7) + "_override") instanceof Resolution.Value o ? o.value() : null;
                if (override != null && override.canConvertToLong() && override.asLong() > 0) yield List.of(JSON.numberNode(override.asLong()));
                Matcher m = PRESET_SIZE.matcher(v.asText());
                yield m.find() ? List.of(JSON.numberNode(Long.parseLong(m.group(format.equals("preset_width") ? 1 : 2)))) : List.of();
            }
            default -> throw new IllegalStateException("unknown capture format '" + format + "' for " + field);
        };
    }

    /** ManualSigmas: a list of n sigmas is n − 1 steps. */
    private static List<JsonNode> sigmaSteps(JsonNode v) {
        int count = 0;
        if (v.isArray()) count = v.size();
        else {
            Matcher m = NUMBER.matcher(v.asText());
            while (m.find()) count++;
        }
        return count < 2 ? List.of() : List.of(JSON.numberNode(count - 1));
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
            String name = TRAILING_PUNCTUATION.matcher(FileNames.basename(m.group(1))).replaceAll("");
            if (!name.isEmpty() && name.length() <= 80 && seen.add(name.toLowerCase(Locale.ROOT))) out.add(name);
        }
        return out;
    }

    /** Named selectors for stacked widgets; each family yields names, model strengths or clip strengths of the same entries. */
    private static List<Resolution.Value> select(Node node, CaptureRule rule, ValueResolver values) {
        String selector = rule.selector();
        int cut = selector.lastIndexOf("_names") >= 0 ? selector.lastIndexOf("_names") : selector.lastIndexOf("_strengths");
        if (cut < 0) throw new IllegalStateException("unknown capture selector '" + selector + "'");
        String family = selector.substring(0, cut);
        String part = selector.substring(cut + 1);
        List<LoraTags.Entry> entries = switch (family) {
            case "rgthree_power_lora" -> rgthreePowerLora(node, values);
            case "inline_lora" -> LoraTags.parse(firstText(node, rule.inputs(), values));
            case "lora_manager" -> loraManager(node, rule.inputs(), values);
            case "easy_lora_stack" -> easyLoraStack(node, values);
            case "cr_lora_stack" -> crLoraStack(node, values);
            default -> throw new IllegalStateException("unknown capture selector '" + selector + "'");
        };
        List<Resolution.Value> out = new ArrayList<>();
        for (LoraTags.Entry e : entries) {
            JsonNode v = switch (part) {
                case "names" -> e.name();
                case "strengths", "strengths_model" -> e.strengthModel();
                case "strengths_clip" -> e.strengthClip();
                default -> throw new IllegalStateException("unknown capture selector '" + selector + "'");
            };
            out.add(v == null || v.isNull() || v.isMissingNode() ? null : new Resolution.Value(v, e.heldBy() == null ? node.id() : e.heldBy()));
        }
        return out;
    }

    /** Power Lora Loader: its lora_N widgets hold {on, lora, strength[, strengthTwo]}. */
    private static List<LoraTags.Entry> rgthreePowerLora(Node node, ValueResolver values) {
        List<LoraTags.Entry> out = new ArrayList<>();
        for (String in : node.inputs().keySet()) {
            if (!in.toLowerCase(Locale.ROOT).startsWith("lora_")) continue;
            Resolution r = values.resolve(node, in);
            if (!(r instanceof Resolution.Value v) || !v.value().isObject()) continue;
            JsonNode o = v.value();
            if (!o.path("on").asBoolean(true) || !o.path("lora").isTextual()) continue;
            // the anchor writes the model strength as the clip strength too
            out.add(new LoraTags.Entry(o.get("lora"), o.path("strength"), o.path("strength"), v.sourceNodeId()));
        }
        return out;
    }

    /** LoRA Manager: its loras list ({name, strength, clipStrength, active}), else the tags of its text. */
    private static List<LoraTags.Entry> loraManager(Node node, List<String> textInputs, ValueResolver values) {
        Resolution r = values.resolve(node, "loras");
        if (r instanceof Resolution.Value v) {
            JsonNode list = v.value().has("__value__") ? v.value().get("__value__") : v.value();
            if (list.isArray() && !list.isEmpty()) {
                List<LoraTags.Entry> out = new ArrayList<>();
                for (JsonNode e : list) {
                    if (!e.isObject() || e.path("active").asBoolean(true) == false || !e.path("name").isTextual()) continue;
                    JsonNode sm = e.has("strength") ? e.get("strength") : e.path("model_strength");
                    JsonNode sc = e.has("clipStrength") ? e.get("clipStrength") : e.has("clip_strength") ? e.get("clip_strength") : sm;
                    out.add(new LoraTags.Entry(e.get("name"), sm, sc, v.sourceNodeId()));
                }
                return out;
            }
        }
        return LoraTags.parse(firstText(node, textInputs, values));
    }

    /** easy loraStack: lora_N_name with one strength (simple mode) or model and clip strengths, for N up to num_loras. */
    private static List<LoraTags.Entry> easyLoraStack(Node node, ValueResolver values) {
        List<LoraTags.Entry> out = new ArrayList<>();
        JsonNode toggle = valueOf(node, "toggle", values);
        if (toggle != null && toggle.isBoolean() && !toggle.booleanValue()) return out;
        JsonNode count = valueOf(node, "num_loras", values);
        JsonNode mode = valueOf(node, "mode", values);
        boolean simple = mode == null || !mode.asText().equalsIgnoreCase("advanced");
        int n = count != null && count.canConvertToInt() ? count.asInt() : 10;
        for (int i = 1; i <= n; i++) {
            JsonNode name = valueOf(node, "lora_" + i + "_name", values);
            if (name == null || !name.isTextual() || name.asText().isBlank() || name.asText().equalsIgnoreCase("none")) continue;
            JsonNode sm = valueOf(node, "lora_" + i + (simple ? "_strength" : "_model_strength"), values);
            JsonNode sc = simple ? sm : valueOf(node, "lora_" + i + "_clip_strength", values);
            out.add(new LoraTags.Entry(name, sm, sc, null));
        }
        return out;
    }

    /** Comfyroll CR LoRA Stack: lora_name_N with model_weight_N and clip_weight_N where switch_N is "On". */
    private static List<LoraTags.Entry> crLoraStack(Node node, ValueResolver values) {
        List<LoraTags.Entry> out = new ArrayList<>();
        for (int i = 1; node.inputs().containsKey("lora_name_" + i); i++) {
            JsonNode on = valueOf(node, "switch_" + i, values);
            if (on == null || !(on.asText().equalsIgnoreCase("on") || (on.isBoolean() && on.booleanValue()))) continue;
            JsonNode name = valueOf(node, "lora_name_" + i, values);
            if (name == null || !name.isTextual() || name.asText().isBlank() || name.asText().equalsIgnoreCase("none")) continue;
            out.add(new LoraTags.Entry(name, valueOf(node, "model_weight_" + i, values), valueOf(node, "clip_weight_" + i, values), null));
        }
        return out;
    }

    private static JsonNode valueOf(Node node, String input, ValueResolver values) {
        return values.resolve(node, input) instanceof Resolution.Value v ? v.value() : null;
    }

    /** The first of {@code inputs} whose static value is a non-empty text. */
    private static LoraTags.Text firstText(Node node, List<String> inputs, ValueResolver values) {
        for (String in : inputs) {
            if (values.resolve(node, in) instanceof Resolution.Value v && v.value().isTextual() && !v.value().asText().isBlank()) {
                return new LoraTags.Text(v.value().asText(), v.sourceNodeId());
            }
        }
        return null;
    }
}
