package com.samplerlens.core.container.exif;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text out of EXIF values, decoded from the raw bytes. Libraries disagree on UserComment
 * {@code UNICODE}: metadata-extractor reads UTF-16LE, while piexif (A1111, the SaveImage
 * extensions) writes UTF-16BE, and ExifTool follows the TIFF byte order. So the byte order is
 * sniffed here.
 */
public final class ExifTextDecoder {
    private ExifTextDecoder() {}

    public static final byte[] UNICODE_PREFIX = "UNICODE\0".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] ASCII_PREFIX = "ASCII\0\0\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] JIS_PREFIX = "JIS\0\0\0\0\0".getBytes(StandardCharsets.US_ASCII);

    /** A decoded UserComment and the encoding it was found in, e.g. "UTF-16BE". */
    public record Decoded(String text, String encoding) {}

    /** Decodes an Exif UserComment (8-byte character code + text). */
    public static Decoded userComment(byte[] raw) {
        if (raw.length < 8) return new Decoded(trimNuls(lenientUtf8(raw, 0, raw.length)), "no character code");
        byte[] code = Arrays.copyOf(raw, 8);
        if (Arrays.equals(code, UNICODE_PREFIX)) {
            Charset cs = sniffUtf16(raw, 8);
            int from = 8 + (hasBom(raw, 8) ? 2 : 0);
            return new Decoded(trimNuls(new String(raw, from, (raw.length - from) & ~1, cs)), cs.name());
        }
        if (Arrays.equals(code, ASCII_PREFIX)) return new Decoded(trimNuls(lenientUtf8(raw, 8, raw.length - 8)), "ASCII");
        if (Arrays.equals(code, JIS_PREFIX)) return new Decoded(trimNuls(new String(raw, 8, raw.length - 8, Charset.forName("Shift_JIS"))), "JIS");
        // undefined code (8 NULs or garbage): best effort, UTF-8 falling back to Latin-1
        return new Decoded(trimNuls(lenientUtf8(raw, 8, raw.length - 8)), "undefined");
    }

    /** UTF-16 byte order from a BOM, else the order in which more characters come out as ASCII. */
    static Charset sniffUtf16(byte[] b, int from) {
        if (b.length - from >= 2) {
            if ((b[from] & 0xFF) == 0xFE && (b[from + 1] & 0xFF) == 0xFF) return StandardCharsets.UTF_16BE;
            if ((b[from] & 0xFF) == 0xFF && (b[from + 1] & 0xFF) == 0xFE) return StandardCharsets.UTF_16LE;
        }
        int asciiIfBe = 0;
        int asciiIfLe = 0;
        for (int i = from; i + 1 < b.length; i += 2) {
            if (b[i] == 0 && b[i + 1] != 0 && (b[i + 1] & 0x80) == 0) asciiIfBe++;
            if (b[i + 1] == 0 && b[i] != 0 && (b[i] & 0x80) == 0) asciiIfLe++;
        }
        // a tie (all CJK, or empty) goes to big-endian, which is what piexif writes
        return asciiIfLe > asciiIfBe ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
    }

    private static boolean hasBom(byte[] b, int from) {
        if (b.length - from < 2) return false;
        int x = b[from] & 0xFF;
        int y = b[from + 1] & 0xFF;
        return (x == 0xFE && y == 0xFF) || (x == 0xFF && y == 0xFE);
    }

    /** An ASCII-typed tag value: UTF-8 when it is valid UTF-8 (what ComfyUI writes), else Latin-1. */
    public static String asciiValue(byte[] raw) {
        return trimNuls(lenientUtf8(raw, 0, raw.length));
    }

    private static String lenientUtf8(byte[] b, int from, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, from, len)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, from, len, StandardCharsets.ISO_8859_1);
        }
    }

    private static String trimNuls(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') end--;
        return s.substring(0, end);
    }
}
