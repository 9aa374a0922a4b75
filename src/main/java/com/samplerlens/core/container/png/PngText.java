package com.samplerlens.core.container.png;

/**
 * A decoded tEXt / zTXt / iTXt chunk.
 *
 * @param chunkType         "tEXt", "zTXt" or "iTXt"
 * @param keyword           Latin-1 keyword
 * @param text              the text (Latin-1 for tEXt/zTXt, UTF-8 for iTXt), inflated if compressed
 * @param compressed        whether the stored text was deflated
 * @param language          iTXt language tag, "" otherwise
 * @param translatedKeyword iTXt translated keyword (UTF-8), "" otherwise
 */
public record PngText(String chunkType, String keyword, String text, boolean compressed,
                      String language, String translatedKeyword) {}
