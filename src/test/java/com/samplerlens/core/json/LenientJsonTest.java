package com.samplerlens.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming tree reader and writer (no ObjectMapper, for start-up) must give exactly what an
 * ObjectMapper with the same settings gives: the same trees and the same printed text; and the
 * plain reader (no Jackson parser, for start-up) must read real files, and agree with Jackson or step aside.
 */
class LenientJsonTest {

    /** Every JSON text the fixtures carry: workflow files, the bundled data, and the metadata texts of the images. */
    private static List<String> realTexts() throws Exception {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Fixtures.bundled("workflows"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".json")).toList()) texts.add(Files.readString(p));
        }
        for (String r : List.of("/com/samplerlens/capture/rules.json", "/com/samplerlens/trace/samplers.json", "/com/samplerlens/trace/values.json")) {
            try (var in = LenientJson.class.getResourceAsStream(r)) {
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        for (Path image : Fixtures.bundledIn("images")) {
            for (MetadataEntry e : MetadataReaders.read(image).entries()) {
                String t = e.text().strip();
                if (t.startsWith("{") || t.startsWith("[")) texts.add(e.text());
            }
        }
        assertTrue(texts.size() > 40, "fixtures found: " + texts.size());
        return texts;
    }

    @Test
    void readsAndWritesRealFilesExactlyAsAnObjectMapper() throws Exception {
        for (String text : realTexts()) {
            JsonNode expected = LenientJson.mapper().readTree(text);
            JsonNode actual = LenientJson.parse(text);
            assertEquals(expected, actual);
            assertEquals(LenientJson.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(expected), LenientJson.pretty(actual));
            assertEquals(LenientJson.mapper().writeValueAsString(expected), LenientJson.compact(actual));
            byte[] utf8 = (" " + text + " ").getBytes(StandardCharsets.UTF_8);
            assertEquals(expected, LenientJson.parse(utf8, 1, utf8.length - 2));
        }
    }

    @Test
    void readsRealFilesWithoutJacksonsParser() throws Exception {
        for (String text : realTexts()) {
            JsonNode plain = PlainJsonReader.read(text, LenientJson.MAX_DEPTH, LenientJson.MAX_STRING_LENGTH);
            assertNotNull(plain, "the plain reader gave up on a real file: " + text.substring(0, Math.min(80, text.length())));
            assertEquals(LenientJson.mapper().readTree(text), plain);
        }
    }

    /** Where the plain reader answers, it answers as Jackson; elsewhere Jackson does (same tree or same error). */
    @ParameterizedTest
    @ValueSource(strings = {"[1,]", "{\"a\":1,}", "[,1]", "[01]", "[1.]", "[.5]", "[+1]", "[1e5]", "[1E+5]", "[-0]", "[-0.0]",
            "[1e400]", "[-Infinity]", "[+Infinity]", "[INF]", "[NaN]", "[nan]", "[truex]", "[true1]", "[null]", "tru", "\"x",
            "[\"a\\u00e9\\ud83d\\ude00\\/\\b\"]", "[\"\\x\"]", "[\"\\u12G4\"]", "[\"tab\there\"]", "\uFEFF{}",
            "{\"a\" 1}", "{a:1}", "{\"a\":1}{", "[1] [2]", "1 2", "  ", "{\"a\":{\"a\":[]},\"a\":2}", "[1\u00a0]",
            "123456789012345678901234567890", "[\"\u2028\"]", "{\"k\":\"v\"} // c", "[1 ,2 , 3 ]"})
    void agreesWithJacksonOnEdgeCases(String text) throws Exception {
        JsonNode plain = PlainJsonReader.read(text, LenientJson.MAX_DEPTH, LenientJson.MAX_STRING_LENGTH);
        JsonNode jackson;
        try {
            jackson = LenientJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            assertNull(plain, "Jackson rejects it: " + e.getOriginalMessage());
            assertEquals(LenientJson.describe(e), LenientJson.describe(assertThrows(JsonProcessingException.class, () -> LenientJson.parse(text))));
            return;
        }
        if (plain != null) assertEquals(jackson, plain);
        assertEquals(jackson, LenientJson.parse(text));
    }

    @Test
    void keepsTheLenientAndExactRules() throws Exception {
        String text = "{\"a\": NaN, \"b\": [1, 2.0, -Infinity, 123456789012345678901234567890,], \"a\": 7.0, \"c\": null, \"d\": true} trailing";
        JsonNode n = LenientJson.parse(text);
        assertEquals(LenientJson.mapper().readTree(text), n);
        assertEquals(List.of("a", "b", "c", "d"), list(n.fieldNames()), "a duplicate key keeps its first place");
        assertEquals(7.0, n.get("a").doubleValue(), "and its last value");
        assertInstanceOf(BigIntegerNode.class, n.get("b").get(0));
        assertInstanceOf(DoubleNode.class, n.get("b").get(1));
        assertEquals(LenientJson.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(n), LenientJson.pretty(n));
        assertTrue(LenientJson.parse("").isMissingNode());
        assertTrue(LenientJson.parse("null").isNull());
        assertEquals("x\"y", LenientJson.parseString("\"x\\\"y\"".getBytes(StandardCharsets.UTF_8), 0, 6));
    }

    @Test
    void deepNestingNeedsNoStackAndIsBoundedAsBefore() {
        String deep = "[".repeat(1999) + "]".repeat(1999);
        assertNull(PlainJsonReader.read(deep, LenientJson.MAX_DEPTH, LenientJson.MAX_STRING_LENGTH), "deep documents go to the iterative reader");
        assertEquals(1999, depth(assertDoesNotThrowParse(deep)));
        String tooDeep = "[".repeat(2001) + "]".repeat(2001);
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> LenientJson.parse(tooDeep));
        assertFalse(LenientJson.describe(e).isBlank());
    }

    @Test
    void aSyntaxErrorSaysWhere() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> LenientJson.parse("{\"a\": 1,\n \"b\": }"));
        JsonProcessingException same = assertThrows(JsonProcessingException.class, () -> LenientJson.mapper().readTree("{\"a\": 1,\n \"b\": }"));
        assertEquals(LenientJson.describe(same), LenientJson.describe(e));
        assertTrue(LenientJson.describe(e).contains("line 2"), LenientJson.describe(e));
        assertThrows(JsonProcessingException.class, () -> LenientJson.parse("{\"a\": [1, 2"));
    }

    private static JsonNode assertDoesNotThrowParse(String text) {
        try {
            return LenientJson.parse(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static int depth(JsonNode n) {
        int d = 0;
        while (n != null && n.isArray()) {
            d++;
            n = n.get(0);
        }
        return d;
    }

    private static <T> List<T> list(java.util.Iterator<T> it) {
        List<T> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
