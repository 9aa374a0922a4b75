package com.samplerlens.core.container.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.json.LenientJson;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What kind of ComfyUI JSON a text is, found by one streaming pass that builds no tree (a 49 MB
 * prompt's tree alone needs about 480 MB). The answers are those of {@link PromptShape} and
 * {@link #isUiWorkflow} on the parsed tree, and the pass checks the whole first
 * JSON value with the same limits as {@link LenientJson#parse}, so a syntax error is the same error.
 */
public record JsonShape(boolean empty, boolean uiWorkflow, boolean apiPrompt, boolean wrapped) {

    /**
     * Texts up to this many chars are parsed into a tree once by the source loader, which gives
     * both their shape and their graph: one pass instead of two and, for plain JSON (what ComfyUI
     * writes), no Jackson parser, whose first use costs a one-file {@code inspect} 20-25 ms of
     * start-up ({@code BigDecimal}'s static initialiser computes 5^65536 on JDK 25). Real prompts
     * and workflows are 2-300 KB; a 1 M-char text's tree is about 10 MB. Larger texts are shaped
     * by this class's streaming pass and, when they are API prompts, loaded without a tree.
     */
    public static final int TREE_LIMIT = 1 << 20;

    private static final JsonShape EMPTY = new JsonShape(true, false, false, false);
    private static final JsonShape NEITHER = new JsonShape(false, false, false, false);

    /**
     * @param empty      no JSON value at all (blank text)
     * @param uiWorkflow an object with a {@code nodes} list ({@link #isUiWorkflow})
     * @param apiPrompt  an object of nodes with {@code class_type}, possibly wrapped ({@link PromptShape#isApiPrompt})
     * @param wrapped    the nodes are those of a {@code {"prompt": {…}}} wrapper ({@link PromptShape#unwrap} unwraps)
     */
    public JsonShape {}

    /**
     * The last text whose shape this thread found, and that shape, handed over once: a JSON file's
     * reader names its text, then the source loader asks again for the same text, and the second
     * full pass (about a second for a 49 MB prompt) is saved whatever the size. The text is held
     * weakly, so a memo never keeps a text alive that its reader has let go.
     */
    private record Memo(WeakReference<String> text, JsonShape shape) {}

    private static final ThreadLocal<Memo> MEMO = new ThreadLocal<>();

    /** Full passes over a text (PassCountTest: a JSON file is read once). */
    static final java.util.concurrent.atomic.LongAdder PASSES = new java.util.concurrent.atomic.LongAdder();

    /**
     * The shape {@link #of} finds for the text of this tree (as {@link LenientJson#parse} reads it):
     * {@code SourceLoaderShapeTest} checks the two agree on every fixture text and on edge cases.
     */
    public static JsonShape ofTree(JsonNode tree) {
        if (tree.isMissingNode()) return EMPTY;
        boolean wrapped = tree.isObject() && PromptShape.unwrap(tree) != tree;
        return new JsonShape(false, isUiWorkflow(tree), PromptShape.isApiPrompt(tree), wrapped);
    }

    /** A ComfyUI UI workflow: an object with a {@code nodes} list (the one rule; the converter asks it too). */
    public static boolean isUiWorkflow(JsonNode root) {
        return root != null && root.isObject() && root.path("nodes").isArray();
    }

    /** @throws JsonProcessingException when the text is not valid JSON (the message says where) */
    public static JsonShape of(String text) throws JsonProcessingException {
        Memo m = MEMO.get();
        if (m != null && m.text().get() == text) { // the very text the reader scanned, not just an equal one
            MEMO.remove();
            return m.shape();
        }
        return scan(text).shape();
    }

    /** Remembers {@code shape} as {@code text}'s for this thread's next {@link #of} of that same text. */
    static void remember(String text, JsonShape shape) {
        MEMO.set(new Memo(new WeakReference<>(text), shape));
    }

    /**
     * One pass over a text: its shape and, for a wrapped prompt, where the prompt object's text is
     * and its own shape, so that a file's reader cuts it out without a second pass.
     *
     * @param promptStart char offset of the (last) top-level {@code "prompt"} object, -1 when none
     * @param promptEnd   the offset just after it
     * @param prompt      that object's own shape (as {@link #of} gives for its text), or null
     */
    record Scan(JsonShape shape, int promptStart, int promptEnd, JsonShape prompt) {}

    static Scan scan(String text) throws JsonProcessingException {
        PASSES.increment();
        try (JsonParser p = LenientJson.factory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) return new Scan(EMPTY, -1, -1, null);
            if (first != JsonToken.START_OBJECT) {
                skipValue(p);
                return new Scan(NEITHER, -1, -1, null);
            }
            Scanned o = scanObject(p, true);
            return new Scan(o.shape(), o.promptStart(), o.promptEnd(), o.prompt());
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading a string failed", e);
        }
    }

    /**
     * The object the parser is at (its START_OBJECT read), to its end. With {@code outer}, a
     * {@code "prompt"} object value is scanned as a whole text would be (its shape and span);
     * inside it only as an entry, so there is one level of this, never a recursion on nesting.
     */
    private record Scanned(JsonShape shape, int promptStart, int promptEnd, JsonShape prompt, ObjectScan asEntry) {}

    private static Scanned scanObject(JsonParser p, boolean outer) throws IOException {
        boolean nodesIsArray = false;
        boolean hasClassType = false;
        // a repeated key: the tree keeps the last value, so the last one decides here too
        Map<String, Boolean> rootEntryIsNode = new HashMap<>();
        boolean promptIsObject = false;
        ObjectScan prompt = null;
        int promptStart = -1;
        int promptEnd = -1;
        JsonShape promptShape = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (name.equals("class_type")) hasClassType = true;
            JsonToken value = p.nextToken();
            if (name.equals("nodes")) nodesIsArray = value == JsonToken.START_ARRAY;
            if (value == JsonToken.START_OBJECT) {
                ObjectScan scan;
                if (outer && name.equals("prompt")) {
                    int start = (int) p.currentTokenLocation().getCharOffset();
                    Scanned inner = scanObject(p, false);
                    promptStart = start;
                    promptEnd = (int) p.currentLocation().getCharOffset();
                    promptShape = inner.shape();
                    scan = inner.asEntry();
                } else {
                    scan = ObjectScan.of(p);
                }
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
        ObjectScan asEntry = new ObjectScan(!rootEntryIsNode.isEmpty(), hasClassType, rootEntryIsNode.containsValue(true));
        return new Scanned(new JsonShape(false, nodesIsArray, api, wrapped), promptStart, promptEnd, promptShape, asEntry);
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
            boolean entries = false;
            // the keys whose last value is a node, as in the tree (a repeated key: the last value
            // decides); made only when one is, which a node's own entries (inputs, _meta) never are,
            // so scanning a prompt allocates no map per node
            Set<String> nodeKeys = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                entries = true;
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
                if (node) {
                    if (nodeKeys == null) nodeKeys = new HashSet<>();
                    nodeKeys.add(name);
                } else if (nodeKeys != null) {
                    nodeKeys.remove(name);
                }
            }
            return new ObjectScan(entries, classType, nodeKeys != null && !nodeKeys.isEmpty());
        }
    }
}
