package com.samplerlens.cli;

import com.samplerlens.core.inspect.Inspector;
import com.samplerlens.core.inspect.UserRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --rules FILE|FOLDER}: the user's capture / sampler / value rules on top of the bundled ones. */
public final class RulesOption {

    @Option(names = "--rules", paramLabel = "FILE|FOLDER",
            description = "Your own rule files (JSON) on top of the bundled ones; repeatable. "
                    + "Files in ~/.samplerlens/rules (or $SAMPLERLENS_RULES) are always read. See docs/user-guide.md.")
    List<Path> rules = new ArrayList<>();

    /** The inspector to use; a bad rule file fails with a one-line message naming it. */
    Inspector inspector() {
        return UserRules.inspector(UserRules.files(System.getenv(), rules));
    }
}
