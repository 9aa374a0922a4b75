package com.samplerlens.core.container.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.samplerlens.core.container.ByteSizes;
import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.json.LenientJson;
import java.io.IOException;
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

    public static EmbeddedMetadata read(Path file, byte[] bytes) throws UnreadableFileException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        JsonShape shape;
        try {
            shape = JsonShape.of(text); // streamed: no tree is built just to name the text
        } catch (JsonProcessingException e) {
            throw new UnreadableFileException(file, LenientJson.describe(e));
        }
        if (shape.empty()) throw new UnreadableFileException(file, "empty JSON file");
        if (shape.uiWorkflow()) return single(file, MetadataKeys.WORKFLOW, text, bytes.length);
        if (shape.apiPrompt()) return single(file, MetadataKeys.PROMPT, shape.wrapped() ? innerPromptText(text) : text, bytes.length);
        throw new UnreadableFileException(file, "not a ComfyUI workflow or prompt");
    }

    private static EmbeddedMetadata single(Path file, String key, String text, long bytes) {
        return new EmbeddedMetadata(file, ContainerFormat.JSON, List.of("JSON " + key + " " + ByteSizes.human(bytes)),
                List.of(new MetadataEntry(key, "file", text, bytes)), List.of());
    }

    /** The exact text of the top-level "prompt" value (the last one, as the tree keeps it). */
    private static String innerPromptText(String text) {
        int start = -1;
        int end = -1;
        try (JsonParser parser = LenientJson.factory().createParser(text)) {
            parser.nextToken(); // START_OBJECT of the wrapper
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("prompt") && value == JsonToken.START_OBJECT) {
                    start = (int) parser.currentTokenLocation().getCharOffset();
                    JsonShape.skipValue(parser);
                    end = (int) parser.currentLocation().getCharOffset();
                } else {
                    JsonShape.skipValue(parser);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("JSON parsed once but not twice", e);
        }
        if (start < 0) throw new IllegalStateException("wrapped prompt not found again");
        return text.substring(start, end);
    }
}
