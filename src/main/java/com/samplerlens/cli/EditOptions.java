package com.samplerlens.cli;

import com.samplerlens.core.edit.EditList;
import com.samplerlens.core.edit.EditSyntax;
import com.samplerlens.core.edit.EditingBundleSource;
import com.samplerlens.core.edit.EditsJson;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.inspect.BundleSource;
import com.samplerlens.core.inspect.InspectOptions;
import com.samplerlens.core.inspect.Inspector;
import com.samplerlens.core.inspect.SourceLoader;
import com.samplerlens.core.trace.TraceOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The edit options of {@code write}: with any of them the source is traced afresh and the edits
 * applied before writing (without them the source's texts are written as read, with parameters rendered where it has none). Syntax: see
 * {@link EditSyntax} and docs/editing.md. Edits files apply first, then {@code --set} and
 * {@code --remove} in the order given on the line.
 */
public final class EditOptions {

    @Option(names = "--edits", paramLabel = "FILE", description = "An edits.json file (docs/editing.md).")
    List<Path> editFiles = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = {
            "Set a field or add your own key; repeatable. Flat fields by their key (Steps=30, \"CFG scale=4.5\", Size=832x1216,",
            "Sampler=euler, Scheduler=karras), prompts (Prompt=…, \"Negative prompt=…\"), one sampler's field as",
            "Sampler_N.field (Sampler_2.cfg=4.5, Sampler_1.start_step=0); any other key is added (Artist=me)."})
    List<String> set = new ArrayList<>();

    @Option(names = "--remove", paramLabel = "KEY", description = "Leave a key out of the parameters (Seed, Hashes, Sampler_2, a key you added), "
            + "clear one sampler field (Sampler_2.denoise) or empty a prompt; repeatable.")
    List<String> remove = new ArrayList<>();

    @Option(names = "--max-samplers", paramLabel = "N", description = "Samplers to trace when editing (1 … 16; default: as many as the source's Samplers detail lists, else 1).")
    Integer maxSamplers;

    @Option(names = "--save-node", paramLabel = "ID", description = "The output node to trace from when editing (default: the Save Image w/ Metadata node, else the first output node).")
    String saveNode;

    /** The edits in the order they apply; bad files or values are usage errors. */
    EditList edits(CommandSpec spec, List<String> originalArgs) {
        EditList list = EditList.EMPTY;
        for (Path f : editFiles) {
            try {
                list = list.plus(EditsJson.parse(com.samplerlens.core.io.OptionFiles.readText(f)));
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "--edits " + f + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--edits " + f + ": " + e.getMessage());
            }
        }
        int s = 0;
        int r = 0;
        // --set and --remove interleave as typed: "--remove Seed --set Seed=1" ends with a seed
        for (String arg : originalArgs) {
            try {
                if ((arg.equals("--set") || arg.startsWith("--set=")) && s < set.size()) list = list.plus(EditSyntax.set(set.get(s++)));
                else if ((arg.equals("--remove") || arg.startsWith("--remove=")) && r < remove.size()) list = list.plus(EditSyntax.remove(remove.get(r++)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        return list;
    }

    @picocli.CommandLine.Mixin
    RulesOption rules = new RulesOption();

    @picocli.CommandLine.Mixin
    ModelsOption models = new ModelsOption();

    boolean active() {
        return !editFiles.isEmpty() || !set.isEmpty() || !remove.isEmpty() || maxSamplers != null || saveNode != null;
    }

    /** The bundle source for these options: as read without edits, else traced and edited. */
    BundleSource bundleSource(CommandSpec spec, PrintWriter err) {
        if (!active()) return BundleSource.completing(new SourceLoader(NodeDefinitions.bundled()), rules.inspector(), models.lookup(spec));
        if (maxSamplers != null && (maxSamplers < 1 || maxSamplers > TraceOptions.MAX_SAMPLERS_LIMIT)) {
            throw new ParameterException(spec.commandLine(), "--max-samplers must be 1 to " + TraceOptions.MAX_SAMPLERS_LIMIT);
        }
        EditList list = edits(spec, spec.commandLine().getParseResult().originalArgs());
        InspectOptions options = InspectOptions.defaults().withHashes(models.lookup(spec));
        if (maxSamplers != null) options = options.withTrace(options.trace().withMaxSamplers(maxSamplers));
        if (saveNode != null) options = options.withTrace(options.trace().withSaveNode(saveNode));
        return new EditingBundleSource(new SourceLoader(NodeDefinitions.bundled()), rules.inspector(), options, maxSamplers != null, list,
                w -> err.println("samplerlens: warning: " + w));
    }
}
