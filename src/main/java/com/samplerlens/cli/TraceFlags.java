package com.samplerlens.cli;

import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.edit.EditList;
import com.samplerlens.core.inspect.Choices;
import com.samplerlens.core.inspect.Pipeline;
import com.samplerlens.core.trace.SamplerSelection;
import com.samplerlens.core.trace.SaveNodeChoice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options every tracing command takes ({@code inspect}, {@code stages}, {@code write}), turned
 * into the core's one {@link Choices} value and {@link Pipeline}: nothing here decides a default;
 * an option not given stays null so that the save node's settings, the source and the environment
 * can apply (see {@link Choices}).
 */
public final class TraceFlags {

    @Option(names = "--max-samplers", paramLabel = "N",
            description = "Trace up to N samplers (1 to 16); 1 writes one sampler's settings as the anchor node does. "
                    + "Default: the save node's own setting, else as many as the source's Samplers detail lists, else 1.")
    Integer maxSamplers;

    @Option(names = "--save-node", paramLabel = "ID",
            description = "The output node to trace from (default: SaveImageWithMetaDataUniversal, else the output with the most "
                    + "samplers upstream; ties: the one whose image size is the file's, then the higher id). An id not in the graph is an error.")
    String saveNode;

    @Option(names = "--selection", paramLabel = "farthest|nearest|id:N",
            description = "Which sampler single-sampler mode (and the flat fields) use. Default: the save node's own setting, else farthest.")
    String selection;

    @Option(names = "--force-multi", description = "Multi-sampler output even for one sampler; every sampler found is traced (as METADATA_WAN_MOE_FORCE=1).")
    boolean forceMulti;

    @Option(names = "--single", description = "Single-sampler output whatever --max-samplers says; wins over --force-multi (as METADATA_WAN_MOE_DISABLE=1).")
    boolean single;

    @Option(names = "--multiline", description = "One key per line, each sampler as its own block (as METADATA_TEST_MODE).")
    boolean multiline;

    @Option(names = "--civitai", negatable = true, description = "Civitai sampler names (\"DPM++ 2M Karras\"). Default: the save node's civitai_sampler, else off.")
    Boolean civitai;

    @Option(names = "--guidance-as-cfg", negatable = true,
            description = "Write the Guidance value as CFG scale, no Guidance key. Default: the save node's guidance_as_cfg, else off.")
    Boolean guidanceAsCfg;

    @Option(names = "--lora-summary", negatable = true,
            description = "Add the LoRAs: summary key. Default: the save node's include_lora_summary, else off.")
    Boolean loraSummary;

    @Option(names = "--node-defs", paramLabel = "FILE", description = "object_info JSON exported from your ComfyUI, for exact widget names.")
    Path nodeDefs;

    @Option(names = "--rules", paramLabel = "FILE|FOLDER",
            description = "Your own rule files (JSON) on top of the bundled ones; repeatable. "
                    + "Files in ~/.samplerlens/rules (or $SAMPLERLENS_RULES) are always read. See docs/user-guide.md.")
    List<Path> rules = new ArrayList<>();

    @Option(names = "--models", paramLabel = "DIR",
            description = "Your models folder: files the workflow names are found under it and their AutoV2 hashes "
                    + "(SHA-256, first 10 hex) added as Model hash, VAE hash, Lora_N Model hash and Hashes. "
                    + "Full digests are cached in .sha256 files beside the models; METADATA_FORCE_REHASH=1 ignores them.")
    Path models;

    /** The user's choices; {@code maxJpegExifKb} comes from the commands that pack JPEG. */
    Choices choices(CommandSpec spec, Integer maxJpegExifKb) {
        SamplerSelection sel = null;
        if (selection != null) {
            try {
                sel = SamplerSelection.parse(selection);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--selection: " + e.getMessage());
            }
        }
        try {
            return new Choices(maxSamplers, sel, saveNode, forceMulti, single, multiline, civitai, guidanceAsCfg, loraSummary, maxJpegExifKb);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The pipeline for these options and the run's environment; a bad object_info or models folder is a usage error naming it. */
    Pipeline pipeline(CommandSpec spec, Map<String, String> env) {
        try {
            return Pipeline.build(env, rules, nodeDefs, models);
        } catch (Pipeline.SetupException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * {@code source} through the pipeline: the one path of inspect, stages and write. A save node id
     * the graph lacks is a usage error naming the outputs it has.
     */
    Pipeline.Output output(CommandSpec spec, Pipeline pipeline, Path source, Choices choices, EditList edits) throws UnreadableFileException {
        try {
            return pipeline.output(pipeline.load(source), choices, edits);
        } catch (SaveNodeChoice.UnknownSaveNodeException e) {
            throw new ParameterException(spec.commandLine(), "--save-node: " + source + ": " + e.getMessage());
        }
    }
}
