package com.samplerlens.core.fallback;

import java.util.OptionalLong;

/** One row of a {@link WritePlan}: a JPEG fallback stage, or one PNG/WebP chunk. */
public sealed interface PlanEntry permits JpegStagePlan, ChunkPlan {

    /** The stage label (full, reduced-exif, minimal, com-marker) or the chunk's name. */
    String name();

    /** Whether it can be written within the limits (always true for PNG/WebP chunks). */
    boolean fits();

    /** Bytes of metadata this entry writes, counted as {@link WritePlan} documents. */
    long metadataBytes();

    /** Size of the whole file that writing would produce; empty when no target was given. */
    OptionalLong fileBytes();

    /** What gets written, for people to read. */
    String content();
}
