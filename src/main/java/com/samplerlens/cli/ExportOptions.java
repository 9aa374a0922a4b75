package com.samplerlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.inspect.InspectReport;
import com.samplerlens.core.inspect.LoadedSource;
import com.samplerlens.core.inspect.MetadataExport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code inspect --export txt|json [--force]}: the parameters text or the inspect JSON into a file
 * beside each image ({@code photo.png} → {@code photo.txt}), never over an existing file without
 * {@code --force}. The texts are those {@code inspect} shows with the same options; a file with
 * A1111 parameters only exports those parameters as read.
 */
public final class ExportOptions {

    @Option(names = "--export", paramLabel = "txt|json", description = "Write NAME.txt (the parameters text) or NAME.json (the inspect JSON) beside each file.")
    String export;

    @Option(names = "--force", description = "With --export: replace files that exist.")
    boolean force;

    boolean active() { return export != null; }

    /** The inputs' file identities, taken once per run (a folder of 20,000 files is checked in one pass). */
    private java.util.Set<Object> inputKeys;

    /** Null when the option is well formed, else the problem. */
    String problem() {
        if (export == null) return null;
        return switch (export.toLowerCase(Locale.ROOT)) {
            case "txt", "json" -> null;
            default -> "--export must be txt or json, not " + export;
        };
    }

    /**
     * Exports one file; false when it could not be written.
     *
     * @param report the traced report, or null for a file without a graph (its parameters are exported as read)
     * @param json   the object {@code inspect --json} prints for this file
     */
    boolean export(LoadedSource source, InspectReport report, JsonNode json, java.util.List<Path> inputs, PrintWriter out, PrintWriter err) {
        MetadataExport.Kind kind = export.equalsIgnoreCase("json") ? MetadataExport.Kind.JSON : MetadataExport.Kind.TXT;
        Path file = source.metadata().file();
        Path target = MetadataExport.target(file, kind);
        String text = kind == MetadataExport.Kind.JSON ? MetadataExport.pretty(json)
                : report != null ? MetadataExport.parametersText(report) : MetadataExport.withNewline(source.parameters());
        // photo.json exported from photo.png must not replace a photo.json given as input too
        if (inputKeys == null) inputKeys = CliGuards.fileKeys(inputs);
        Object key = CliGuards.fileKey(target);
        if (key != null && inputKeys.contains(key)) {
            err.println(target + ": is one of the inputs; not exported over it");
            return false;
        }
        try {
            var notices = MetadataExport.write(target, text, force ? com.samplerlens.core.io.AtomicFileWriter.Replace.EVEN_READ_ONLY
                    : com.samplerlens.core.io.AtomicFileWriter.Replace.NEVER);
            notices.forEach(n -> err.println("samplerlens: note: " + n));
            out.println("exported " + file + " → " + target);
            return true;
        } catch (FileAlreadyExistsException e) {
            err.println(target + ": already exists (use --force to replace it)");
        } catch (com.samplerlens.core.io.UnsafeTargetException e) {
            err.println(e.getMessage());
        } catch (IOException e) {
            err.println(CliGuards.failure(target, e));
        }
        return false;
    }
}
