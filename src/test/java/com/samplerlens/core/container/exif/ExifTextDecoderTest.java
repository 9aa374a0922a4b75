package com.samplerlens.core.container.exif;

import static com.samplerlens.core.container.TestBytes.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExifTextDecoderTest {
    private static final String TEXT = "photo of a duck\nSteps: 15, Sampler: UniPC";

    @Test
    void unicodeBigEndianAsPiexifWritesIt() {
        var d = ExifTextDecoder.userComment(concat(ExifTextDecoder.UNICODE_PREFIX, TEXT.getBytes(StandardCharsets.UTF_16BE)));
        assertEquals(TEXT, d.text());
        assertEquals("UTF-16BE", d.encoding());
    }

    @Test
    void unicodeLittleEndianIsSniffed() {
        var d = ExifTextDecoder.userComment(concat(ExifTextDecoder.UNICODE_PREFIX, TEXT.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(TEXT, d.text());
        assertEquals("UTF-16LE", d.encoding());
    }

    @Test
    void byteOrderMarkWinsAndIsDropped() {
        String cjk = "一只猫";
        byte[] le = concat(ExifTextDecoder.UNICODE_PREFIX, new byte[] {(byte) 0xFF, (byte) 0xFE}, cjk.getBytes(StandardCharsets.UTF_16LE));
        assertEquals(cjk, ExifTextDecoder.userComment(le).text());
    }

    @Test
    void mostlyAsciiWithEmojiStillPicksTheRightOrder() {
        String mixed = "cat 🐱 in space, Steps: 20";
        assertEquals(mixed, ExifTextDecoder.userComment(concat(ExifTextDecoder.UNICODE_PREFIX, mixed.getBytes(StandardCharsets.UTF_16LE))).text());
        assertEquals(mixed, ExifTextDecoder.userComment(concat(ExifTextDecoder.UNICODE_PREFIX, mixed.getBytes(StandardCharsets.UTF_16BE))).text());
    }

    @Test
    void asciiAndUndefinedPrefixes() {
        assertEquals(TEXT, ExifTextDecoder.userComment(concat(ExifTextDecoder.ASCII_PREFIX, TEXT.getBytes(StandardCharsets.US_ASCII))).text());
        assertEquals(TEXT, ExifTextDecoder.userComment(concat(new byte[8], TEXT.getBytes(StandardCharsets.UTF_8), new byte[2])).text());
    }
}
