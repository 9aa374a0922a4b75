package com.samplerlens.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.samplerlens.core.capture.SamplerFields;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.inspect.AnchorSettings;
import com.samplerlens.core.inspect.Choices;
import com.samplerlens.core.inspect.InspectJson;
import com.samplerlens.core.inspect.InspectReport;
import com.samplerlens.core.inspect.LoadedSource;
import com.samplerlens.core.inspect.Pipeline;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.core.trace.SamplerAttribution;
import com.samplerlens.core.trace.SaveNodeChoice;
import com.samplerlens.core.trace.TraceResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The work of {@code inspect} once its options are known: read, trace and print each file. It
 * names no picocli type, so the plain form ({@link PlainInspect}) runs it without loading picocli;
 * a usage error found on the way (an unknown {@code --save-node}) is made by {@code usage}, which
 * the picocli path turns into its own ParameterException.
 */
final class InspectRun {

    private static final Set<String> SUPPORTED = Set.of("png", "jpg", "jpeg", "webp", "json");

    private final boolean json;
    private final boolean verify;
    private final ExportOptions exporting;
    private final Function<String, RuntimeException> usage;

    InspectRun(boolean json, boolean verify, ExportOptions exporting, Function<String, RuntimeException> usage) {
        this.json = json;
        this.verify = verify;
        this.exporting = exporting;
        this.usage = usage;
    }

    /** Inspects {@code files} (files or folders); the exit code. */
    int run(List<Path> files, Pipeline pipeline, Choices choices, PrintWriter out, PrintWriter err) {
        List<Path> inputs = new ArrayList<>();
        List<Inspected> missing = new ArrayList<>();
        for (Path p : files) {
            if (Files.isDirectory(p)) {
                inputs.addAll(supportedFilesIn(p, err));
            } else if (!Files.exists(p)) {
                missing.add(new Inspected(p, null, null, p + ": no such file"));
            } else {
                inputs.add(p);
            }
        }
        boolean failed = false;
        boolean streamJson = json && !exporting.active() && inputs.size() + missing.size() != 1;
        JsonResults jsonOut = streamJson ? new JsonResults(out) : null;
        JsonNode[] single = new JsonNode[1];
        for (Inspected m : missing) {
            err.println(CliGuards.oneLine(m.error()));
            if (streamJson) jsonOut.add(errorJson(m));
            else if (json && !exporting.active()) single[0] = errorJson(m);
            failed = true;
        }
        boolean[] anyFailed = {failed};
        // Files are read and traced on all cores and shown in file order as they are done; what is
        // in flight is bounded by count and by bytes (OrderedBatch). Exports write files: one at a time.
        OrderedBatch.run(inputs, InspectRun::weight, p -> inspectOne(p, pipeline, choices), i -> {
            if (i.error() != null) {
                err.println(CliGuards.oneLine(i.error()));
                // --json: an object per file, the unreadable one with its error
                if (streamJson) jsonOut.add(errorJson(i));
                else if (json && !exporting.active()) single[0] = errorJson(i);
                anyFailed[0] = true;
            } else {
                try {
                    if (exporting.active()) anyFailed[0] |= !exporting.export(i.output().source(), i.output().report(), toJson(i.output()), inputs, out, err);
                    else if (streamJson) jsonOut.add(i.json());
                    else if (json) single[0] = i.json();
                    else printText(out, i.output());
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    err.println(CliGuards.failure(i.file(), e));
                    anyFailed[0] = true;
                }
            }
        }, exporting.active() ? 1 : Runtime.getRuntime().availableProcessors(), PARALLEL_BATCH, BYTES_IN_FLIGHT);
        if (streamJson) jsonOut.end();
        else if (json && !exporting.active()) printJson(out, single[0] != null ? single[0] : JsonNodeFactory.instance.arrayNode());
        out.flush();
        return anyFailed[0] ? SamplerLensCommand.FILE_FAILED : SamplerLensCommand.OK;
    }

    /** Files in flight at most. */
    private static final int PARALLEL_BATCH = 64;

    /**
     * Bytes of files in flight at most (a file counts its size, an upper bound of what reading it
     * can hold): 64 files of 63 MB run a few at a time, not all at once.
     */
    private static final long BYTES_IN_FLIGHT = 96L << 20;

