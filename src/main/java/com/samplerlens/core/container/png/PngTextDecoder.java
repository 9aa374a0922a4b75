package com.samplerlens.core.container.png;

import com.samplerlens.core.container.BoundedInflater;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes the data of PNG text chunks (PNG spec §11.3.4). */
public final class PngTextDecoder {
    private PngTextDecoder() {}

    /** Why a text chunk could not be decoded. */
    public static final class BadTextChunkException extends Exception {
        public BadTextChunkException(String message) { super(message); }
    }

    /** The keyword of any text chunk: the Latin-1 bytes before the first NUL. */
    public static String keyword(byte[] png, PngChunk chunk) throws BadTextChunkException {
        int nul = indexOfNul(png, chunk.dataOffset(), chunk.dataOffset() + chunk.length());
        if (nul < 0) throw new BadTextChunkException("no NUL after the keyword");
        if (nul == chunk.dataOffset()) throw new BadTextChunkException("empty keyword");
        return new String(png, chunk.dataOffset(), nul - chunk.dataOffset(), StandardCharsets.ISO_8859_1);
    }

    public static PngText decode(byte[] png, PngChunk chunk, int inflateLimit) throws BadTextChunkException {
        int start = chunk.dataOffset();
        int end = start + chunk.length();
        String keyword = keyword(png, chunk);
        int p = start + keyword.length() + 1;
        try {
            return switch (chunk.type()) {
                case "tEXt" -> new PngText("tEXt", keyword, latin1(png, p, end), false, "", "");
                case "zTXt" -> {
                    if (p >= end) throw new BadTextChunkException("no compression method byte");
                    if (png[p] != 0) throw new BadTextChunkException("unknown compression method " + (png[p] & 0xFF));
                    byte[] text = BoundedInflater.inflate(png, p + 1, end - p - 1, inflateLimit);
                    yield new PngText("zTXt", keyword, new String(text, StandardCharsets.ISO_8859_1), true, "", "");
                }
                case "iTXt" -> decodeInternational(png, keyword, p, end, inflateLimit);
                default -> throw new IllegalArgumentException(chunk.type() + " is not a text chunk");
            };
        } catch (BoundedInflater.InflateException e) {
            throw new BadTextChunkException(e.getMessage());
        }
    }

    private static PngText decodeInternational(byte[] png, String keyword, int p, int end, int inflateLimit)
            throws BadTextChunkException, BoundedInflater.InflateException {
        if (end - p < 2) throw new BadTextChunkException("no compression flag / method");
        int flag = png[p] & 0xFF;
        int method = png[p + 1] & 0xFF;
        if (flag > 1) throw new BadTextChunkException("compression flag " + flag + " (expected 0 or 1)");
        if (flag == 1 && method != 0) throw new BadTextChunkException("unknown compression method " + method);
        int langEnd = indexOfNul(png, p + 2, end);
        if (langEnd < 0) throw new BadTextChunkException("no NUL after the language tag");
        int transEnd = indexOfNul(png, langEnd + 1, end);
        if (transEnd < 0) throw new BadTextChunkException("no NUL after the translated keyword");
        String language = new String(png, p + 2, langEnd - p - 2, StandardCharsets.US_ASCII);
        String translated = utf8(png, langEnd + 1, transEnd, "translated keyword");
        int textStart = transEnd + 1;
        String text;
        if (flag == 1) {
            byte[] raw = BoundedInflater.inflate(png, textStart, end - textStart, inflateLimit);
            text = utf8(raw, 0, raw.length, "text");
        } else {
            text = utf8(png, textStart, end, "text");
        }
        return new PngText("iTXt", keyword, text, flag == 1, language, translated);
    }

    private static String latin1(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static String utf8(byte[] b, int from, int to, String what) throws BadTextChunkException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new BadTextChunkException(what + " is not valid UTF-8");
        }
    }

    private static int indexOfNul(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] == 0) return i;
        return -1;
    }
}
