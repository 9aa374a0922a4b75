package com.samplerlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.inspect.InspectionJson;
import com.samplerlens.core.inspect.LoadedSource;
import com.samplerlens.core.inspect.SourceLoader;
import com.samplerlens.core.json.LenientJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code samplerlens inspect FILE|FOLDER…}: what a file holds and the graph it carries. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show the containers, metadata and graph of ComfyUI images or workflows.",
                "A folder stands for the PNG, JPEG, WebP and JSON files directly inside it (not its subfolders).",
                "Each file that cannot be read is reported on stderr as one line; the others are still shown.",
                "Exit codes: 0 all files read, 1 some file could not be read, 2 bad usage."})
public final class InspectCommand implements Callable<Integer> {

    private static final Set<String> SUPPORTED = Set.of("png", "jpg", "jpeg", "webp", "json");

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|FOLDER", description = "Images (PNG, JPEG, WebP), workflow JSON files, or folders of them.")
    List<Path> files;

    @Option(names = "--json", description = "Print one JSON object per file (a JSON array for several files).")
    boolean json;

    @Option(names = "--node-defs", paramLabel = "FILE", description = "object_info JSON exported from your ComfyUI, for exact widget names.")
    Path nodeDefs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NodeDefinitions defs = NodeDefinitions.bundled();
        if (nodeDefs != null) {
            try {
                defs = defs.withObjectInfo(nodeDefs);
            } catch (IOException e) {
                err.println("samplerlens: --node-defs " + e.getMessage());
                return SamplerLensCommand.USAGE;
            }
        }
        List<Path> inputs = new ArrayList<>();
        boolean failed = false;
        for (Path p : files) {
            if (Files.isDirectory(p)) {
                inputs.addAll(supportedFilesIn(p, err));
            } else if (!Files.exists(p)) {
                err.println(p + ": no such file");
                failed = true;
            } else {
                inputs.add(p);
            }
        }
        SourceLoader loader = new SourceLoader(defs);
        InspectionJson inspection = new InspectionJson(defs);
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        for (Path p : inputs) {
            LoadedSource source;
            try {
                source = loader.load(p);
            } catch (UnreadableFileException e) {
                err.println(e.getMessage());
                failed = true;
                continue;
            }
            if (json) results.add(inspection.of(source));
            else printText(out, source, defs);
        }
        if (json) printJson(out, results.size() == 1 && inputs.size() == 1 ? results.get(0) : results);
        out.flush();
        return failed ? SamplerLensCommand.FILE_FAILED : SamplerLensCommand.OK;
    }

    private static List<Path> supportedFilesIn(Path folder, PrintWriter err) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile).filter(InspectCommand::isSupported).sorted().toList();
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

    private static void printJson(PrintWriter out, JsonNode node) {
        try {
            out.println(LenientJson.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static void printText(PrintWriter out, LoadedSource s, NodeDefinitions defs) {
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
        Graph g = s.graph();
        if (g == null) {
            out.println("Graph:      none");
        } else {
            List<String> outputs = g.nodes().values().stream().filter(n -> defs.isOutputNode(n.classType()))
                    .map(n -> n.id() + " " + n.classType()).toList();
            long samplerLike = g.nodes().values().stream().filter(InspectCommand::looksLikeSampler).count();
            out.println("Graph:      from " + s.graphSource() + ", " + g.size() + " nodes, " + g.edges().size() + " links");
            out.println("  output nodes: " + (outputs.isEmpty() ? "none" : String.join(", ", outputs)));
            out.println("  sampler-like nodes: " + samplerLike);
        }
        if (!s.warnings().isEmpty()) {
            out.println("Warnings:");
            s.warnings().forEach(w -> out.println("  " + w));
        }
        out.println();
    }

    /**
     * A display hint only (the tracer's sampler table decides): classes named like a sampler,
     * without the helpers that merely select or configure one.
     */
    private static boolean looksLikeSampler(Node n) {
        String c = n.classType();
        if (c.contains("Select") || c.startsWith("ModelSampling") || c.contains("Settings") || c.contains("ExtraArgs")) return false;
        return c.startsWith("KSampler") || c.matches(".*Sampler(v\\d+)?( .*)?$") || c.contains("Sampler_");
    }
}
