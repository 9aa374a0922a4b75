package com.samplerlens.core.container.webp;

import com.samplerlens.core.container.exif.ExifPayload;
import com.samplerlens.core.container.exif.ExifTiffBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Puts a TIFF block into the RIFF {@code EXIF} chunk of a WebP. Hand-written: no Java library
 * writes WebP metadata. Image chunks (VP8, VP8L, ALPH, ANIM, ANMF) and every other chunk are
 * copied byte for byte; only VP8X (created, or its EXIF flag set/cleared) and the RIFF size change.
 *
 * <p>The chunk holds bare TIFF data, as the WebP container spec says and current ComfyUI writes
 * (ce_flux_kontext_example_comic.webp); older Pillow put "Exif\0\0" first, which ExifTool
 * reports as an improper header, so it is not written here.
 */
public final class WebpExifWriter {
    private WebpExifWriter() {}

    private static final int FLAG_EXIF = 0x08;
    private static final int FLAG_ALPHA = 0x10;

    /** The TIFF block for {@code p}, keeping the other tags of the WebP's current EXIF chunk. */
    public static byte[] tiffPayload(byte[] webp, ExifPayload p) {
        RiffChunkReader.Result r = parse(webp);
        byte[] existing = r.chunks().stream().filter(c -> c.fourCc().equals("EXIF")).findFirst().map(c -> {
            int skip = WebpMetadataReader.startsWith(webp, c, WebpMetadataReader.EXIF_HEADER) ? WebpMetadataReader.EXIF_HEADER.length : 0;
            return Arrays.copyOfRange(webp, c.dataOffset() + skip, c.dataOffset() + c.length());
        }).orElse(null);
        return ExifTiffBuilder.tiff(existing, p);
    }

    /**
     * Replaces the EXIF chunk with {@code tiffPayloadOrNull} (null removes it). The new chunk goes
     * after the image data and before XMP, the order the container spec gives.
     *
     * @throws IllegalArgumentException when the file is not a WebP whose chunks can all be read
     */
    public static byte[] write(byte[] webp, byte[] tiffPayloadOrNull) {
        RiffChunkReader.Result r = parse(webp);
        List<RiffChunk> chunks = r.chunks();
        boolean hasVp8x = chunks.getFirst().fourCc().equals("VP8X");
        ByteArrayOutputStream out = new ByteArrayOutputStream(webp.length + (tiffPayloadOrNull == null ? 0 : tiffPayloadOrNull.length + 9));
        out.writeBytes(new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'});
        if (!hasVp8x && tiffPayloadOrNull != null) writeChunk(out, "VP8X", newVp8x(webp, chunks.getFirst()));
        boolean exifWritten = tiffPayloadOrNull == null;
        for (RiffChunk c : chunks) {
            if (c.fourCc().equals("EXIF")) continue;
            if (!exifWritten && c.fourCc().equals("XMP ")) {
                writeChunk(out, "EXIF", tiffPayloadOrNull);
                exifWritten = true;
            }
            if (c.fourCc().equals("VP8X")) {
                byte[] data = c.data(webp);
                data[0] = (byte) (tiffPayloadOrNull == null ? data[0] & ~FLAG_EXIF : data[0] | FLAG_EXIF);
                writeChunk(out, "VP8X", data);
            } else {
                out.write(webp, c.offset(), c.totalLength());
            }
        }
        if (!exifWritten) writeChunk(out, "EXIF", tiffPayloadOrNull);
        byte[] result = out.toByteArray();
        int riffSize = result.length - 8;
        result[4] = (byte) riffSize;
        result[5] = (byte) (riffSize >>> 8);
        result[6] = (byte) (riffSize >>> 16);
        result[7] = (byte) (riffSize >>> 24);
        return result;
    }

    /** The size {@link #write} will produce. */
    public static long writtenSize(byte[] webp, byte[] tiffPayloadOrNull) {
        RiffChunkReader.Result r = parse(webp);
        long size = 12;
        for (RiffChunk c : r.chunks()) if (!c.fourCc().equals("EXIF")) size += c.totalLength();
        if (tiffPayloadOrNull != null) {
            size += 8 + tiffPayloadOrNull.length + (tiffPayloadOrNull.length & 1);
            if (!r.chunks().getFirst().fourCc().equals("VP8X")) size += 18;
        }
        return size;
    }

    /** VP8X for a simple (VP8 or VP8L) file: canvas size from the bitstream header, alpha from VP8L. */
    private static byte[] newVp8x(byte[] webp, RiffChunk image) {
        int width;
        int height;
        boolean alpha = false;
        int d = image.dataOffset();
        switch (image.fourCc()) {
            case "VP8 " -> {
                // frame tag (3 bytes), start code 9D 01 2A, then 14-bit width and height (RFC 6386 §9.1)
                if (image.length() < 10 || (webp[d + 3] & 0xFF) != 0x9D || (webp[d + 4] & 0xFF) != 0x01 || (webp[d + 5] & 0xFF) != 0x2A) {
                    throw new IllegalArgumentException("VP8 chunk has no key-frame header; cannot add VP8X");
                }
                width = u16le(webp, d + 6) & 0x3FFF;
                height = u16le(webp, d + 8) & 0x3FFF;
            }
            case "VP8L" -> {
                // signature 0x2F, then 14 bits width-1, 14 bits height-1, 1 bit alpha (WebP lossless spec §3)
                if (image.length() < 5 || (webp[d] & 0xFF) != 0x2F) throw new IllegalArgumentException("VP8L chunk has no header; cannot add VP8X");
                long bits = (webp[d + 1] & 0xFFL) | ((webp[d + 2] & 0xFFL) << 8) | ((webp[d + 3] & 0xFFL) << 16) | ((webp[d + 4] & 0xFFL) << 24);
                width = (int) (bits & 0x3FFF) + 1;
                height = (int) ((bits >>> 14) & 0x3FFF) + 1;
                alpha = ((bits >>> 28) & 1) == 1;
            }
            default -> throw new IllegalArgumentException("first chunk is " + image.fourCc().strip() + ", not VP8X/VP8/VP8L");
        }
        byte[] v = new byte[10];
        v[0] = (byte) (FLAG_EXIF | (alpha ? FLAG_ALPHA : 0));
        put24(v, 4, width - 1);
        put24(v, 7, height - 1);
        return v;
    }

    private static RiffChunkReader.Result parse(byte[] webp) {
        if (!RiffChunkReader.hasSignature(webp)) throw new IllegalArgumentException("not a WebP (no RIFF/WEBP header)");
        RiffChunkReader.Result r = RiffChunkReader.read(webp);
        if (!r.problems().isEmpty() || r.chunks().isEmpty()) {
            throw new IllegalArgumentException("WebP is truncated or damaged; not rewritten: "
                    + (r.problems().isEmpty() ? "no chunks" : r.problems().getFirst()));
        }
        return r;
    }

    private static void writeChunk(ByteArrayOutputStream out, String fourCc, byte[] data) {
        out.writeBytes(fourCc.getBytes(StandardCharsets.US_ASCII));
        out.write(data.length);
        out.write(data.length >>> 8);
        out.write(data.length >>> 16);
        out.write(data.length >>> 24);
        out.writeBytes(data);
        if ((data.length & 1) == 1) out.write(0);
    }

    private static int u16le(byte[] b, int p) { return (b[p] & 0xFF) | ((b[p + 1] & 0xFF) << 8); }

    private static void put24(byte[] b, int p, int v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
        b[p + 2] = (byte) (v >>> 16);
    }
}
