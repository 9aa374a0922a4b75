package com.samplerlens.core.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.samplerlens.core.io.AtomicFileWriter;
import com.samplerlens.core.json.LenientJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The metadata as text to keep or paste: the parameters text ("Copy parameters", {@code .txt}) and
 * the inspect JSON ("Copy as JSON", {@code .json}). Both take a report, so an edited report
 * exports the edited metadata.
 */
public final class MetadataExport {
    private MetadataExport() {}

    public enum Kind {
        TXT("txt"), JSON("json");

        private final String extension;

        Kind(String extension) { this.extension = extension; }

        public String extension() { return extension; }
    }

    /** The parameters text as it would be written, with a final line break. */
    public static String parametersText(InspectReport report) {
        return withNewline(report.bundle().parameters());
    }

    /** The {@code inspect --json} object (spec §5), indented. */
    public static String json(LoadedSource source, InspectReport report) {
        ObjectNode o = InspectJson.toJson(source.metadata().file().toString(), source.metadata().format().id(), report, source.warnings());
        return pretty(o);
    }

    public static String pretty(JsonNode o) {
        return LenientJson.pretty(o) + "\n";
    }

    /** {@code photo.png} → {@code photo.txt} / {@code photo.json} beside it. */
    public static Path target(Path image, Kind kind) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return image.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "." + kind.extension());
    }

    /**
     * Writes {@code text} as UTF-8, atomically.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the file exists and {@code replace} is false
     */
    public static void write(Path target, String text, boolean replace) throws IOException {
        AtomicFileWriter.write(target, text.getBytes(StandardCharsets.UTF_8), replace, AtomicFileWriter.Verifier.NONE);
    }

    /** As above, with the writer's choice of what may be replaced; a link at the target is replaced, never followed. */
    public static java.util.List<String> write(Path target, String text, AtomicFileWriter.Replace replace) throws IOException {
        return AtomicFileWriter.write(target, text.getBytes(StandardCharsets.UTF_8), replace, false, AtomicFileWriter.Verifier.NONE).notices();
    }

    /** The text with one final line break (none added to an empty text). */
    public static String withNewline(String text) {
        if (text == null || text.isEmpty()) return "";
        return text.endsWith("\n") ? text : text + "\n";
    }
}
