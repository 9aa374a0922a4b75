package com.samplerlens.core.edit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.samplerlens.core.json.LenientJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code edits.json}: an edit list as a small, documented JSON file (docs/edits-json.md).
 * <pre>
 * { "format": "samplerlens-edits", "version": 1,
 *   "edits": [
 *     { "op": "set",         "field": "Steps", "value": "30" },
 *     { "op": "set_sampler", "sampler": 2, "field": "cfg", "value": "4.5" },   value null clears the field
 *     { "op": "add_key",     "key": "Artist", "value": "me" },
 *     { "op": "remove_key",  "key": "Seed" },
 *     { "op": "prompt",      "prompt": "positive|negative|t5|clip", "text": "…" } ] }
 * </pre>
 * Values may be JSON strings or numbers (read as the text a person would type). Reading fails
 * with an {@link IllegalArgumentException} naming the edit that is wrong.
 */
public final class EditsJson {
    private EditsJson() {}

    public static final String FORMAT = "samplerlens-edits";
    public static final int VERSION = 1;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public static ObjectNode toJson(EditList list) {
        ObjectNode root = JSON.objectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode edits = root.putArray("edits");
        for (MetadataEdit e : list.edits()) {
            ObjectNode o = edits.addObject();
            switch (e) {
                case SetFlatField s -> o.put("op", "set").put("field", s.field().key()).put("value", s.value());
                case SetSamplerField s -> o.put("op", "set_sampler").put("sampler", s.sampler()).put("field", s.field().id()).put("value", s.value());
                case AddExtraKey a -> o.put("op", "add_key").put("key", a.key()).put("value", a.value());
                case RemoveKey r -> o.put("op", "remove_key").put("key", r.key());
                case ReplacePrompt p -> o.put("op", "prompt").put("prompt", p.prompt().id()).put("text", p.text());
            }
        }
        return root;
    }

    public static String write(EditList list) {
        return LenientJson.pretty(toJson(list)) + "\n";
    }

    public static EditList parse(String text) {
        JsonNode root;
        try {
            root = LenientJson.parse(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + LenientJson.describe(e));
        }
        if (root == null || !root.isObject() || !root.path("edits").isArray()) {
            throw new IllegalArgumentException("expected {\"format\": \"" + FORMAT + "\", \"edits\": [...]}");
        }
        if (root.has("format") && !FORMAT.equals(root.get("format").asText())) {
            throw new IllegalArgumentException("format is \"" + root.get("format").asText() + "\", expected \"" + FORMAT + "\"");
        }
        if (root.path("version").asInt(VERSION) > VERSION) {
            throw new IllegalArgumentException("version " + root.get("version").asText() + " is newer than this SamplerLens reads (" + VERSION + ")");
        }
        List<MetadataEdit> edits = new ArrayList<>();
        int i = 0;
        for (JsonNode e : root.get("edits")) {
            i++;
            try {
                edits.add(edit(e));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("edit " + i + ": " + ex.getMessage());
            }
        }
        return new EditList(edits);
    }

    private static MetadataEdit edit(JsonNode e) {
        if (!e.isObject()) throw new IllegalArgumentException("not an object");
        String op = text(e, "op").orElseThrow(() -> new IllegalArgumentException("no \"op\""));
        return switch (op) {
            case "set" -> {
                String field = required(e, "field");
                yield new SetFlatField(FlatField.byKey(field).orElseThrow(() -> new IllegalArgumentException("unknown field \"" + field + "\"")),
                        required(e, "value"));
            }
            case "set_sampler" -> {
                JsonNode n = e.get("sampler");
                if (n == null || !n.canConvertToInt()) throw new IllegalArgumentException("\"sampler\" must be a number (1 for Sampler_1)");
                String field = required(e, "field");
                yield new SetSamplerField(n.intValue(),
                        SamplerField.byName(field).orElseThrow(() -> new IllegalArgumentException("unknown sampler field \"" + field + "\"")),
                        text(e, "value").orElse(null));
            }
            case "add_key" -> new AddExtraKey(required(e, "key"), required(e, "value"));
            case "remove_key" -> new RemoveKey(required(e, "key"));
            case "prompt" -> {
                String which = required(e, "prompt");
                yield new ReplacePrompt(PromptKind.byName(which).orElseThrow(() -> new IllegalArgumentException("unknown prompt \"" + which + "\"")),
                        required(e, "text"));
            }
            default -> throw new IllegalArgumentException("unknown op \"" + op + "\" (set, set_sampler, add_key, remove_key, prompt)");
        };
    }

    private static String required(JsonNode e, String name) {
        return text(e, name).orElseThrow(() -> new IllegalArgumentException("no \"" + name + "\""));
    }

    private static Optional<String> text(JsonNode e, String name) {
        JsonNode v = e.get(name);
        if (v == null || v.isNull()) return Optional.empty();
        if (v.isTextual()) return Optional.of(v.textValue());
        if (v.isNumber() || v.isBoolean()) return Optional.of(v.asText());
        throw new IllegalArgumentException("\"" + name + "\" must be text or a number");
    }
}
