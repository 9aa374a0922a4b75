package com.samplerlens.core.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.samplerlens.cli.SamplerLensCommand;
import com.samplerlens.core.inspect.Choices;
import com.samplerlens.core.inspect.Pipeline;
import com.samplerlens.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The notes per node come out in node-id order (3 before 10), the same in every run, not in hash order. */
class NotesOrderTest {

    private static List<String> noteNodes(Path file) throws Exception {
        Pipeline pipeline = Pipeline.build(Map.of(), List.of(), null, null);
        return new ArrayList<>(pipeline.inspect(pipeline.load(file), Choices.NONE).report().composed().notes().keySet());
    }

    @Test
    void realWorkflowsNotesInNodeOrder() throws Exception {
        // SDPromptReader and friends feed seven nodes whose values are known only when ComfyUI runs
        assertEquals(List.of("2", "4", "6", "7", "13", "18", "20"), noteNodes(Fixtures.shared("realworld/prn_hires_fix_example.png")));
        assertEquals(List.of("288", "306", "325", "344", "363"), noteNodes(Fixtures.bundled("workflows/ui/kj_LongCat_TI2V_example_01.json")));
    }

    @Test
    void theCliPrintsThemInThatOrder() {
        StringWriter out = new StringWriter();
        SamplerLensCommand.run(new String[] {"inspect", Fixtures.shared("realworld/prn_hires_fix_example.png").toString()},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        List<String> nodes = out.toString().lines().filter(l -> l.startsWith("  note on node "))
                .map(l -> l.substring("  note on node ".length(), l.indexOf(':'))).toList();
        assertEquals(List.of("2", "4", "4", "6", "7", "13", "18", "20"), nodes);
    }

    @Test
    void anyMapGiven() {
        Map<String, List<String>> notes = new HashMap<>();
        for (String id : List.of("10", "9", "100", "2", "128:81", "12:3", "-1", "abc")) notes.put(id, List.of("n" + id));
        ComposedMetadata c = new ComposedMetadata(null, null, null, List.of(), notes, List.of(), null);
        assertEquals(List.of("-1", "2", "9", "10", "100", "128:81", "12:3", "abc"), new ArrayList<>(c.notes().keySet()));
    }
}
