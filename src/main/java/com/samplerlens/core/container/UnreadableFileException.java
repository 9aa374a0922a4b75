package com.samplerlens.core.container;

import java.nio.file.Path;

/**
 * A file that cannot be processed at all. The message is one line for people and always names
 * the file: "photo.png: not a PNG file (starts with 'GIF8')".
 */
public class UnreadableFileException extends Exception {
    private final Path file;

    public UnreadableFileException(Path file, String problem) {
        super(file.getFileName() + ": " + problem);
        this.file = file;
    }

    public UnreadableFileException(Path file, String problem, Throwable cause) {
        super(file.getFileName() + ": " + problem, cause);
        this.file = file;
    }

    public Path file() { return file; }
}
