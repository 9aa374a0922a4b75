package com.samplerlens.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON reader of the core. Lenient where ComfyUI files are: {@code NaN}/{@code Infinity}
 * (Python's json.dumps writes them), trailing commas; exact where it matters: floats stay
 * floats ({@code 7.0} is not {@code 7}) and big numbers stay exact.
 */
public final class LenientJson {
    private LenientJson() {}

    /** Largest single string we accept; a workflow with a longer one is not a ComfyUI file. */
    public static final int MAX_STRING_LENGTH = 64 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNestingDepth(2000)
                            .build())
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public static ObjectMapper mapper() { return MAPPER; }

    /** Parses JSON text; the exception's message says what is wrong and where (line, column). */
    public static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /** One-line description of a parse failure, for "file: problem" messages. */
    public static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        var loc = e.getLocation();
        String where = loc != null && loc.getLineNr() > 0 ? " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")" : "";
        return "invalid JSON: " + (msg == null ? "unreadable" : msg.lines().findFirst().orElse(msg)) + where;
    }
}
