package com.samplerlens.core.container.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.samplerlens.core.container.ByteSizes;
import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.json.LenientJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A workflow file: a UI workflow (object with a {@code nodes} array) becomes a "workflow" entry,
 * an API prompt (bare or wrapped as {@code {"prompt": {...}}}) a "prompt" entry. The entry text
 * is the original text, cut out of the file for a wrapped prompt, so nothing (NaN, number
 * spelling, key order) is changed by a re-serialisation.
 */
public final class JsonFileReader {
    private JsonFileReader() {}

    /**
     * One pass over the text names it and, for a wrapped prompt, finds the prompt's text; the
     * shape of the entry text is handed to the source loader ({@link JsonShape#of} of the same
     * text), so a workflow file of any size is scanned once before its graph is built.
     */
    public static EmbeddedMetadata read(Path file, byte[] bytes) throws UnreadableFileException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        JsonShape.Scan scan;
        try {
            scan = scan(text);
        } catch (JsonProcessingException e) {
            throw new UnreadableFileException(file, LenientJson.describe(e));
        }
        JsonShape shape = scan.shape();
        if (shape.empty()) throw new UnreadableFileException(file, "empty JSON file");
        // the shape is handed over only for a text the source loader streams: it parses smaller ones whole
        if (shape.uiWorkflow()) {
            if (text.length() > JsonShape.TREE_LIMIT) JsonShape.remember(text, shape);
            return single(file, MetadataKeys.WORKFLOW, text, bytes.length);
        }
        if (shape.apiPrompt()) {
            // the entry text is the original text, cut out of the file for a wrapped prompt
            String entry = shape.wrapped() ? text.substring(scan.promptStart(), scan.promptEnd()) : text;
            if (entry.length() > JsonShape.TREE_LIMIT) JsonShape.remember(entry, shape.wrapped() ? scan.prompt() : shape);
            return single(file, MetadataKeys.PROMPT, entry, bytes.length);
        }
        throw new UnreadableFileException(file, "not a ComfyUI workflow or prompt");
    }

    /**
     * The text's shape. Up to {@link JsonShape#TREE_LIMIT} chars from its tree, which for plain JSON
     * needs no Jackson parser (whose first use costs 20-25 ms of start-up: JsonShape.TREE_LIMIT);
     * a larger text, or a wrapped prompt, whose text is cut out by offsets only a streaming pass
     * gives, by a streaming pass that builds no tree.
     */
    private static JsonShape.Scan scan(String text) throws JsonProcessingException {
        if (text.length() <= JsonShape.TREE_LIMIT) {
            JsonShape shape = JsonShape.ofTree(LenientJson.parse(text));
            if (!(shape.apiPrompt() && shape.wrapped())) return new JsonShape.Scan(shape, -1, -1, null);
        }
        return JsonShape.scan(text);
    }

    private static EmbeddedMetadata single(Path file, String key, String text, long bytes) {
        return new EmbeddedMetadata(file, ContainerFormat.JSON, List.of("JSON " + key + " " + ByteSizes.human(bytes)),
                List.of(new MetadataEntry(key, "file", text, bytes)), List.of());
    }
}
