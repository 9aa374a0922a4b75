package com.samplerlens.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.inspect.Inspector;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every fixture, shared and bundled: no UI workflow uses a ComfyUI core class (as the object_info
 * dumps in ../shared/data name them) without a definition, and every file that holds both a
 * prompt and a UI workflow traces, from the workflow alone, the same samplers, attributed node
 * sets and parameters text as from its prompt.
 */
class FixtureCorpusTest {

    /**
     * Files whose UI workflow is known to trace differently from their prompt, with the reason.
     * Empty today; a new entry needs a reason outside the graph conversion.
     */
    private static final Map<String, String> KNOWN_GAPS = Map.of();

    private static Set<String> core;
    private static List<Path> files;

    @BeforeAll
    static void gather() throws Exception {
        Path shared = Fixtures.sharedRoot();
        if (shared == null) throw new AssertionError("../shared/fixtures is missing: the corpus test reads every fixture there");
        Path data = shared.getParent().resolve("data").resolve("object-info");
        core = CoreClasses.of(data);
        files = new ArrayList<>();
        for (Path root : List.of(shared, Fixtures.bundled("images").getParent())) {
            try (Stream<Path> s = Files.walk(root)) {
                // object-info/ holds node definitions (object_info exports), not workflows or images
                s.filter(Files::isRegularFile).filter(p -> p.toString().matches("(?i).*\\.(png|jpe?g|webp|json)$"))
                        .filter(p -> !root.relativize(p).startsWith("object-info")).sorted().forEach(files::add);
            }
        }
    }

    @Test
    void theCorpusIsWhatWeThinkItIs() {
        // a guard against a silently empty walk: the shared fixtures alone hold more than 60 files
        assertTrue(files.size() > 60, "fixture files found: " + files.size());
        assertTrue(core.size() > 700, "core classes in the dumps: " + core.size());
    }

    @Test
    void noCoreClassLacksADefinitionAndEveryUiWorkflowTracesLikeItsPrompt() throws Exception {
        NodeDefinitions defs = NodeDefinitions.bundled();
        Inspector inspector = Inspector.bundled();
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (Path f : files) {
            UiPromptAgreement r = UiPromptAgreement.check(f, defs, inspector, core);
            if (!r.undefinedCoreClasses().isEmpty()) problems.add(f.getFileName() + ": no definition for core classes " + r.undefinedCoreClasses());
            if (r.hasWorkflow() && r.hasPrompt()) {
                compared++;
                String name = f.getFileName().toString();
                if (r.differs() && !KNOWN_GAPS.containsKey(name)) problems.add(name + ": " + r.disagreements());
                if (!r.differs() && KNOWN_GAPS.containsKey(name)) problems.add(name + " is listed as a known gap but agrees now: remove it");
            }
        }
        assertTrue(compared >= 40, "files with both chunks compared: " + compared);
        assertEquals(List.of(), problems);
    }
}
