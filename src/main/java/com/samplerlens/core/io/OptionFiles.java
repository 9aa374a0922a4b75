package com.samplerlens.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads the small files options name ({@code --edits}, {@code --rules}, {@code --node-defs}, user
 * rule folders): only regular files, and only up to a size cap. Opening a FIFO would wait forever
 * for a writer and {@code /dev/zero} never ends, so the kind and size are checked before the file
 * is opened, and the read itself stops at the cap in case the file grows meanwhile.
 */
public final class OptionFiles {
    private OptionFiles() {}

    /** Largest option file read; real object_info dumps are 0.5–2.5 MB, rule and edit files a few KB. */
    public static final long MAX_BYTES = 32L << 20;

    /**
     * The file's text (UTF-8).
     *
     * @throws IOException with a one-line message that does not repeat the path (callers name the
     *                     file and the option): "is a FIFO (named pipe), not a regular file",
     *                     "is a folder, not a file", "does not exist", "is 40.0 MB, more than …"
     */
    public static String readText(Path file) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class); // follows links: a link to a file is fine
        } catch (NoSuchFileException e) {
            throw new IOException("does not exist");
        }
        if (a.isDirectory()) throw new IOException("is a folder, not a file");
        if (!a.isRegularFile()) throw new IOException("is " + AtomicFileWriter.kindOf(file.toRealPath(), a) + ", not a regular file");
        if (a.size() > MAX_BYTES) throw new IOException(tooLarge(a.size()));
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new IOException("permission denied");
        }
        if (bytes.length > MAX_BYTES) throw new IOException(tooLarge(bytes.length));
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String tooLarge(long size) {
        return String.format(Locale.ROOT, "is larger than the %d MB limit for option files (%.1f MB)", MAX_BYTES >> 20, size / 1048576.0);
    }
}
