package com.samplerlens.core.container.png;

import com.samplerlens.core.container.BoundedInflater;
import com.samplerlens.core.container.ByteInput;
import com.samplerlens.core.container.ByteSizes;
import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.DecodeProblem;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.StructureLines;
import com.samplerlens.core.container.UnreadableFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The metadata of a PNG: every text chunk, in file order, keyed by its keyword. It walks the chunk
 * headers and reads the data of text chunks only: image data (IDAT) is skipped over, so a 60 MB
 * PNG costs its few kilobytes of metadata. The CRC is checked for every chunk decoded; with
 * {@code verify} it is checked for every chunk, image data included.
 */
public final class PngMetadataReader {
    private PngMetadataReader() {}

    /**
     * Ceiling on the inflated text of all compressed chunks of one file together: many chunks
     * each just under the per-chunk limit must not add up to gigabytes either. A chunk refused as
     * too large is charged what was inflated before it was refused, so hundreds of refused bombs
     * cost one budget, not one each.
     */
    public static final long MAX_INFLATED_PER_FILE = 128L << 20;

    /** Text chunks decoded per file; the ones after are listed but not decoded. Real files have a handful. */
    public static final int MAX_TEXT_CHUNKS = 1_000;

    /** Chunks walked per file; reading stops after (a 1 GB PNG of 8 KB IDATs has 130,000). */
    public static final int MAX_CHUNKS = 1_000_000;

    public static EmbeddedMetadata read(Path file, byte[] png) throws UnreadableFileException {
        return read(file, png, BoundedInflater.DEFAULT_LIMIT);
    }

    /** As {@link #read(Path, byte[])} with a chosen ceiling on inflated text per chunk. */
    public static EmbeddedMetadata read(Path file, byte[] png, int inflateLimit) throws UnreadableFileException {
        if (!PngChunkReader.hasSignature(png)) throw new UnreadableFileException(file, "not a PNG file (no PNG signature)");
        try {
            return read(file, ByteInput.of(png), inflateLimit, false);
        } catch (IOException e) {
            throw new IllegalStateException("an array cannot fail to read", e);
        }
    }

