package com.samplerlens.core.graph;

import com.samplerlens.core.container.json.PromptShape;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.samplerlens.core.container.json.JsonShape;
import com.samplerlens.core.json.LenientJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Graph} from a ComfyUI API prompt: {@code {"<id>": {"class_type", "inputs", "_meta"}}},
 * optionally wrapped as {@code {"prompt": {...}}}. An input {@code [id, int]} is a link; every
 * other value is a literal kept exactly as written.
 */
public final class ApiPromptLoader {
    private ApiPromptLoader() {}

    /** True when the JSON looks like an API prompt (possibly wrapped). */
    public static boolean isApiPrompt(JsonNode root) {
        return PromptShape.isApiPrompt(root);
    }

    /**
     * Loads the graph. Entries that are not nodes (no {@code class_type}) are skipped and named
     * in {@code warnings}.
     */
    public static Graph load(JsonNode root, List<String> warnings) {
        JsonNode body = unwrap(root);
        if (body == null || !body.isObject()) throw new IllegalArgumentException("not a ComfyUI API prompt (expected a JSON object of nodes)");
        List<Node> nodes = new ArrayList<>();
        for (var it = body.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            JsonNode n = e.getValue();
            if (!n.isObject() || !n.path("class_type").isTextual()) {
                warnings.add("entry '" + e.getKey() + "' is not a node (no class_type); skipped");
                continue;
            }
            Map<String, InputValue> inputs = new LinkedHashMap<>();
            JsonNode in = n.path("inputs");
            if (in.isObject()) {
                for (var fit = in.properties().iterator(); fit.hasNext(); ) {
                    var f = fit.next();
                    inputs.put(f.getKey(), toInput(f.getValue()));
                }
            }
            String title = n.path("_meta").path("title").isTextual() ? n.path("_meta").path("title").asText() : null;
            nodes.add(new Node(e.getKey(), n.get("class_type").asText(), title, inputs, 0, null));
        }
        return new Graph(nodes);
    }

    /**
     * Loads the graph straight from the text, without a JSON tree: the same graph and warnings as
     * {@code load(LenientJson.parse(text), warnings)}, in a fraction of the memory (a 49 MB prompt
     * of 200,000 samplers: its tree alone took about 480 MB). Equal literals are shared.
     *
     * @throws JsonProcessingException when the text is not JSON
     * @throws IllegalArgumentException when it is JSON but no API prompt
     */
    public static Graph load(String text, List<String> warnings) throws JsonProcessingException {
        return load(text, JsonShape.of(text), warnings);
    }

