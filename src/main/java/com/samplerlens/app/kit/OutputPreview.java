package com.samplerlens.app.kit;

import java.util.List;

/**
 * What would be written for the current trace and settings.
 *
 * @param parameters the A1111 parameters text (null when it cannot be produced)
 * @param fields     the containers' fields that would be written: PNG chunks or EXIF tags, in order
 * @param stages     the JPEG fallback stages with their sizes (empty for PNG / WebP)
 * @param notes      things the user should know about this preview
 */
public record OutputPreview(String parameters, List<Field> fields, List<Stage> stages, List<String> notes) {

    public OutputPreview {
        fields = List.copyOf(fields);
        stages = List.copyOf(stages);
        notes = List.copyOf(notes);
    }

    /** One PNG text chunk or EXIF field: where it goes, its text and its stored size. */
    public record Field(String key, String location, String text, long bytes) {}

    /**
     * One JPEG fallback stage as the core planner computed it.
     *
     * @param name          full, reduced-exif, minimal, com-marker
     * @param fits          whether it fits the EXIF budget
     * @param metadataBytes bytes of metadata this stage writes
     * @param fileBytes     size of the file it would produce; -1 when there is no target image to measure
     * @param chosen        the stage that will be written
     * @param content       what it writes, for people
     */
    public record Stage(String name, boolean fits, long metadataBytes, long fileBytes, boolean chosen, String content) {}
}
