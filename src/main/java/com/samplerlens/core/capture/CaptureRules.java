package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.trace.DataFiles;
import com.samplerlens.core.trace.SamplerClassifier;
import com.samplerlens.core.trace.SamplerTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Capture rules as data: {@code capture/rules.json} (the anchor's baseline classes and node-pack
 * rules, plus Wan start/end steps), user files of the same shape merged on top per class and field.
 */
public final class CaptureRules {

    /**
     * The bundled file's classes, each as its JSON, parsed into rules on first use: checking and
     * building every rule of the file (hundreds of classes) cost 95–190 ms of a one-file run's
     * start-up, and a workflow uses a dozen classes. A holder class: the file is read when a
     * class is first asked for, once per process.
     */
    private static final class Bundled {
        static final Map<String, JsonNode> CLASSES = classes(DataFiles.bundled("capture/rules.json"));
    }

    /** The rules of user files, checked when they load (an error names the file at once), merged per class and field. */
    private final Map<String, Map<MetaField, CaptureRule>> merged;
    /** Each class's rules once built: the bundled JSON's, then the user files' on top. */
    private final Map<String, Map<MetaField, CaptureRule>> built = new ConcurrentHashMap<>();

    private CaptureRules(Map<String, Map<MetaField, CaptureRule>> merged) {
        this.merged = Collections.unmodifiableMap(merged);
    }

    /** The bundled rules; the file is read on the first class asked for, and each class built on first use. */
    public static CaptureRules bundled() {
        return new CaptureRules(new LinkedHashMap<>());
    }

    private static Map<String, JsonNode> classes(JsonNode json) {
        JsonNode body = json.has("rules") ? json.get("rules") : json;
        Map<String, JsonNode> m = new HashMap<>();
        for (var cls : body.properties()) {
            if (!cls.getKey().startsWith("_")) m.put(cls.getKey(), cls.getValue());
        }
        return Collections.unmodifiableMap(m);
    }

