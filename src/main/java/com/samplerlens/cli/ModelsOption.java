package com.samplerlens.cli;

import com.samplerlens.core.capture.HashLookup;
import com.samplerlens.core.hash.AutoV2;
import com.samplerlens.core.inspect.ModelFolderHashes;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --models DIR}: hash the checkpoints, VAEs and LoRAs a workflow names from the user's models folder. */
public final class ModelsOption {

    @Option(names = "--models", paramLabel = "DIR",
            description = "Your models folder: files the workflow names are found under it and their AutoV2 hashes "
                    + "(SHA-256, first 10 hex) added as Model hash, VAE hash, Lora_N Model hash and Hashes. "
                    + "Full digests are cached in .sha256 files beside the models; METADATA_FORCE_REHASH=1 ignores them.")
    Path folder;

    /** The lookup for the folder given, else {@link HashLookup#NONE}; a missing folder is a usage error. */
    HashLookup lookup(CommandSpec spec) {
        if (folder == null) return HashLookup.NONE;
        try {
            return ModelFolderHashes.scan(folder, AutoV2.fromEnvironment(System.getenv()));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--models " + folder + ": " + e.getMessage());
        }
    }
}
