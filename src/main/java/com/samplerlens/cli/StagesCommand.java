package com.samplerlens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.fallback.FallbackSettings;
import com.samplerlens.core.fallback.JpegStagePlan;
import com.samplerlens.core.fallback.PlanEntry;
import com.samplerlens.core.fallback.WritePlan;
import com.samplerlens.core.fallback.WritePlanner;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.core.edit.EditList;
import com.samplerlens.core.inspect.Pipeline;
import com.samplerlens.core.write.MetadataWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code samplerlens stages SOURCE}: every JPEG fallback stage (or PNG/WebP chunk) with its byte size. */
@Command(name = "stages", mixinStandardHelpOptions = true,
        description = {"Show what writing SOURCE's metadata would write: each JPEG fallback stage, or each PNG/WebP chunk, with byte sizes.",
                "SOURCE is traced as write traces it (same options, environment and rule files): the sizes are those of the file write writes.",
                "Exit codes: 0 ok, 1 SOURCE or IMAGE could not be read, 2 bad usage."})
public final class StagesCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @picocli.CommandLine.ParentCommand SamplerLensCommand top;

    @Parameters(paramLabel = "SOURCE", description = "Image or workflow JSON the metadata comes from.")
    Path source;

    @Option(names = "--into", paramLabel = "IMAGE", description = "Target image: adds the size of the file that would be written.")
    Path into;

    @Option(names = "--format", paramLabel = "jpeg|png|webp", description = "Output format (default: the target's, else jpeg).")
    String format;

    @picocli.CommandLine.Mixin JpegLimitOption jpegLimit;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @picocli.CommandLine.Mixin TraceFlags tracing;

    @Override
    public Integer call() throws UnreadableFileException, IOException {
        ContainerFormat requested = CliFormats.outputFormat(spec, format);
        Pipeline pipeline = tracing.pipeline(spec, environment());
        Pipeline.Output output;
        try {
            // the same path as write: what is measured here is what write writes
            output = tracing.output(spec, pipeline, source, tracing.choices(spec, jpegLimit.kb), EditList.EMPTY);
        } catch (ParameterException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            spec.commandLine().getErr().println(CliGuards.failure(source, e));
            return SamplerLensCommand.FILE_FAILED;
        }
        FallbackSettings settings = output.resolved().fallback();
        MetadataBundle bundle = output.bundle();
        WritePlan plan;
        try {
            plan = into != null
                    ? MetadataWriter.preview(bundle, new MetadataWriter.Request(into, null, requested, settings, false, false))
                    : WritePlanner.plan(requested != null ? requested : ContainerFormat.JPEG, bundle, settings, null);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(LenientJson.compact(toJson(plan)));
        else printTable(out, plan, settings);
        return SamplerLensCommand.OK;
    }

    static ObjectNode toJson(WritePlan plan) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", plan.format().id());
        if (plan.maxExifBytes().isPresent()) root.put("max_exif_bytes", plan.maxExifBytes().getAsInt());
        else root.putNull("max_exif_bytes");
        if (plan.chosen().isPresent()) root.put("chosen", plan.chosen().get().name());
        else root.putNull("chosen");
        ArrayNode stages = root.putArray("stages");
        for (PlanEntry e : plan.entries()) {
            ObjectNode row = stages.addObject();
            row.put("stage", e.name());
            row.put("fits", e.fits());
            row.put("metadata_bytes", e.metadataBytes());
            if (e.fileBytes().isPresent()) row.put("file_bytes", e.fileBytes().getAsLong());
        }
        return root;
    }

    private static void printTable(PrintWriter out, WritePlan plan, FallbackSettings settings) {
        if (plan.maxExifBytes().isPresent()) {
            out.printf("format jpeg, EXIF limit %d bytes (%d KB), segment limit %d bytes%n",
                    plan.maxExifBytes().getAsInt(), settings.maxJpegExifKb(), settings.segmentLimit());
        } else {
            out.printf("format %s (no size limit, no fallback)%n", plan.format().id());
        }
        out.printf("%-3s%-16s%-6s%16s%14s  %s%n", "", plan.chosen().isPresent() ? "stage" : "chunk", "fits", "metadata bytes", "file bytes", "note");
        for (PlanEntry e : plan.entries()) {
            boolean chosen = plan.chosen().filter(c -> c == e).isPresent();
            String note = e instanceof JpegStagePlan s ? s.note() : "";
            out.printf("%-3s%-16s%-6s%16d%14s  %s%n", chosen ? "->" : "", e.name(), e.fits() ? "yes" : "no", e.metadataBytes(),
                    e.fileBytes().isPresent() ? Long.toString(e.fileBytes().getAsLong()) : "-", note);
        }
    }

    /** The environment the run sees (the process's, unless a test gave its own). */
    private java.util.Map<String, String> environment() {
        return top != null ? top.environment() : System.getenv();
    }
}
