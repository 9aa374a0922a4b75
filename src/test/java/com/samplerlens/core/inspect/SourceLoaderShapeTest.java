package com.samplerlens.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.container.json.JsonShape;
import com.samplerlens.core.graph.ApiPromptLoader;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The source loader parses texts of up to {@link JsonShape#TREE_LIMIT} chars into a tree and
 * takes their shape and graph from it; larger ones are shaped and loaded by streaming passes. The
 * two routes must agree on every text: the shape, and the graph of an API prompt.
 */
class SourceLoaderShapeTest {

    /** Edge cases of the shape rules: wrappers, repeated keys (the last value counts), non-objects. */
    private static final List<String> CRAFTED = List.of(
            "{}", "[]", "\"text\"", "7", "null", "{\"nodes\": []}", "{\"nodes\": {}}", "{\"nodes\": 5, \"nodes\": []}",
            "{\"nodes\": [], \"nodes\": 5}", "{\"1\": {\"class_type\": \"A\"}}", "{\"1\": {\"class_type\": \"A\"}, \"1\": 5}",
            "{\"1\": 5, \"1\": {\"class_type\": \"A\", \"inputs\": {\"x\": [\"2\", 0], \"y\": NaN}}}",
            "{\"prompt\": {\"1\": {\"class_type\": \"A\"}}}", "{\"prompt\": {\"class_type\": \"A\"}}", "{\"prompt\": 5}",
            "{\"prompt\": {}}", "{\"prompt\": {\"1\": {\"class_type\": \"A\"}}, \"prompt\": 7}",
            "{\"prompt\": 7, \"prompt\": {\"1\": {\"class_type\": \"A\"}}}", "{\"prompt\": {\"1\": 5}, \"2\": {\"class_type\": \"B\"}}",
            "{\"nodes\": [], \"1\": {\"class_type\": \"A\"}}", "{\"1\": {\"class_type\": \"A\",}, }", "  {\"1\": {\"class_type\": 5}}  trailing");

    @Test
    void theTreesShapeIsTheStreamingPasssOnCraftedTexts() throws Exception {
        for (String text : CRAFTED) assertAgree(text, text);
    }

    @Test
    void theTreesShapeAndGraphAreTheStreamingPasssOnEveryFixtureText() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("images", "workflows/api", "workflows/ui")) files.addAll(Fixtures.bundledIn(folder));
        files.addAll(Fixtures.sharedIn("realworld"));
        int texts = 0;
        for (Path f : files) {
            if (Files.isDirectory(f)) continue;
            EmbeddedMetadata m;
            try {
                m = MetadataReaders.read(f);
            } catch (UnreadableFileException e) {
                continue; // no metadata: nothing to shape
            }
            for (MetadataEntry e : m.entries()) {
                String t = e.text().strip();
                if (!t.startsWith("{")) continue;
                assertAgree(e.text(), f.getFileName() + " " + e.key());
                texts++;
            }
        }
        assertTrue(texts >= 40, "JSON texts checked: " + texts);
    }

    private static void assertAgree(String text, String what) throws Exception {
        JsonShape streamed = JsonShape.of(new String(text.toCharArray())); // an equal text, never a handed-over shape
        JsonShape fromTree = JsonShape.ofTree(LenientJson.parse(text));
        assertEquals(streamed, fromTree, what);
        if (streamed.apiPrompt()) {
            List<String> wTree = new ArrayList<>();
            List<String> wStream = new ArrayList<>();
            Graph tree = ApiPromptLoader.load(LenientJson.parse(text), wTree);
            Graph stream = ApiPromptLoader.load(text, wStream);
            assertEquals(stream.nodes(), tree.nodes(), what + ": the graph");
            assertEquals(wStream, wTree, what + ": the warnings");
        }
    }
}
