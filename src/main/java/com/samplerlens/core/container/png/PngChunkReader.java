package com.samplerlens.core.container.png;

import com.samplerlens.core.container.DecodeProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Splits PNG bytes into chunks without interpreting them. A bad CRC is noted and the chunk kept;
 * a length that runs past the end of the file ends the walk with a problem.
 */
public final class PngChunkReader {
    private PngChunkReader() {}

    public static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** The chunks found, what went wrong, and how many bytes follow IEND. */
    public record Result(List<PngChunk> chunks, List<DecodeProblem> problems, int trailingBytes) {}

    public static boolean hasSignature(byte[] bytes) {
        return bytes.length >= 8 && Arrays.equals(bytes, 0, 8, SIGNATURE, 0, 8);
    }

    /** Reads the chunk list; the caller has checked {@link #hasSignature}. */
    public static Result read(byte[] png) {
        List<PngChunk> chunks = new ArrayList<>();
        List<DecodeProblem> problems = new ArrayList<>();
        int pos = 8;
        int trailing = 0;
        while (pos < png.length) {
            if (png.length - pos < 12) {
                problems.add(new DecodeProblem("offset " + pos, "file ends inside a chunk header (" + (png.length - pos) + " bytes left)"));
                break;
            }
            long length = readUInt(png, pos);
            String type = chunkType(png, pos + 4);
            if (type == null) {
                problems.add(new DecodeProblem("offset " + pos, "not a chunk type; reading stopped"));
                break;
            }
            if (length > Integer.MAX_VALUE || pos + 12L + length > png.length) {
                problems.add(new DecodeProblem(type + " at offset " + pos, "claims " + length
                        + " bytes but only " + (png.length - pos - 12) + " remain (file truncated or length corrupt)"));
                break;
            }
            int len = (int) length;
            CRC32 crc = new CRC32();
            crc.update(png, pos + 4, 4 + len);
            boolean crcOk = crc.getValue() == readUInt(png, pos + 8 + len);
            if (!crcOk) problems.add(new DecodeProblem(type + " at offset " + pos, "CRC mismatch (chunk kept)"));
            chunks.add(new PngChunk(type, pos, pos + 8, len, crcOk));
            pos += 12 + len;
            if (type.equals("IEND")) {
                trailing = png.length - pos;
                break;
            }
        }
        if (!chunks.isEmpty() && !chunks.getLast().type().equals("IEND") && problems.isEmpty()) {
            problems.add(new DecodeProblem("IEND", "missing (file truncated?)"));
        }
        return new Result(List.copyOf(chunks), List.copyOf(problems), trailing);
    }

    static long readUInt(byte[] b, int p) {
        return ((b[p] & 0xFFL) << 24) | ((b[p + 1] & 0xFFL) << 16) | ((b[p + 2] & 0xFFL) << 8) | (b[p + 3] & 0xFFL);
    }

    /** The four type bytes as text, or null when they are not ASCII letters. */
    private static String chunkType(byte[] b, int p) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            int v = b[p + i] & 0xFF;
            if (!((v >= 'A' && v <= 'Z') || (v >= 'a' && v <= 'z'))) return null;
            c[i] = (char) v;
        }
        return new String(c);
    }
}
