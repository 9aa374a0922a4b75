package com.samplerlens.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.container.json.JsonShape;
import com.samplerlens.core.container.json.PromptShape;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streamed loader ({@link ApiPromptLoader#load(String, List)}) and the streamed shape
 * ({@link JsonShape}) agree with the tree-based ones, on every real prompt and on the awkward cases
 * (repeated keys, entries that are no nodes, wrappers, nulls, number spellings).
 */
class StreamedPromptLoadTest {

    static Stream<String> realPrompts() throws Exception {
        List<String> texts = new ArrayList<>();
        for (Path p : Fixtures.bundledIn("workflows/api")) texts.add(Files.readString(p));
        for (Path p : Fixtures.bundledIn("images")) {
            try {
                MetadataReaders.read(p).text(MetadataKeys.PROMPT).ifPresent(texts::add);
            } catch (UnreadableFileException e) {
                // not every fixture has a prompt
            }
        }
        assertTrue(texts.size() >= 20, "expected the bundled prompts, found " + texts.size());
        return texts.stream();
    }

    @ParameterizedTest
    @MethodSource("realPrompts")
    void realPromptsLoadTheSameGraphStreamedAsFromTheTree(String text) throws Exception {
        assertSameAsTree(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"1\": {\"class_type\": \"A\", \"inputs\": {\"x\": 1, \"y\": 1.0, \"z\": -0.0, \"n\": null, \"b\": true}}}",
            "{\"1\": {\"class_type\": \"A\", \"inputs\": {\"v\": NaN, \"w\": -Infinity, \"big\": 123456789012345678901234567890}}}",
            "{\"1\": {\"class_type\": \"A\", \"inputs\": {\"l\": [\"2\", 0], \"m\": [2, 1], \"notLink\": [\"2\", 0.5], \"deep\": {\"a\": [1, [2]]}}}, \"2\": {\"class_type\": \"B\"}}",
            "{\"prompt\": {\"1\": {\"class_type\": \"A\", \"_meta\": {\"title\": \"T\"}}}, \"extra\": 1}",
            "{\"prompt\": {\"1\": {\"class_type\": \"A\"}}, \"prompt\": {\"2\": {\"class_type\": \"B\"}}}",
            "{\"1\": {\"class_type\": \"A\"}, \"1\": \"not a node any more\", \"2\": {\"class_type\": \"B\"}}",
            "{\"1\": {\"class_type\": \"A\", \"class_type\": 7}, \"2\": {\"class_type\": \"B\", \"inputs\": {\"a\": 1}, \"inputs\": 3}}",
            "{\"1\": {\"class_type\": \"A\", \"inputs\": {\"a\": 1, \"b\": 2, \"a\": 3}, \"_meta\": {\"title\": \"x\", \"title\": 5}}}",
            "{\"x\": [1, 2], \"1\": {\"class_type\": \"A\", \"inputs\": {\"s\": [\"1\", 0]}}, \"y\": {\"no\": \"class\"},}",
            "{\"nodes\": [], \"1\": {\"class_type\": \"A\"}}",
            // found by ApiPromptFuzzTest: an array or object where the loader expected the other must be read past whole
            "{\"1\": {\"class_type\": \"A\", \"inputs\": [\"2\", 0]}, \"class_type\": \"B\", \"2\": {\"class_type\": \"C\"}}",
            "{\"1\": {\"class_type\": \"A\", \"_meta\": [{\"title\": \"x\"}], \"inputs\": {\"a\": 1}}, \"_meta\": {}, \"2\": {\"class_type\": \"C\"}}",
    })
    void awkwardPromptsLoadTheSameGraphStreamedAsFromTheTree(String text) throws Exception {
        assertSameAsTree(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "3", "\"s\"", "{}", "{\"prompt\": {}}", "{\"prompt\": {\"class_type\": \"A\"}}",
            "{\"nodes\": [1]}", "{\"nodes\": {}}", "{\"prompt\": {\"1\": {\"class_type\": \"A\"}}, \"prompt\": 1}",
            "{\"a\": {\"b\": {\"class_type\": \"A\"}}}", "{\"1\": {\"class_type\": \"A\"}} trailing"})
    void shapesAgreeWithTheTreePredicates(String text) throws Exception {
        assertShape(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"1\": {\"class_type\": \"A\",, }}", "{\"1\": [}", "{\"1\": {\"class_type\": \"A\"}"})
    void invalidJsonFailsStreamedAsItFailsAsATree(String text) {
        var tree = assertThrows(JsonProcessingException.class, () -> LenientJson.parse(text));
        var streamed = assertThrows(JsonProcessingException.class, () -> JsonShape.of(text));
        assertEquals(LenientJson.describe(tree), LenientJson.describe(streamed));
    }

    @org.junit.jupiter.api.Test
    void overLongStringsAndNumbersFailStreamedAsTheyFailAsATree() {
        String longString = "{\"1\": {\"class_type\": \"A\", \"_meta\": {\"x\": \"" + "a".repeat(LenientJson.MAX_STRING_LENGTH + 1) + "\"}}}";
        String longNumber = "{\"1\": {\"class_type\": \"A\", \"_meta\": {\"x\": " + "9".repeat(1001) + "}}}";
        for (String text : List.of(longString, longNumber)) {
            var tree = assertThrows(JsonProcessingException.class, () -> LenientJson.parse(text));
            var streamed = assertThrows(JsonProcessingException.class, () -> JsonShape.of(text));
            var loaded = assertThrows(JsonProcessingException.class, () -> ApiPromptLoader.load(text, new ArrayList<>()));
            assertEquals(LenientJson.describe(tree).replaceAll("\\(line.*", ""), LenientJson.describe(streamed).replaceAll("\\(line.*", ""));
            assertEquals(LenientJson.describe(tree).replaceAll("\\(line.*", ""), LenientJson.describe(loaded).replaceAll("\\(line.*", ""));
        }
    }

    /**
     * 100,000 chained samplers, past the 65,536 names after which Jackson clears its name table:
     * every input name, class type and link source is one shared string (a 200,000-sampler prompt
     * held 1.5 million copies of ten names), and the graph is the one the tree gives.
     */
    @org.junit.jupiter.api.Test
    void namesClassTypesAndIdsAreSharedAcrossAHugePrompt() throws Exception {
        StringBuilder sb = new StringBuilder("{\"0\": {\"class_type\": \"CheckpointLoaderSimple\", \"inputs\": {\"ckpt_name\": \"a\"}}");
        int n = 100_000;
        for (int i = 1; i <= n; i++) {
            sb.append(", \"").append(i).append("\": {\"class_type\": \"KSampler\", \"inputs\": {\"model\": [\"0\", 0], \"seed\": ")
                    .append(i).append(", \"latent_image\": [\"").append(i - 1).append("\", 0]}}");
        }
        String text = sb.append('}').toString();
        Graph g = ApiPromptLoader.load(text, new ArrayList<>());
        assertEquals(n + 1, g.size());
        java.util.Set<String> names = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<String> classes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Node node : g.nodes().values()) {
            names.addAll(node.inputs().keySet());
            classes.add(node.classType());
            for (InputValue v : node.inputs().values()) {
                if (v instanceof InputValue.Link l) {
                    // the very id string the graph keys its source node by, not an equal copy
                    assertTrue(g.node(l.sourceId()).id() == l.sourceId(), "link source " + l.sourceId() + " is a copy of the id");
                }
            }
        }
        assertEquals(4, names.size(), "input name instances");
        assertEquals(2, classes.size(), "class type instances");
        assertSameAsTree(text);
    }

    static void assertShape(String text) throws Exception {
        JsonNode root = LenientJson.parse(text);
        JsonShape shape = JsonShape.of(text);
        assertEquals(root == null || root.isMissingNode(), shape.empty(), text);
        assertEquals(UiWorkflowConverter.isUiWorkflow(root), shape.uiWorkflow(), text);
        assertEquals(PromptShape.isApiPrompt(root), shape.apiPrompt(), text);
        assertEquals(root != null && PromptShape.unwrap(root) != root, shape.wrapped(), text);
    }

    static void assertSameAsTree(String text) throws Exception {
        assertShape(text);
        JsonNode root = LenientJson.parse(text);
        assertTrue(ApiPromptLoader.isApiPrompt(root), text);
        List<String> treeWarnings = new ArrayList<>();
        List<String> streamedWarnings = new ArrayList<>();
        Graph tree = ApiPromptLoader.load(root, treeWarnings);
        Graph streamed = ApiPromptLoader.load(text, streamedWarnings);
        assertFalse(tree.nodes().isEmpty());
        assertEquals(List.copyOf(tree.nodes().values()), List.copyOf(streamed.nodes().values()), text);
        for (String id : tree.nodes().keySet()) {
            assertEquals(List.copyOf(tree.nodes().get(id).inputs().keySet()), List.copyOf(streamed.node(id).inputs().keySet()));
        }
        assertEquals(tree.edges(), streamed.edges());
        assertEquals(treeWarnings, streamedWarnings);
    }
}
