package com.samplerlens.core.container.webp;

import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.DecodeProblem;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.StructureLines;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.container.exif.ExifMetadataDecoder;
import com.samplerlens.core.container.ByteInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The metadata of a WebP: the RIFF {@code EXIF} chunk, decoded like a JPEG's EXIF. The chunk is
 * TIFF data; older Pillow (and so older ComfyUI) put a JPEG-style "Exif\0\0" before it, which is
 * skipped when present.
 */
public final class WebpMetadataReader {
    private WebpMetadataReader() {}

    static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};

    public static EmbeddedMetadata read(Path file, byte[] webp) throws UnreadableFileException {
        if (!RiffChunkReader.hasSignature(webp)) throw new UnreadableFileException(file, "not a WebP file (no RIFF/WEBP header)");
        try {
            return read(file, ByteInput.of(webp));
        } catch (IOException e) {
            throw new IllegalStateException("an array cannot fail to read", e);
        }
    }

    /**
     * Walks the RIFF chunk headers through {@code in} (whose first 12 bytes the caller checked)
     * and reads the data of the EXIF chunk only; the image and animation frames are skipped over.
     */
    public static EmbeddedMetadata read(Path file, ByteInput in) throws IOException, UnreadableFileException {
        long size = in.size();
        List<DecodeProblem> problems = new ArrayList<>();
        long riffSize = RiffChunkReader.readUInt32LE(in.read(0, 12), 4);
        long end = Math.min(size, 8 + riffSize);
        if (8 + riffSize != size) {
            problems.add(new DecodeProblem("RIFF header", "says " + (8 + riffSize) + " bytes, the file has " + size));
        }
        List<MetadataEntry> entries = new ArrayList<>();
        StructureLines structure = new StructureLines();
        int chunks = 0;
        long pos = 12;
        while (pos < end) {
            if (end - pos < 8) {
                problems.add(new DecodeProblem("offset " + pos, (end - pos) + " stray bytes at the end of the RIFF data"));
                break;
            }
            byte[] header = in.read(pos, 8);
            String fourCc = new String(header, 0, 4, StandardCharsets.ISO_8859_1);
            long length = RiffChunkReader.readUInt32LE(header, 4);
            if (pos + 8 + length > end) {
                problems.add(new DecodeProblem(fourCc.strip() + " at offset " + pos, "claims " + length + " bytes but only "
                        + (end - pos - 8) + " remain (file truncated or length corrupt)"));
                break;
            }
            if (++chunks > MAX_CHUNKS) {
                problems.add(new DecodeProblem("offset " + pos, "more than " + MAX_CHUNKS + " chunks; the rest is not read"));
                break;
            }
            if (fourCc.equals("EXIF")) {
                byte[] data = in.read(pos + 8, (int) length);
                int skip = data.length >= EXIF_HEADER.length && Arrays.equals(data, 0, EXIF_HEADER.length, EXIF_HEADER, 0, EXIF_HEADER.length)
                        ? EXIF_HEADER.length : 0;
                byte[] tiff = skip == 0 ? data : Arrays.copyOfRange(data, skip, data.length);
                ExifMetadataDecoder.Result exif = ExifMetadataDecoder.decode(tiff, "EXIF chunk");
                entries.addAll(exif.entries());
                problems.addAll(exif.problems());
                structure.add("EXIF (" + exif.tagCount() + (exif.tagCount() == 1 ? " tag" : " tags") + (skip > 0 ? ", Exif header" : "") + ")", length);
            } else {
                structure.addRepeatable(fourCc.strip(), length);
            }
            pos += 8 + length + (length & 1);
        }
        if (chunks == 0) {
            throw new UnreadableFileException(file, "truncated WebP before any chunk"
                    + (problems.isEmpty() ? "" : ": " + problems.getFirst().message()));
        }
        return new EmbeddedMetadata(file, ContainerFormat.WEBP, structure.lines(), entries, problems);
    }

    /** Chunks walked per file; reading stops after (an animation has one per frame). */
    public static final int MAX_CHUNKS = 1_000_000;

    static boolean startsWith(byte[] b, RiffChunk chunk, byte[] prefix) {
        return chunk.length() >= prefix.length
                && Arrays.equals(b, chunk.dataOffset(), chunk.dataOffset() + prefix.length, prefix, 0, prefix.length);
    }
}
