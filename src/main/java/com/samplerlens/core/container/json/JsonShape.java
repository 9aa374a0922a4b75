package com.samplerlens.core.container.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.samplerlens.core.json.LenientJson;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * What kind of ComfyUI JSON a text is, found by one streaming pass that builds no tree (a 49 MB
 * prompt's tree alone needs about 480 MB). The answers are those of {@link PromptShape} and
 * {@code UiWorkflowConverter.isUiWorkflow} on the parsed tree, and the pass checks the whole first
 * JSON value with the same limits as {@link LenientJson#parse}, so a syntax error is the same error.
 */
public record JsonShape(boolean empty, boolean uiWorkflow, boolean apiPrompt, boolean wrapped) {

    private static final JsonShape EMPTY = new JsonShape(true, false, false, false);
    private static final JsonShape NEITHER = new JsonShape(false, false, false, false);

    /**
     * @param empty      no JSON value at all (blank text)
     * @param uiWorkflow an object with a {@code nodes} list ({@code UiWorkflowConverter.isUiWorkflow})
     * @param apiPrompt  an object of nodes with {@code class_type}, possibly wrapped ({@link PromptShape#isApiPrompt})
     * @param wrapped    the nodes are those of a {@code {"prompt": {…}}} wrapper ({@link PromptShape#unwrap} unwraps)
     */
    public JsonShape {}

    /** @throws JsonProcessingException when the text is not valid JSON (the message says where) */
    public static JsonShape of(String text) throws JsonProcessingException {
        try (JsonParser p = LenientJson.factory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) return EMPTY;
            if (first != JsonToken.START_OBJECT) {
                skipValue(p);
                return NEITHER;
            }
            boolean nodesIsArray = false;
            // a repeated key: the tree keeps the last value, so the last one decides here too
            Map<String, Boolean> rootEntryIsNode = new HashMap<>();
            boolean promptIsObject = false;
            ObjectScan prompt = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("nodes")) nodesIsArray = value == JsonToken.START_ARRAY;
                if (value == JsonToken.START_OBJECT) {
                    ObjectScan scan = ObjectScan.of(p);
                    rootEntryIsNode.put(name, scan.hasClassType);
                    if (name.equals("prompt")) {
                        promptIsObject = true;
                        prompt = scan;
                    }
                } else {
                    rootEntryIsNode.put(name, false);
                    if (name.equals("prompt")) promptIsObject = false;
                    skipValue(p);
                }
            }
            boolean wrapped = promptIsObject && !prompt.hasClassType;
            boolean api = wrapped ? prompt.hasEntries && prompt.entryHasClassType : rootEntryIsNode.containsValue(true);
            return new JsonShape(false, nodesIsArray, api, wrapped);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading a string failed", e);
        }
    }

    /**
     * Reads past the value the parser is at, making every long string: Jackson checks a string's
     * length only when its text is made, which skipChildren never does, so a string over the limit
     * would pass here yet fail the tree.
     */
    public static void skipValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != null && t.isScalarValue()) {
            finish(p, t);
            return;
        }
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) return;
        int depth = 1;
        while (depth > 0) {
            t = p.nextToken();
            if (t == null) return; // the parser has already said why
            switch (t) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                default -> finish(p, t);
            }
        }
    }

    /** Checks a scalar as the tree would: a long string against the length limit. */
    private static void finish(JsonParser p, JsonToken t) throws IOException {
        // the string limit is checked when the text is made (getText), the number limit while reading the token
        if (t == JsonToken.VALUE_STRING && p.getTextLength() > 65_536) p.getText();
    }

    /** One object, read to its end: whether it has a class_type key and whether one of its object values has. */
    private record ObjectScan(boolean hasEntries, boolean hasClassType, boolean entryHasClassType) {
        static ObjectScan of(JsonParser p) throws IOException {
            boolean classType = false;
            Map<String, Boolean> entryIsNode = new HashMap<>(); // last value per key, as in the tree
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (name.equals("class_type")) classType = true;
                boolean node = false;
                if (p.nextToken() == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        if (p.currentName().equals("class_type")) node = true;
                        p.nextToken();
                        skipValue(p);
                    }
                } else {
                    skipValue(p);
                }
                entryIsNode.put(name, node);
            }
            return new ObjectScan(!entryIsNode.isEmpty(), classType, entryIsNode.containsValue(true));
        }
    }
}
