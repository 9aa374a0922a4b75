package com.samplerlens.app.kit;

import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.trace.TraceOptions;
import java.nio.file.Path;

/**
 * The app's one door into the core: everything the views show or write comes through here, so
 * that the app never computes metadata itself. Implementations must be safe to call from a
 * background thread.
 */
public interface InspectionService {

    /** Reads a file (image or JSON) into a document; the exception's message is one line for people. */
    LoadedDocument load(Path file) throws UnreadableFileException;

    /** Traces the document's graph, composes its metadata and previews what would be written. */
    Inspection inspect(LoadedDocument document, TraceOptions options, OutputSettings settings);

    /** Whether {@link #write} can produce files in this build. */
    boolean canWrite();

    /**
     * Writes the document's metadata into a copy of {@code pixelsFrom} at {@code target}
     * (never over an existing file unless it is the caller's explicit choice) and reads it back.
     */
    WriteOutcome write(LoadedDocument document, TraceOptions options, OutputSettings settings,
                       Path pixelsFrom, Path target) throws UnreadableFileException;

    /** A finished write: the file, its size, and the fallback stage used (null for PNG / WebP). */
    record WriteOutcome(Path file, long bytes, String stage) {}
}
