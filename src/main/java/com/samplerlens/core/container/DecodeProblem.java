package com.samplerlens.core.container;

/**
 * Something that could not be decoded, kept as data so that one broken chunk never hides the
 * rest (the metadata-extractor way). {@code where} names the chunk/segment/tag.
 */
public record DecodeProblem(String where, String message) {
    @Override
    public String toString() { return where + ": " + message; }
}
