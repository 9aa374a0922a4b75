package com.samplerlens.core.container.webp;

import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.DecodeProblem;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.StructureLines;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.container.exif.ExifMetadataDecoder;
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
        RiffChunkReader.Result result = RiffChunkReader.read(webp);
        if (result.chunks().isEmpty()) {
            throw new UnreadableFileException(file, "truncated WebP before any chunk"
                    + (result.problems().isEmpty() ? "" : ": " + result.problems().getFirst().message()));
        }
        List<DecodeProblem> problems = new ArrayList<>(result.problems());
        List<MetadataEntry> entries = new ArrayList<>();
        StructureLines structure = new StructureLines();
        for (RiffChunk chunk : result.chunks()) {
            String name = chunk.fourCc().strip();
            if (chunk.fourCc().equals("EXIF")) {
                int skip = startsWith(webp, chunk, EXIF_HEADER) ? EXIF_HEADER.length : 0;
                byte[] tiff = Arrays.copyOfRange(webp, chunk.dataOffset() + skip, chunk.dataOffset() + chunk.length());
                ExifMetadataDecoder.Result exif = ExifMetadataDecoder.decode(tiff, "EXIF chunk");
                entries.addAll(exif.entries());
                problems.addAll(exif.problems());
                structure.add("EXIF (" + exif.tagCount() + (exif.tagCount() == 1 ? " tag" : " tags") + (skip > 0 ? ", Exif header" : "") + ")", chunk.length());
            } else {
                structure.addRepeatable(name, chunk.length());
            }
        }
        return new EmbeddedMetadata(file, ContainerFormat.WEBP, structure.lines(), entries, problems);
    }

    static boolean startsWith(byte[] b, RiffChunk chunk, byte[] prefix) {
        return chunk.length() >= prefix.length
                && Arrays.equals(b, chunk.dataOffset(), chunk.dataOffset() + prefix.length, prefix, 0, prefix.length);
    }
}
