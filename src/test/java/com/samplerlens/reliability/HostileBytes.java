package com.samplerlens.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Builders for hand-made hostile container bytes: PNG chunks, zlib bombs, TIFF/EXIF, JPEG, RIFF. */
final class HostileBytes {
    private HostileBytes() {}

    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** A PNG chunk with its correct CRC. */
    static byte[] pngChunk(String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes(StandardCharsets.US_ASCII));
        crc.update(data);
        return pngChunk(type, data, data.length, (int) crc.getValue());
    }

    /** A PNG chunk with the given length field and CRC, whatever the data really is. */
    static byte[] pngChunk(String type, byte[] data, int lengthField, int crc) {
        return ByteBuffer.allocate(12 + data.length).putInt(lengthField)
                .put(type.getBytes(StandardCharsets.US_ASCII)).put(data).putInt(crc).array();
    }

    static byte[] ihdr() {
        return pngChunk("IHDR", ByteBuffer.allocate(13).putInt(1).putInt(1).put((byte) 8).put((byte) 2).put(new byte[3]).array());
    }

    static byte[] iend() { return pngChunk("IEND", new byte[0]); }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    static byte[] latin1(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    /** zlib data that inflates to {@code inflated} zero bytes (about 1,000:1). */
    static byte[] zlibZeros(long inflated) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        byte[] buf = new byte[64 * 1024];
        for (long left = inflated; left > 0; left -= zeros.length) {
            d.setInput(zeros, 0, (int) Math.min(zeros.length, left));
            while (!d.needsInput()) out.write(buf, 0, d.deflate(buf));
        }
        d.finish();
        while (!d.finished()) out.write(buf, 0, d.deflate(buf));
        d.end();
        return out.toByteArray();
    }

    /** One IFD entry: tag, type, count, value-or-offset (4 bytes, big-endian TIFF). */
    record IfdEntry(int tag, int type, int count, int value) {}

    static final int ASCII = 2, LONG = 4, UNDEFINED = 7;
    static final int TAG_MAKE = 0x010F, TAG_EXIF_IFD = 0x8769, TAG_USER_COMMENT = 0x9286;

    /**
     * A big-endian TIFF with one IFD at offset 8 and {@code tail} after it; the header points to
     * {@code ifd0Offset}, which need not be 8 (nor inside the data).
     */
    static byte[] tiff(int ifd0Offset, IfdEntry[] entries, int nextIfd, byte[] tail) {
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 12 * entries.length + 4 + tail.length).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0Offset);
        b.putShort((short) entries.length);
        for (IfdEntry e : entries) b.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count()).putInt(e.value());
        b.putInt(nextIfd);
        b.put(tail);
        return b.array();
    }

    /** SOI, APP1 "Exif\0\0" + tiff, a minimal SOS and EOI: enough for the segment reader. */
    static byte[] jpegWithExif(byte[] tiff) {
        byte[] payload = concat(new byte[] {'E', 'x', 'i', 'f', 0, 0}, tiff);
        return concat(new byte[] {(byte) 0xFF, (byte) 0xD8},
                jpegSegment(0xE1, payload),
                jpegSegment(0xDA, new byte[] {1, 1, 0, 0, 0x3F, 0}),
                new byte[] {0x12, 0x34, (byte) 0xFF, (byte) 0xD9});
    }

    static byte[] jpegSegment(int marker, byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length).put((byte) 0xFF).put((byte) marker)
                .putShort((short) (payload.length + 2)).put(payload).array();
    }

    /** A RIFF/WEBP file of the given chunks (id + data, padded to even length), RIFF size correct. */
    static byte[] riff(Object... idAndData) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(latin1("WEBP"));
        for (int i = 0; i < idAndData.length; i += 2) {
            byte[] data = (byte[]) idAndData[i + 1];
            body.writeBytes(latin1((String) idAndData[i]));
            body.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length).array());
            body.writeBytes(data);
            if ((data.length & 1) == 1) body.write(0);
        }
        byte[] b = body.toByteArray();
        return concat(latin1("RIFF"), ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array(), b);
    }
}
