package com.samplerlens.core.container.webp;

import com.samplerlens.core.container.DecodeProblem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits a RIFF/WEBP file into its top-level chunks, noting a RIFF size that disagrees with the file. */
public final class RiffChunkReader {
    private RiffChunkReader() {}

    public record Result(List<RiffChunk> chunks, List<DecodeProblem> problems) {}

    public static boolean hasSignature(byte[] b) {
        return b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P';
    }

    public static Result read(byte[] webp) {
        List<RiffChunk> chunks = new ArrayList<>();
        List<DecodeProblem> problems = new ArrayList<>();
        long riffSize = readUInt32LE(webp, 4);
        long end = Math.min(webp.length, 8 + riffSize);
        if (8 + riffSize != webp.length) {
            problems.add(new DecodeProblem("RIFF header", "says " + (8 + riffSize) + " bytes, the file has " + webp.length));
        }
        int pos = 12;
        while (pos < end) {
            if (end - pos < 8) {
                problems.add(new DecodeProblem("offset " + pos, (end - pos) + " stray bytes at the end of the RIFF data"));
                break;
            }
            String id = new String(webp, pos, 4, StandardCharsets.ISO_8859_1);
            long length = readUInt32LE(webp, pos + 4);
            if (pos + 8 + length > end) {
                problems.add(new DecodeProblem(id.strip() + " at offset " + pos, "claims " + length + " bytes but only "
                        + (end - pos - 8) + " remain (file truncated or length corrupt)"));
                break;
            }
            chunks.add(new RiffChunk(id, pos, pos + 8, (int) length));
            pos += 8 + (int) length + (int) (length & 1);
        }
        return new Result(List.copyOf(chunks), List.copyOf(problems));
    }

    static long readUInt32LE(byte[] b, int p) {
        return (b[p] & 0xFFL) | ((b[p + 1] & 0xFFL) << 8) | ((b[p + 2] & 0xFFL) << 16) | ((b[p + 3] & 0xFFL) << 24);
    }
}