    private static long weight(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 1; // the read reports it
        }
    }

    /** One file read and traced: its output (null when only its JSON is kept) and JSON form, or the one-line error. */
    private record Inspected(Path file, Pipeline.Output output, JsonNode json, String error) {}

    private Inspected inspectOne(Path p, Pipeline pipeline, Choices choices) {
        try {
            Pipeline.Output output = pipeline.inspect(pipeline.load(p, verify), choices);
            // for JSON only the JSON is kept, so a window of results holds little
            if (json && !exporting.active()) return new Inspected(p, null, toJson(output), null);
            return new Inspected(p, output, null, null);
        } catch (UnreadableFileException e) {
            return new Inspected(p, null, null, e.getMessage());
        } catch (SaveNodeChoice.UnknownSaveNodeException e) {
            throw usage.apply("--save-node: " + p + ": " + e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // whatever one file does (hostile nesting, a huge graph), the run goes on with the next
            return new Inspected(p, null, null, CliGuards.failure(p, e));
        }
    }

    /** {@code {"file": …, "error": …}}: an unreadable file still has its object in {@code --json}. */
    private static JsonNode errorJson(Inspected i) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("file", i.file().toString());
        o.put("error", i.error());
        return o;
    }

    private static JsonNode toJson(Pipeline.Output o) {
        LoadedSource s = o.source();
        String file = s.metadata().file().toString();
        String container = s.metadata().format().id();
        if (o.report() == null) return InspectJson.withoutGraph(file, container, s.parameters(), s.warnings());
        ObjectNode json = (ObjectNode) InspectJson.toJson(file, container, o.report(), s.warnings());
        SaveNodeChoice save = o.resolved().saveNode();
        if (save != null) {
            json.put("save_node_reason", save.reason());
            ArrayNode outputs = json.putArray("output_nodes");
            save.candidates().forEach(outputs::add);
        }
        return json;
    }

    private static List<Path> supportedFilesIn(Path folder, PrintWriter err) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).filter(InspectRun::isSupported).sorted().toList();
        } catch (IOException e) {
            err.println(folder + ": cannot list the folder (" + e.getMessage() + ")");
            return List.of();
        }
    }

    private static boolean isSupported(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && SUPPORTED.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** A JSON array printed an element at a time, exactly as the whole array would print. */
    private static final class JsonResults {
        private final PrintWriter out;
        private final JsonGenerator gen;

        JsonResults(PrintWriter out) {
            this.out = out;
            try {
                gen = LenientJson.generator(out, true);
                gen.writeStartArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void add(JsonNode result) {
            try {
                LenientJson.write(gen, result);
                gen.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void end() {
            try {
                gen.writeEndArray();
                gen.flush();
                out.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void printJson(PrintWriter out, JsonNode node) {
        out.println(LenientJson.pretty(node));
    }

    private static void printText(PrintWriter out, Pipeline.Output o) {
        LoadedSource s = o.source();
        InspectReport report = o.report();
        out.println("File:       " + s.metadata().file());
        out.println("Container:  " + s.metadata().format().id());
        out.println("Structure:");
        s.metadata().structure().forEach(line -> out.println("  " + line));
        out.println("Metadata:");
        if (s.metadata().entries().isEmpty()) out.println("  (none)");
        for (MetadataEntry e : s.metadata().entries()) {
            out.println("  " + e.key() + " (" + e.location() + ", " + e.bytes() + " B)");
        }
        if (s.parameters() != null) {
            out.println("Parameters:");
            s.parameters().lines().forEach(line -> out.println("  " + line));
        }
        List<String> warnings = new ArrayList<>(s.warnings());
        if (report == null) {
            out.println("Graph:      none");
        } else {
            TraceResult t = report.composed().trace();
            SaveNodeChoice save = o.resolved().saveNode();
            out.println("Graph:      from " + s.graphSource() + ", " + report.graph().size() + " nodes, " + report.graph().edges().size() + " links");
            out.println("Save node:  " + (t.saveNodeId() == null ? "none" : t.saveNodeId() + " " + report.graph().node(t.saveNodeId()).classType()
                    + " (" + save.reason() + ")"));
            List<String> others = save.candidates().stream().filter(id -> !id.equals(t.saveNodeId())).toList();
            if (!others.isEmpty()) out.println("  other output nodes: " + SaveNodeChoice.describe(others, report.graph()));
            if (o.resolved().anchor() != AnchorSettings.NONE) out.println("  its own settings are the defaults (SaveImageWithMetaDataUniversal)");
            out.println("Mode:       " + t.mode().name().toLowerCase(Locale.ROOT) + ", " + t.samplers().size() + " sampler(s) found");
            // one block, one write: println flushes through to the terminal each time, and a prompt
            // of 200,000 samplers prints 200,000 of these lines
            StringBuilder lines = new StringBuilder();
            for (SamplerAttribution a : t.samplers()) {
                lines.append("  ").append(a.traced() ? "Sampler_" + a.number() : "(not traced)")
                        .append(": node ").append(a.nodeId()).append(' ').append(a.classType())
                        .append(", distance ").append(a.distance()).append(", nodes: ");
                if (a.attributed().isEmpty()) lines.append("none");
                else joinTo(lines, a.attributed());
                lines.append(System.lineSeparator());
            }
            out.print(lines);
            out.println("  shared: " + (t.shared().isEmpty() ? "none" : String.join(", ", t.shared())));
            com.samplerlens.core.inspect.ValuesOrigin.describe(report.composed(), o.resolved().options().trace().selection())
                    .ifPresent(v -> out.println("  " + v));
            for (SamplerFields f : report.composed().samplers()) {
                // LenientJson, not the node's toString(): that builds an ObjectMapper, about 30 ms of start-up
                out.println("  Sampler_" + f.number() + " fields: " + LenientJson.compact(com.samplerlens.core.render.SamplersDetail.toJson(f, false)));
            }
            report.composed().notes().forEach((node, notes) -> notes.forEach(n -> out.println("  note on node " + node + ": " + n)));
            out.println("Would write:");
            report.bundle().parameters().lines().forEach(line -> out.println("  " + line));
            warnings.addAll(report.composed().warnings());
            warnings.addAll(o.warnings());
        }
        if (!warnings.isEmpty()) {
            out.println("Warnings:");
            warnings.forEach(w -> out.println("  " + w));
        }
        out.println();
    }

    private static void joinTo(StringBuilder sb, Iterable<String> items) {
        boolean first = true;
        for (String item : items) {
            if (!first) sb.append(", ");
            sb.append(item);
            first = false;
        }
    }
}