    public CaptureRules withUserFile(Path file) {
        try {
            return merge(DataFiles.user(file));
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(file.toString()) ? e : new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** Merges {@code {"rules": {class: {FIELD: rule}}}} (the wrapper is optional) on top; every rule is checked now. */
    public CaptureRules merge(JsonNode json) {
        Map<String, Map<MetaField, CaptureRule>> next = new LinkedHashMap<>();
        merged.forEach((k, v) -> next.put(k, new EnumMap<>(v)));
        classes(json).forEach((cls, body) -> {
            Map<MetaField, CaptureRule> byField = next.computeIfAbsent(cls, k -> new EnumMap<>(MetaField.class));
            parseClass(cls, body, byField);
        });
        return new CaptureRules(next);
    }

    /** The rules of one class's JSON into {@code byField}, each checked. */
    private static void parseClass(String cls, JsonNode body, Map<MetaField, CaptureRule> byField) {
        for (var f : body.properties()) {
            if (f.getKey().startsWith("_")) continue;
            MetaField field;
            try {
                field = MetaField.parse(f.getKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rule " + cls + "." + f.getKey() + ": no such field (" + e.getMessage() + ")");
            }
            byField.put(field, parseRule(cls, f.getKey(), f.getValue()));
        }
    }

    /** Builds every bundled class now (the tests check the whole file this way); the number of classes. */
    int buildAll() {
        Bundled.CLASSES.keySet().forEach(this::of);
        return Bundled.CLASSES.size();
    }

    /**
     * One rule, checked as it loads: a typo in a key, a format, a selector, a validation or a scope
     * is one clear error naming the rule, never a rule that silently captures nothing.
     */
    private static CaptureRule parseRule(String cls, String field, JsonNode r) {
        String where = "rule " + cls + "." + field;
        if (!r.isObject()) throw new IllegalArgumentException(where + ": expected an object such as {\"field_name\": \"seed\"}");
        for (var it = r.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.startsWith("_") && !CaptureRule.KEYS.contains(k)) {
                throw new IllegalArgumentException(where + ": unknown key '" + k + "' (known: " + String.join(", ", new java.util.TreeSet<>(CaptureRule.KEYS)) + ")");
            }
        }
        checkName(where, "format", text(r, "format"), CaptureRule.FORMATS);
        checkName(where, "selector", text(r, "selector"), CaptureRule.SELECTORS);
        checkName(where, "validate", text(r, "validate"), CaptureRule.VALIDATIONS);
        String scopeName = text(r, "scope");
        if (scopeName != null && java.util.Arrays.stream(CaptureRule.Scope.values()).noneMatch(sc -> sc.name().equalsIgnoreCase(scopeName))) {
            throw new IllegalArgumentException(where + ": unknown scope '" + scopeName + "' (known: all, sampler)");
        }
        List<String> inputs = new ArrayList<>();
        if (r.path("field_name").isTextual()) inputs.add(r.get("field_name").asText());
        r.path("fields").forEach(n -> inputs.add(n.asText()));
        String prefix = text(r, "prefix");
        String selector = text(r, "selector");
        if (inputs.isEmpty() && prefix == null && selector == null)
            throw new IllegalArgumentException("rule " + cls + "." + field + " names no input (field_name, fields, prefix or selector)");
        String scope = text(r, "scope");
        return new CaptureRule(inputs, prefix, selector, text(r, "format"), text(r, "validate"),
                scope == null ? CaptureRule.Scope.ALL : CaptureRule.Scope.valueOf(scope.toUpperCase(Locale.ROOT)));
    }

    private static void checkName(String where, String key, String value, java.util.Set<String> known) {
        if (value != null && !known.contains(value)) {
            throw new IllegalArgumentException(where + ": unknown " + key + " '" + value + "' (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
        }
    }

    private static String text(JsonNode r, String key) {
        return r.path(key).isTextual() ? r.get(key).asText() : null;
    }

    /** The rules of a class (empty when none). */
    public Map<MetaField, CaptureRule> of(String classType) {
        Map<MetaField, CaptureRule> r = built.get(classType);
        if (r != null) return r;
        // only classes with rules are kept: class names come from files, a hostile folder has no end of them
        if (!hasRules(classType)) return Map.of();
        return built.computeIfAbsent(classType, this::build);
    }

    private Map<MetaField, CaptureRule> build(String classType) {
        JsonNode body = Bundled.CLASSES.get(classType);
        Map<MetaField, CaptureRule> user = merged.get(classType);
        Map<MetaField, CaptureRule> r = new EnumMap<>(MetaField.class);
        if (body != null) parseClass(classType, body, r);
        if (user != null) r.putAll(user);
        return Collections.unmodifiableMap(r);
    }

    public boolean hasRules(String classType) { return merged.containsKey(classType) || Bundled.CLASSES.containsKey(classType); }

    /**
     * The anchor's heuristic: the class's rules hold a sampler name, or both steps and cfg
     * (flat-scope rules only). Asked once per class: {@link SamplerClassifier} keeps the answer.
     */
    public boolean looksLikeSampler(String classType) {
        if (!hasRules(classType)) return false; // no rules, no sampler fields
        Map<MetaField, CaptureRule> r = of(classType);
        boolean name = flat(r, MetaField.SAMPLER_NAME);
        return name || (flat(r, MetaField.STEPS) && flat(r, MetaField.CFG));
    }

    private static boolean flat(Map<MetaField, CaptureRule> r, MetaField f) {
        CaptureRule rule = r.get(f);
        return rule != null && rule.scope() == CaptureRule.Scope.ALL;
    }

    /** Sampler classification: the table, then this heuristic. */
    public SamplerClassifier classifier(SamplerTable table) {
        return new SamplerClassifier(table, this::looksLikeSampler);
    }
}
