package com.samplerlens.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.samplerlens.cli.SamplerLensCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The README's CLI examples work verbatim: every {@code ```console} block holds
 * {@code $ ./samplerlens …} lines followed by the exact output; each command runs in-process
 * (the same code as the jar) from the project folder and must print exactly that.
 */
class ReadmeExamplesTest {

    record Example(String command, String expected) {}

    @TestFactory
    Stream<DynamicTest> readmeExamplesPrintWhatTheReadmeShows() throws IOException {
        List<Example> examples = parse(Files.readString(Path.of("README.md")));
        assertFalse(examples.isEmpty(), "README.md has no ```console examples");
        return examples.stream().map(ex -> DynamicTest.dynamicTest(ex.command(), () -> {
            String[] words = ex.command().trim().split("\\s+");
            String[] args = java.util.Arrays.copyOfRange(words, 1, words.length);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = SamplerLensCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            String printed = (out + err.toString()).replace("\r\n", "\n").stripTrailing();
            assertEquals(ex.expected().stripTrailing(), printed, "output of: " + ex.command() + " (exit " + code + ")");
        }));
    }

    static List<Example> parse(String readme) {
        List<Example> examples = new ArrayList<>();
        boolean inBlock = false;
        String command = null;
        StringBuilder expected = new StringBuilder();
        for (String line : readme.split("\n", -1)) {
            if (!inBlock && line.strip().equals("```console")) { inBlock = true; continue; }
            if (inBlock && line.strip().equals("```")) {
                if (command != null) examples.add(new Example(command, expected.toString()));
                command = null; expected.setLength(0); inBlock = false; continue;
            }
            if (!inBlock) continue;
            if (line.startsWith("$ ./samplerlens")) {
                if (command != null) examples.add(new Example(command, expected.toString()));
                command = line.substring(2); expected.setLength(0);
            } else if (command != null) {
                expected.append(line).append('\n');
            }
        }
        return examples;
    }
}
