package com.samplerlens.core.io;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * One line for anything that stopped one file: the CLI and the batch writer put the file's name in
 * front and go on with the next file. Errors a library throws from deep inside (a stack overflow
 * on hostile nesting, running out of memory on one huge file) are described, never traced.
 */
public final class Failures {
    private Failures() {}

    public static String describe(Throwable t) {
        if (t instanceof StackOverflowError) return "its structure nests too deeply to process (stack overflow); skipped";
        if (t instanceof OutOfMemoryError) return "needs more memory than this run has (out of memory); skipped";
        if (t instanceof AccessDeniedException) return "permission denied";
        if (t instanceof NoSuchFileException) return "no such file";
        if (t instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        String m = t.getMessage();
        String first = m == null || m.isBlank() ? null : m.lines().findFirst().orElse(m);
        return first == null ? t.getClass().getSimpleName() : first;
    }

    /** True for what must never end a folder run: anything but a deliberate interrupt of the JVM. */
    public static boolean isPerFile(Throwable t) {
        return t instanceof Exception || t instanceof StackOverflowError || t instanceof OutOfMemoryError;
    }
}
