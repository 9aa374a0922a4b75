package com.samplerlens.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code samplerlens inspect FILE|FOLDER…}: what a file holds and what would be written. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show the containers, metadata and graph of ComfyUI images or workflows.")
public final class InspectCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|FOLDER", description = "Images (PNG, JPEG, WebP), workflow JSON files, or folders of them.")
    List<Path> files;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("inspect: not yet implemented");
        return SamplerLensCommand.OK;
    }
}
