package com.samplerlens.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * The one JSON reader of the core. Lenient where ComfyUI files are: {@code NaN}/{@code Infinity}
 * (Python's json.dumps writes them), trailing commas; exact where it matters: floats stay
 * floats ({@code 7.0} is not {@code 7}) and big numbers stay exact.
 *
 * <p>Plain JSON (what ComfyUI and Python write) is read by {@link PlainJsonReader}, anything else
 * by Jackson's streaming parser; trees are written with Jackson's generator. No
 * {@code ObjectMapper} is involved: building one and its first tree deserialiser (date formats,
 * type factory, locale tables) was a quarter of a one-file {@code inspect}'s CPU time
 * (docs/benchmarks.md). The trees are the same a mapper with {@link #mapper()}'s settings builds:
 * every integer a {@code BigIntegerNode}, every other number a {@code DoubleNode}, the last of
 * duplicate keys kept in the first one's place, anything after the first value ignored;
 * {@code LenientJsonTest} compares the two on every bundled and fixture file.
 */
public final class LenientJson {
    private LenientJson() {}

    /** Largest single string we accept; a workflow with a longer one is not a ComfyUI file. */
    public static final int MAX_STRING_LENGTH = 64 * 1024 * 1024;

    /** Deepest nesting of arrays and objects we accept (hostile files nest deeper to overflow stacks). */
    static final int MAX_DEPTH = 2000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNestingDepth(MAX_DEPTH)
                    .build())
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The streaming factory with the lenient read settings, for readers that scan without a tree. */
    public static JsonFactory factory() { return FACTORY; }

    /**
     * An {@code ObjectMapper} with the same settings, for code that maps JSON to Java types (tests,
     * tools). Built on first use only: the commands do not need one.
     */
    public static ObjectMapper mapper() { return MapperHolder.MAPPER; }

    private static final class MapperHolder {
        static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY.copy())
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** Parses JSON text; the exception's message says what is wrong and where (line, column). */
    public static JsonNode parse(String text) throws JsonProcessingException {
        JsonNode plain = PlainJsonReader.read(text, MAX_DEPTH, MAX_STRING_LENGTH);
        if (plain != null) return plain;
        try (JsonParser p = FACTORY.createParser(text)) {
            return readTree(p);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String has no I/O
        }
    }

    /** Parses the UTF-8 JSON in {@code bytes[offset, offset + length)}. */
    public static JsonNode parse(byte[] bytes, int offset, int length) throws IOException {
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        // U+FFFD may stand for bytes that are no UTF-8: Jackson reports those
        JsonNode plain = text.indexOf('\uFFFD') < 0 ? PlainJsonReader.read(text, MAX_DEPTH, MAX_STRING_LENGTH) : null;
        if (plain != null) return plain;
        try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
            return readTree(p);
        }
    }

    /** The JSON string literal (quotes included) in {@code bytes[offset, offset + length)}, decoded. */
    public static String parseString(byte[] bytes, int offset, int length) throws IOException {
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        JsonNode plain = text.indexOf('\uFFFD') < 0 ? PlainJsonReader.read(text, MAX_DEPTH, MAX_STRING_LENGTH) : null;
        if (plain != null && plain.isTextual()) return plain.textValue();
        try (JsonParser p = FACTORY.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.VALUE_STRING) throw new com.fasterxml.jackson.core.JsonParseException(p, "not a JSON string");
            return p.getText();
        }
    }

    /** The first value of the input as a tree; {@link MissingNode} for an empty input. */
    private static JsonNode readTree(JsonParser p) throws IOException {
        return p.nextToken() == null ? MissingNode.getInstance() : readValue(p);
    }

    /**
     * The value the parser is at (its current token) as a tree, the parser left on the value's last
     * token: what {@code readValueAsTree} gives with {@link #mapper()}'s settings, without the
     * mapper, whose construction (date formats, calendars, locale data) cost a one-file
     * {@code inspect} about 30 ms of its start-up. Iterative: nesting costs no stack.
     */
    public static JsonNode readValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected end-of-input");
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) return scalar(p, t);
        ArrayDeque<ContainerNode<?>> open = new ArrayDeque<>();
        ContainerNode<?> root = t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
        open.push(root);
        String name = null;
        while (!open.isEmpty()) {
            ContainerNode<?> parent = open.peek();
            if (parent instanceof ObjectNode) {
                // nextFieldName, as Jackson's tree deserialiser reads objects: the same error messages
                name = p.nextFieldName();
                if (name == null) {
                    if (p.currentToken() != JsonToken.END_OBJECT) throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected token " + p.currentToken());
                    open.pop();
                    continue;
                }
            }
            t = p.nextToken();
            if (t == null) throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected end-of-input");
            if (t == JsonToken.END_ARRAY) {
                open.pop();
                continue;
            }
            JsonNode value;
            if (t == JsonToken.START_OBJECT) value = NODES.objectNode();
            else if (t == JsonToken.START_ARRAY) value = NODES.arrayNode();
            else value = scalar(p, t);
            if (parent instanceof ObjectNode o) o.replace(name, value);
            else ((ArrayNode) parent).add(value);
            if (value instanceof ContainerNode<?> c) open.push(c);
        }
        return root;
    }

    private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "Unexpected token " + t);
        };
    }

    /** The tree as indented JSON, exactly as an {@code ObjectMapper} with {@code INDENT_OUTPUT} writes it. */
    public static String pretty(JsonNode node) {
        return write(node, true);
    }

    /** The tree as JSON on one line, exactly as {@code ObjectMapper.writeValueAsString} writes it. */
    public static String compact(JsonNode node) {
        return write(node, false);
    }

    private static String write(JsonNode node, boolean indent) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = generator(w, indent)) {
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** A generator onto {@code out}; indented as {@link #pretty} when {@code indent}. */
    public static JsonGenerator generator(Writer out, boolean indent) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        if (indent) g.setPrettyPrinter(new DefaultPrettyPrinter());
        return g;
    }

    /** Writes one tree to a generator made by {@link #generator}. */
    public static void write(JsonGenerator g, JsonNode node) throws IOException {
        if (node instanceof ObjectNode o) {
            g.writeStartObject(o, o.size());
            for (var e : o.properties()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (node instanceof ArrayNode a) {
            g.writeStartArray(a, a.size());
            for (JsonNode e : a) write(g, e);
            g.writeEndArray();
        } else if (node.isTextual()) {
            g.writeString(node.textValue());
        } else if (node.isNumber()) {
            switch (node.numberType()) {
                case INT -> g.writeNumber(node.intValue());
                case LONG -> g.writeNumber(node.longValue());
                case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                case FLOAT -> g.writeNumber(node.floatValue());
                case DOUBLE -> g.writeNumber(node.doubleValue());
                case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
            }
        } else if (node.isBoolean()) {
            g.writeBoolean(node.booleanValue());
        } else if (node.isNull() || node.isMissingNode()) {
            g.writeNull();
        } else if (node.isBinary()) {
            g.writeBinary(node.binaryValue());
        } else {
            throw new IllegalArgumentException("cannot write a " + node.getNodeType() + " node as JSON"); // POJO nodes: trees hold none
        }
    }

    /** One-line description of a parse failure, for "file: problem" messages. */
    public static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        var loc = e.getLocation();
        String where = loc != null && loc.getLineNr() > 0 ? " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")" : "";
        return "invalid JSON: " + (msg == null ? "unreadable" : msg.lines().findFirst().orElse(msg)) + where;
    }
}
