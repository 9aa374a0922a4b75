package com.samplerlens.cli;

import com.samplerlens.core.inspect.InspectOptions;
import com.samplerlens.core.inspect.InspectReport;
import com.samplerlens.core.inspect.InspectionJson;
import com.samplerlens.core.inspect.Inspector;
import com.samplerlens.core.inspect.LoadedSource;
import com.samplerlens.core.inspect.MetadataExport;
import com.samplerlens.core.inspect.SourceTexts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code inspect --export txt|json [--force]}: the parameters text or the inspect JSON into a file
 * beside each image ({@code photo.png} → {@code photo.txt}), never over an existing file without
 * {@code --force}. A file with a graph exports the traced metadata; one with A1111 parameters only
 * exports those parameters as read (and, as JSON, what was found in it).
 */
public final class ExportOptions {

    @Option(names = "--export", paramLabel = "txt|json", description = "Write NAME.txt (the parameters text) or NAME.json (the inspect JSON) beside each file.")
    String export;

    @Option(names = "--force", description = "With --export: replace files that exist.")
    boolean force;

    boolean active() { return export != null; }

    /** Null when the option is well formed, else the problem. */
    String problem() {
        if (export == null) return null;
        return switch (export.toLowerCase(Locale.ROOT)) {
            case "txt", "json" -> null;
            default -> "--export must be txt or json, not " + export;
        };
    }

    /** Exports one loaded file; false when it could not be written. */
    boolean export(LoadedSource source, InspectionJson found, PrintWriter out, PrintWriter err) {
        MetadataExport.Kind kind = export.equalsIgnoreCase("json") ? MetadataExport.Kind.JSON : MetadataExport.Kind.TXT;
        Path file = source.metadata().file();
        Path target = MetadataExport.target(file, kind);
        String text;
        if (source.graph() != null) {
            InspectReport report = Inspector.bundled().inspect(source.graph(), new SourceTexts(source.prompt(), source.workflow(), source.parameters()),
                    InspectOptions.defaults());
            text = kind == MetadataExport.Kind.TXT ? MetadataExport.parametersText(report) : MetadataExport.json(source, report);
        } else {
            text = kind == MetadataExport.Kind.TXT ? source.parameters() + (source.parameters().endsWith("\n") ? "" : "\n")
                    : MetadataExport.pretty(found.of(source));
        }
        try {
            MetadataExport.write(target, text, force);
            out.println("exported " + file + " → " + target);
            return true;
        } catch (FileAlreadyExistsException e) {
            err.println(target + ": already exists (use --force to replace it)");
        } catch (IOException e) {
            err.println(target + ": cannot be written (" + e.getMessage() + ")");
        }
        return false;
    }
}
