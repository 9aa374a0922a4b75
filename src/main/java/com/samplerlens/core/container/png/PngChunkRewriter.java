package com.samplerlens.core.container.png;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.function.Predicate;
import java.util.zip.CRC32;

/**
 * Rewrites the text chunks of a PNG and copies every other chunk byte for byte.
 *
 * <p>Hand-written on purpose: Commons Imaging can only write PNG text by re-encoding the pixels
 * from a BufferedImage (dropping iCCP, APNG, 16-bit depth …) and always compresses iTXt, which
 * ComfyUI's frontend cannot read. Here a text is stored as tEXt when it is Latin-1 encodable and
 * as uncompressed UTF-8 iTXt otherwise.
 */
public final class PngChunkRewriter {
    private PngChunkRewriter() {}

    /**
     * Replaces the text chunks whose keyword is a key of {@code texts} (wherever they are) and
     * writes the new ones, in the map's order, just before the first IDAT. A null value only
     * removes that keyword.
     *
     * @throws IllegalArgumentException when {@code png} is not a readable PNG or a keyword is invalid
     */
    public static byte[] rewrite(byte[] png, LinkedHashMap<String, String> texts) {
        texts.keySet().forEach(PngChunkRewriter::checkKeyword);
        PngChunkReader.Result parsed = parse(png);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + texts.values().stream().mapToInt(t -> t == null ? 0 : t.length() + 64).sum());
        out.write(png, 0, PngChunkReader.SIGNATURE.length);
        boolean inserted = false;
        for (PngChunk chunk : parsed.chunks()) {
            if (!inserted && (chunk.type().equals("IDAT") || chunk.type().equals("IEND"))) {
                texts.forEach((keyword, text) -> { if (text != null) out.writeBytes(textChunk(keyword, text)); });
                inserted = true;
            }
            if (chunk.isText() && texts.containsKey(keywordOrNull(png, chunk))) continue;
            out.write(png, chunk.offset(), chunk.totalLength());
        }
        copyTrailing(png, parsed, out);
        return out.toByteArray();
    }

    /** Drops every text chunk whose keyword matches; everything else is copied byte for byte. */
    public static byte[] remove(byte[] png, Predicate<String> keyword) {
        PngChunkReader.Result parsed = parse(png);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, PngChunkReader.SIGNATURE.length);
        for (PngChunk chunk : parsed.chunks()) {
            String k = chunk.isText() ? keywordOrNull(png, chunk) : null;
            if (k != null && keyword.test(k)) continue;
            out.write(png, chunk.offset(), chunk.totalLength());
        }
        copyTrailing(png, parsed, out);
        return out.toByteArray();
    }

    /** The chunk that {@link #rewrite} writes for this text: tEXt if Latin-1, else uncompressed iTXt. */
    public static byte[] textChunk(String keyword, String text) {
        checkKeyword(keyword);
        byte[] key = keyword.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream data = new ByteArrayOutputStream(key.length + text.length() + 8);
        data.writeBytes(key);
        data.write(0);
        if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
            data.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            return chunk("tEXt", data.toByteArray());
        }
        data.writeBytes(new byte[] {0, 0, 0, 0}); // not compressed, method 0, empty language, empty translated keyword
        data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return chunk("iTXt", data.toByteArray());
    }

    /** Size in bytes of the chunk {@link #textChunk} would write. */
    public static int textChunkSize(String keyword, String text) {
        return textChunk(keyword, text).length;
    }

    /** One whole chunk: length, type, data and CRC. */
    public static byte[] chunk(String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 12);
        writeInt(out, data.length);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
        return out.toByteArray();
    }

    /** PNG §11.3.4.2: 1–79 Latin-1 printable characters, no leading/trailing/double spaces. */
    static void checkKeyword(String k) {
        if (k == null || k.isEmpty() || k.length() > 79) throw new IllegalArgumentException("PNG keyword must have 1 to 79 characters: '" + k + "'");
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (!((c >= 32 && c <= 126) || (c >= 161 && c <= 255))) throw new IllegalArgumentException("PNG keyword has a character not allowed: '" + k + "'");
        }
        if (k.startsWith(" ") || k.endsWith(" ") || k.contains("  ")) throw new IllegalArgumentException("PNG keyword has a leading, trailing or double space: '" + k + "'");
    }

    private static PngChunkReader.Result parse(byte[] png) {
        if (!PngChunkReader.hasSignature(png)) throw new IllegalArgumentException("not a PNG (no PNG signature)");
        PngChunkReader.Result parsed = PngChunkReader.read(png);
        if (parsed.chunks().isEmpty() || !parsed.chunks().getLast().type().equals("IEND")) {
            throw new IllegalArgumentException("PNG is truncated or damaged; not rewritten: "
                    + (parsed.problems().isEmpty() ? "no IEND" : parsed.problems().getFirst()));
        }
        return parsed;
    }

    /** Bytes after IEND are not ours to judge; they are kept. */
    private static void copyTrailing(byte[] png, PngChunkReader.Result parsed, ByteArrayOutputStream out) {
        out.write(png, png.length - parsed.trailingBytes(), parsed.trailingBytes());
    }

    private static String keywordOrNull(byte[] png, PngChunk chunk) {
        try {
            return PngTextDecoder.keyword(png, chunk);
        } catch (PngTextDecoder.BadTextChunkException e) {
            return null;
        }
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
