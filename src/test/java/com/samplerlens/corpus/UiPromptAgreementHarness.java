package com.samplerlens.corpus;

import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.inspect.Inspector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Measures, over a folder of real files gathered by hand (not committed): the share of files
 * whose UI workflow has every node defined and, for files with both chunks, traces what the
 * prompt traces. Run: {@code java -cp target/test-classes:target/classes:<deps> com.samplerlens.corpus.UiPromptAgreementHarness DIR [OBJECT_INFO_DIR]}.
 */
public final class UiPromptAgreementHarness {
    private UiPromptAgreementHarness() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Set<String> core = CoreClasses.of(Path.of(args.length > 1 ? args[1] : "../shared/data/object-info"));
        NodeDefinitions defs = NodeDefinitions.bundled();
        Inspector inspector = Inspector.bundled();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        int withWorkflow = 0, allDefined = 0, both = 0, agree = 0, good = 0, errors = 0, allNamed = 0, namedAndAgree = 0;
        Map<String, Integer> undefinedCounts = new TreeMap<>();
        Map<String, Integer> unnamedCounts = new TreeMap<>();
        for (Path f : files) {
            UiPromptAgreement r;
            try {
                r = UiPromptAgreement.check(f, defs, inspector, core);
            } catch (Exception | StackOverflowError e) {
                errors++;
                System.out.println("ERROR " + dir.relativize(f) + ": " + e);
                continue;
            }
            if (!r.hasWorkflow()) continue;
            withWorkflow++;
            boolean defined = r.undefinedClasses().isEmpty();
            if (defined) allDefined++;
            r.undefinedClasses().forEach(c -> undefinedCounts.merge(c + (core.contains(c) ? " (core)" : ""), 1, Integer::sum));
            if (r.hasPrompt()) {
                both++;
                if (!r.differs()) agree++;
            }
            boolean ok = defined && !r.differs();
            if (r.unnamedValueClasses().isEmpty()) allNamed++;
            r.unnamedValueClasses().forEach(c -> unnamedCounts.merge(c, 1, Integer::sum));
            if (r.unnamedValueClasses().isEmpty() && !r.differs()) namedAndAgree++;
            if (ok) good++;
            if (!ok) System.out.println("FAIL " + dir.relativize(f) + " undefined=" + r.undefinedClasses() + " " + r.disagreements());
        }
        System.out.printf("files with a UI workflow: %d; every node defined: %d; with both chunks: %d, UI = prompt: %d; all good: %d (%.1f%%); errors: %d%n",
                withWorkflow, allDefined, both, agree, good, 100.0 * good / Math.max(1, withWorkflow), errors);
        System.out.printf("every widget value named (by a definition or by the workflow's own widget inputs): %d; and UI = prompt: %d (%.1f%%)%n",
                allNamed, namedAndAgree, 100.0 * namedAndAgree / Math.max(1, withWorkflow));
        undefinedCounts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(40)
                .forEach(e -> System.out.println("  undefined " + e.getKey() + ": " + e.getValue() + " files"));
        unnamedCounts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> System.out.println("  values not named " + e.getKey() + ": " + e.getValue() + " files"));
    }
}
