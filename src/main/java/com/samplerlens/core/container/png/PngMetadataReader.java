package com.samplerlens.core.container.png;

import com.samplerlens.core.container.BoundedInflater;
import com.samplerlens.core.container.ByteSizes;
import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.DecodeProblem;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.StructureLines;
import com.samplerlens.core.container.UnreadableFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The metadata of a PNG: every text chunk, in file order, keyed by its keyword. */
public final class PngMetadataReader {
    private PngMetadataReader() {}

    /**
     * Ceiling on the inflated text of all compressed chunks of one file together: many chunks
     * each just under the per-chunk limit must not add up to gigabytes either.
     */
    public static final long MAX_INFLATED_PER_FILE = 128L << 20;

    public static EmbeddedMetadata read(Path file, byte[] png) throws UnreadableFileException {
        return read(file, png, BoundedInflater.DEFAULT_LIMIT);
    }

    /** As {@link #read(Path, byte[])} with a chosen ceiling on inflated text per chunk. */
    public static EmbeddedMetadata read(Path file, byte[] png, int inflateLimit) throws UnreadableFileException {
        long inflateBudget = MAX_INFLATED_PER_FILE;
        if (!PngChunkReader.hasSignature(png)) throw new UnreadableFileException(file, "not a PNG file (no PNG signature)");
        PngChunkReader.Result result = PngChunkReader.read(png);
        if (result.chunks().isEmpty()) {
            String why = result.problems().isEmpty() ? "no chunks after the signature" : result.problems().getFirst().message();
            throw new UnreadableFileException(file, "truncated PNG before any chunk: " + why);
        }
        List<DecodeProblem> problems = new ArrayList<>(result.problems());
        List<MetadataEntry> entries = new ArrayList<>();
        StructureLines structure = new StructureLines();
        for (PngChunk chunk : result.chunks()) {
            if (!chunk.isText()) {
                structure.addRepeatable(chunk.type(), chunk.length());
                continue;
            }
            int limit = (int) Math.min(inflateLimit, inflateBudget);
            try {
                PngText text = PngTextDecoder.decode(png, chunk, limit);
                if (text.compressed()) inflateBudget -= text.text().length();
                structure.add(chunk.type() + " " + text.keyword() + (text.compressed() && chunk.type().equals("iTXt") ? " (compressed)" : ""), chunk.length());
                entries.add(new MetadataEntry(text.keyword(), chunk.type(), text.text(), chunk.length()));
            } catch (PngTextDecoder.BadTextChunkException e) {
                structure.add(chunk.type() + " (undecodable)", chunk.length());
                String why = limit < inflateLimit && e.getMessage().startsWith(BoundedInflater.TOO_LARGE)
                        ? e.getMessage() + " (the file's " + ByteSizes.human(MAX_INFLATED_PER_FILE) + " budget for compressed text is used up)"
                        : e.getMessage();
                problems.add(new DecodeProblem(chunk.type() + " at offset " + chunk.offset(), why));
            }
        }
        if (result.trailingBytes() > 0) structure.addLine(result.trailingBytes() + " B after IEND");
        return new EmbeddedMetadata(file, ContainerFormat.PNG, structure.lines(), entries, problems);
    }
}
