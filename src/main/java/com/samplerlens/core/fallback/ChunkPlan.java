package com.samplerlens.core.fallback;

import java.util.OptionalLong;

/**
 * One chunk a PNG or WebP write adds: a PNG text chunk ({@code parameters}, {@code prompt},
 * {@code workflow}, {@code Samplers detail}), or the WebP {@code EXIF} chunk.
 *
 * @param name          the PNG keyword, or "EXIF"
 * @param chunkType     tEXt / iTXt for PNG, EXIF for WebP
 * @param metadataBytes the chunk's whole size in the file: PNG 12 + data; RIFF 8 + data + pad byte
 * @param fileBytes     size of the file written, when a target was given
 * @param content       the text stored (for EXIF, the tags)
 */
public record ChunkPlan(String name, String chunkType, long metadataBytes, OptionalLong fileBytes, String content) implements PlanEntry {
    @Override
    public boolean fits() { return true; }
}
