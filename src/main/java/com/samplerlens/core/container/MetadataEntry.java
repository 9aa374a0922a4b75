package com.samplerlens.core.container;

/**
 * One piece of metadata found in a file, where it was and how big it is.
 *
 * @param key      logical key: "parameters", "prompt", "workflow", "Samplers detail", or another keyword
 * @param location where it sits, for people: "tEXt", "iTXt", "zTXt", "EXIF UserComment", "EXIF Model", "COM", "file"
 * @param text     the decoded text
 * @param bytes    size of the stored form in bytes (chunk data length, tag value length, segment payload)
 */
public record MetadataEntry(String key, String location, String text, long bytes) {}
