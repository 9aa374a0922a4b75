package com.samplerlens.app.kit;

import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.edit.EditList;
import com.samplerlens.core.edit.EditedMetadata;
import com.samplerlens.core.inspect.MetadataExport;
import com.samplerlens.core.hash.HashProgress;
import com.samplerlens.core.trace.TraceOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

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

    /**
     * The traced inspection with the edits applied: the preview and the sampler fields as they
     * will be written, the edits that did not fit this file added to the preview's notes.
     */
    Inspection withEdits(LoadedDocument document, Inspection traced, EditedMetadata edited, OutputSettings settings);

    /** The metadata as text to keep: the parameters text or the inspect JSON, edits applied. */
    String export(LoadedDocument document, Inspection traced, EditedMetadata edited, OutputSettings settings, MetadataExport.Kind kind);

    /**
     * A copy of the image without generation metadata (pixels untouched), read back before it
     * takes its name. An existing {@code target} is replaced only when {@code replace} is true.
     */
    void stripCopy(Path source, Path target, boolean replace) throws UnreadableFileException;

    /**
     * Hashes the model files the document names (checkpoints, VAEs, LoRAs, embeddings whose hash
     * its own metadata does not give) from {@code modelsFolder}; from then on inspections and
     * writes carry those hashes. Slow for big models: call it on a background thread.
     *
     * @param hashing told each file before it is read
     * @return one line per model file that could not be read
     * @throws IOException when the folder cannot be read
     * @throws java.util.concurrent.CancellationException when {@code cancelled} turns true (files done so far are kept)
     */
    List<String> hashModels(LoadedDocument document, Path modelsFolder, HashProgress progress, Consumer<Path> hashing,
                            BooleanSupplier cancelled) throws IOException;

    /** Whether {@link #write} can produce files in this build. */
    boolean canWrite();

    /**
     * Writes the document's metadata, traced afresh with {@code edits} applied, into a copy of {@code pixelsFrom} at {@code target}, reads it
     * back and checks it. An existing {@code target} is replaced only when {@code replace} is true
     * (the user chose that file in a save dialog that asked first).
     */
    WriteOutcome write(LoadedDocument document, TraceOptions options, OutputSettings settings, EditList edits,
                       Path pixelsFrom, Path target, boolean replace) throws UnreadableFileException;

    /**
     * A finished write.
     *
     * @param file    the file written
     * @param bytes   its size
     * @param stage   the JPEG fallback stage used; null for PNG / WebP
     * @param notices things the user should know (pixels re-encoded, parameters cut …)
     */
    record WriteOutcome(Path file, long bytes, String stage, java.util.List<String> notices) {}
}
