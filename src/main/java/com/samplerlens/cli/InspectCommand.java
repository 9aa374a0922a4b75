package com.samplerlens.cli;

import com.samplerlens.core.inspect.Choices;
import com.samplerlens.core.inspect.Pipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code samplerlens inspect FILE|FOLDER…}: what a file holds, which nodes fed each sampler, and what would be written. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show the containers, metadata, sampler trace and the parameters SamplerLens would write for ComfyUI images or workflows.",
                "A folder stands for the PNG, JPEG, WebP and JSON files directly inside it (not its subfolders).",
                "Each file that cannot be read is reported on stderr as one line; the others are still shown.",
                "Environment: METADATA_WAN_MOE_FORCE=1 / METADATA_WAN_MOE_DISABLE=1 as --force-multi / --single, "
                        + "METADATA_TEST_MODE as --multiline, METADATA_VERSION_OVERRIDE for the generator version.",
                "Exit codes: 0 all files read, 1 some file could not be read, 2 bad usage."})
public final class InspectCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @picocli.CommandLine.ParentCommand SamplerLensCommand top;

    @Parameters(arity = "1..*", paramLabel = "FILE|FOLDER", description = "Images (PNG, JPEG, WebP), workflow JSON files, or folders of them.")
    List<Path> files;

    @Option(names = "--json", description = "Print one JSON object per file (a JSON array for several files).")
    boolean json;

    @Mixin TraceFlags tracing;

    @Option(names = "--verify", description = "PNG: check the CRC of every chunk, image data included; by default only the chunks decoded are checked and the image data is skipped, not read.")
    boolean verify;

    @Mixin ExportOptions exporting;


    @Override
    public Integer call() {
        Choices choices = tracing.choices(spec, null);
        Pipeline pipeline = tracing.pipeline(spec, environment());
        if (exporting.problem() != null) throw new ParameterException(spec.commandLine(), exporting.problem());
        return new InspectRun(json, verify, exporting, message -> new ParameterException(spec.commandLine(), message))
                .run(files, pipeline, choices, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The environment the run sees (the process's, unless a test gave its own). */
    private java.util.Map<String, String> environment() {
        return top != null ? top.environment() : System.getenv();
    }
}
