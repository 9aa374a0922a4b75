package com.samplerlens.core.container;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything a reader found in one file: the structure (chunks / segments, for display), the
 * metadata texts, and the problems met on the way.
 *
 * @param file      the file read
 * @param format    its real format (from its bytes, not its name)
 * @param structure one line per chunk / segment / RIFF chunk, in file order, e.g. "IHDR 13 B"
 * @param entries   metadata texts in file order; {@link #text(String)} looks one up by key
 * @param problems  decode problems (bad CRC, truncation, undecodable tag …)
 */
public record EmbeddedMetadata(Path file, ContainerFormat format, List<String> structure,
                               List<MetadataEntry> entries, List<DecodeProblem> problems) {

    public EmbeddedMetadata {
        structure = List.copyOf(structure);
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    /** The first entry with this key (a later duplicate is ignored, as ComfyUI does). */
    public Optional<String> text(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).map(MetadataEntry::text).findFirst();
    }
}