    /** As {@link #load(String, List)} for a text whose shape is known already. */
    public static Graph load(String text, JsonShape shape, List<String> warnings) throws JsonProcessingException {
        if (!shape.apiPrompt()) throw new IllegalArgumentException("not a ComfyUI API prompt (expected a JSON object of nodes)");
        try (JsonParser p = LenientJson.factory().createParser(text)) {
            p.nextToken();
            Map<String, Node> body = null;
            Literals literals = new Literals();
            if (shape.wrapped()) {
                // the last "prompt" object is the one the tree keeps
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (p.nextToken() == JsonToken.START_OBJECT && name.equals("prompt")) body = readBody(p, literals);
                    else JsonShape.skipValue(p);
                }
            } else {
                body = readBody(p, literals);
            }
            List<Node> nodes = new ArrayList<>(body.size());
            for (Map.Entry<String, Node> e : body.entrySet()) {
                if (e.getValue() == null) warnings.add("entry '" + e.getKey() + "' is not a node (no class_type); skipped");
                else nodes.add(e.getValue());
            }
            return new Graph(nodes);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading a string failed", e);
        }
    }

    /** The entries of the object the parser is at: a node, or null for an entry that is none (the last value of a key counts). */
    private static Map<String, Node> readBody(JsonParser p, Literals literals) throws IOException {
        Map<String, Node> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String id = literals.text(p.currentName());
            entries.put(id, p.nextToken() == JsonToken.START_OBJECT ? readNode(p, id, literals) : skip(p));
        }
        return entries;
    }

    private static Node skip(JsonParser p) throws IOException {
        JsonShape.skipValue(p);
        return null;
    }

    private static Node readNode(JsonParser p, String id, Literals literals) throws IOException {
        String classType = null;
        Map<String, InputValue> inputs = Map.of();
        String title = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "class_type" -> {
                    classType = value == JsonToken.VALUE_STRING ? literals.text(p.getText()) : null;
                    JsonShape.skipValue(p);
                }
                case "inputs" -> {
                    inputs = Map.of();
                    if (value == JsonToken.START_OBJECT) {
                        Map<String, InputValue> read = new LinkedHashMap<>();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = literals.text(p.currentName());
                            p.nextToken();
                            read.put(name, literals.input(LenientJson.readValue(p)));
                        }
                        inputs = literals.inputs(read);
                    } else {
                        JsonShape.skipValue(p); // "inputs": [..] is no inputs, and must be read past whole
                    }
                }
                case "_meta" -> {
                    title = null;
                    if (value == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            boolean isTitle = p.currentName().equals("title");
                            JsonToken v = p.nextToken();
                            if (isTitle) title = v == JsonToken.VALUE_STRING ? p.getText() : null;
                            JsonShape.skipValue(p);
                        }
                    } else {
                        JsonShape.skipValue(p);
                    }
                }
                default -> JsonShape.skipValue(p);
            }
        }
        return classType == null ? null : new Node(id, classType, title, inputs, 0, null);
    }

    /**
     * One instance per distinct small value: 200,000 samplers share "euler", 20 and ["4", 0]
     * rather than each holding a copy. Bounded, so that a file of distinct values costs nothing more.
     * Names, class types and node ids are shared too: the parser's name table is cleared every
     * 65,536 names, so a 200,000-node prompt gave 1.5 million copies of ten input names, one
     * "KSampler" per node and a second string per link source (≈ 80 MB of a 512 MB heap).
     */
    private static final class Literals {
        private static final int MAX_SHARED = 65_536;
        /** Texts are cheaper to keep than values; ids are as many as nodes, which the graph holds anyway. */
        private static final int MAX_TEXTS = 1 << 21;
        private final Map<JsonNode, InputValue> shared = new HashMap<>();
        private final Map<String, String> texts = new HashMap<>();

        /** The first instance of an equal string read so far (a node id, a link's source id, a name). */
        String text(String s) {
            if (s == null) return null;
            String known = texts.get(s);
            if (known != null) return known;
            if (texts.size() < MAX_TEXTS) texts.put(s, s);
            return s;
        }

        /** Bounded like the values: a file of ever-new name lists keeps its own arrays. */
        private final Map<List<String>, String[]> nameLists = new HashMap<>();

        /** The inputs as read, their names array shared with every earlier node of the same names. */
        Map<String, InputValue> inputs(Map<String, InputValue> read) {
            String[] names = read.keySet().toArray(new String[0]);
            InputValue[] values = read.values().toArray(new InputValue[0]);
            String[] known = nameLists.get(Arrays.asList(names));
            if (known != null) names = known;
            else if (nameLists.size() < MAX_SHARED) nameLists.put(Arrays.asList(names), names);
            return InputMap.ofShared(names, values);
        }

        InputValue input(TreeNode read) {
            JsonNode v = read == null ? NullNode.instance : (JsonNode) read;
            boolean small = v.isValueNode() || v.isArray() && v.size() == 2 && v.get(0).isValueNode() && v.get(1).isValueNode();
            if (!small) return toInput(v);
            InputValue known = shared.get(v);
            if (known != null) return known;
            InputValue made = toInput(v);
            if (made instanceof InputValue.Link l) made = new InputValue.Link(text(l.sourceId()), l.outputIndex());
            if (shared.size() < MAX_SHARED) shared.put(v, made);
            return made;
        }
    }

    /** {@code [sourceId, outputIndex]} with a string or integer id and an integer index is a link. */
    public static InputValue toInput(JsonNode v) {
        if (v.isArray() && v.size() == 2 && (v.get(0).isTextual() || v.get(0).isIntegralNumber())
                && v.get(1).isIntegralNumber() && v.get(1).canConvertToInt()) {
            return new InputValue.Link(v.get(0).asText(), v.get(1).asInt());
        }
        return new InputValue.Literal(v);
    }

    private static JsonNode unwrap(JsonNode root) {
        return PromptShape.unwrap(root);
    }
}