    /**
     * Reads through {@code in}, whose first 8 bytes are the PNG signature (the caller checked).
     *
     * @param verify check the CRC of every chunk, not only of those decoded
     */
    public static EmbeddedMetadata read(Path file, ByteInput in, int inflateLimit, boolean verify) throws IOException, UnreadableFileException {
        long inflateBudget = MAX_INFLATED_PER_FILE;
        long size = in.size();
        List<DecodeProblem> problems = new ArrayList<>();
        List<MetadataEntry> entries = new ArrayList<>();
        StructureLines structure = new StructureLines();
        long pos = PngChunkReader.SIGNATURE.length;
        long trailing = 0;
        int chunks = 0;
        int textChunks = 0;
        String last = null;
        while (pos < size) {
            if (size - pos < 12) {
                problems.add(new DecodeProblem("offset " + pos, "file ends inside a chunk header (" + (size - pos) + " bytes left)"));
                break;
            }
            byte[] header = in.read(pos, 8);
            long length = PngChunkReader.readUInt(header, 0);
            String type = chunkType(header);
            if (type == null) {
                problems.add(new DecodeProblem("offset " + pos, "not a chunk type; reading stopped"));
                break;
            }
            if (length > Integer.MAX_VALUE || pos + 12 + length > size) {
                problems.add(new DecodeProblem(type + " at offset " + pos, "claims " + length
                        + " bytes but only " + (size - pos - 12) + " remain (file truncated or length corrupt)"));
                break;
            }
            if (++chunks > MAX_CHUNKS) {
                problems.add(new DecodeProblem("offset " + pos, "more than " + MAX_CHUNKS + " chunks; the rest is not read"));
                break;
            }
            int len = (int) length;
            last = type;
            boolean text = type.equals("tEXt") || type.equals("zTXt") || type.equals("iTXt");
            if (text && ++textChunks > MAX_TEXT_CHUNKS) {
                if (textChunks == MAX_TEXT_CHUNKS + 1) {
                    problems.add(new DecodeProblem(type + " at offset " + pos, "more than " + MAX_TEXT_CHUNKS + " text chunks; the later ones are not decoded"));
                }
                text = false;
                if (verify) checkCrc(in, pos, len, type, problems);
                structure.addRepeatable(type + " (not decoded)", len);
            } else if (text) {
                byte[] whole = in.read(pos, 12 + len);
                PngChunk chunk = new PngChunk(type, 0, 8, len, crcMatches(whole, len));
                if (!chunk.crcOk()) problems.add(new DecodeProblem(type + " at offset " + pos, "CRC mismatch (chunk kept)"));
                int limit = (int) Math.min(inflateLimit, inflateBudget);
                try {
                    if (limit <= 0 && isCompressed(whole, chunk)) {
                        throw new PngTextDecoder.BadTextChunkException(BoundedInflater.TOO_LARGE + "0 B; not decompressed");
                    }
                    PngText decoded = PngTextDecoder.decode(whole, chunk, limit);
                    if (decoded.compressed()) inflateBudget -= decoded.text().length();
                    structure.add(type + " " + decoded.keyword() + (decoded.compressed() && type.equals("iTXt") ? " (compressed)" : ""), len);
                    entries.add(new MetadataEntry(decoded.keyword(), type, decoded.text(), len));
                } catch (PngTextDecoder.BadTextChunkException e) {
                    // a refused bomb cost the inflation up to the limit: charge it, or 300 of them cost 300 limits
                    if (e.getMessage().startsWith(BoundedInflater.TOO_LARGE)) inflateBudget -= limit;
                    structure.add(type + " (undecodable)", len);
                    String why = limit < inflateLimit && e.getMessage().startsWith(BoundedInflater.TOO_LARGE)
                            ? (limit <= 0 ? "not decompressed" : e.getMessage())
                                    + " (the file's " + ByteSizes.human(MAX_INFLATED_PER_FILE) + " budget for compressed text is used up)"
                            : e.getMessage();
                    problems.add(new DecodeProblem(type + " at offset " + pos, why));
                }
            } else {
                if (verify) checkCrc(in, pos, len, type, problems);
                structure.addRepeatable(type, len);
            }
            pos += 12 + length;
            if (type.equals("IEND")) {
                trailing = size - pos;
                break;
            }
        }
        if (chunks == 0) {
            String why = problems.isEmpty() ? "no chunks after the signature" : problems.getFirst().message();
            throw new UnreadableFileException(file, "truncated PNG before any chunk: " + why);
        }
        if (!"IEND".equals(last) && problems.isEmpty()) problems.add(new DecodeProblem("IEND", "missing (file truncated?)"));
        if (trailing > 0) structure.addLine(trailing + " B after IEND");
        return new EmbeddedMetadata(file, ContainerFormat.PNG, structure.lines(), entries, problems);
    }

    private static boolean crcMatches(byte[] whole, int len) {
        CRC32 crc = new CRC32();
        crc.update(whole, 4, 4 + len);
        return crc.getValue() == PngChunkReader.readUInt(whole, 8 + len);
    }

    /** The CRC of a chunk not otherwise read (image data), for {@code --verify}. */
    private static void checkCrc(ByteInput in, long pos, int len, String type, List<DecodeProblem> problems) throws IOException {
        CRC32 crc = new CRC32();
        in.updateCrc(crc, pos + 4, 4L + len);
        if (crc.getValue() != PngChunkReader.readUInt(in.read(pos + 8 + len, 4), 0)) {
            problems.add(new DecodeProblem(type + " at offset " + pos, "CRC mismatch (chunk kept)"));
        }
    }

    /** zTXt always, iTXt when its flag says so: the chunks whose decoding inflates. */
    private static boolean isCompressed(byte[] whole, PngChunk chunk) {
        if (chunk.type().equals("zTXt")) return true;
        if (!chunk.type().equals("iTXt")) return false;
        int end = chunk.dataOffset() + chunk.length();
        for (int i = chunk.dataOffset(); i < end; i++) {
            if (whole[i] == 0) return i + 1 < end && whole[i + 1] == 1;
        }
        return false;
    }

    private static String chunkType(byte[] header) {
        for (int i = 4; i < 8; i++) {
            int v = header[i] & 0xFF;
            if (!((v >= 'A' && v <= 'Z') || (v >= 'a' && v <= 'z'))) return null;
        }
        return new String(header, 4, 4, StandardCharsets.US_ASCII);
    }
}
