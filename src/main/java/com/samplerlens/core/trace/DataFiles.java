package com.samplerlens.core.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.samplerlens.core.json.LenientJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the bundled data files under {@code com/samplerlens/} and user files of the same shape. */
public final class DataFiles {
    private DataFiles() {}

    /** A bundled resource, e.g. "trace/samplers.json"; a missing one is a packaging error. */
    public static JsonNode bundled(String relative) {
        String name = "/com/samplerlens/" + relative;
        try (InputStream in = DataFiles.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("bundled data file " + name + " is missing");
            return LenientJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("bundled data file " + name + " is unreadable", e);
        }
    }

    /** A user file; the exception message names the file and the problem in one line. */
    public static JsonNode user(Path file) {
        try {
            JsonNode n = LenientJson.parse(com.samplerlens.core.io.OptionFiles.readText(file));
            if (!(n instanceof ObjectNode)) throw new IllegalArgumentException(file + ": expected a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": " + LenientJson.describe(e));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }
}
