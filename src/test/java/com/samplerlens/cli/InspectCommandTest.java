package com.samplerlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SamplerLensCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void jsonOfOneImage() throws Exception {
        Run r = run("inspect", "--json", Fixtures.bundled("images/ce_lora.png").toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode o = LenientJson.parse(r.out());
        assertEquals("png", o.path("container").asText());
        assertEquals("prompt", o.path("graph").path("source").asText());
        // ce_lora.png's prompt chunk: 8 nodes, SaveImage is node "9"
        assertEquals(8, o.path("graph").path("nodes").asInt());
        assertEquals("9", o.path("graph").path("output_nodes").path(0).asText());
        assertTrue(o.path("parameters").isNull());
    }

    @Test
    void negativeFixturesFailWithOneLineEach() {
        Run r = run("inspect", Fixtures.bundled("images/sdp_novelai1_cropped.png").toString(),
                Fixtures.bundled("images/sdp_fooocus1_cropped.png").toString(),
                Fixtures.bundled("images/sdp_automatic1111_cropped.png").toString());
        assertEquals(1, r.exit());
        assertEquals(2, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("sdp_novelai1_cropped.png: no ComfyUI workflow or A1111 parameters found (NovelAI metadata)"));
        assertTrue(r.out().contains("sdp_automatic1111_cropped.png"), "the good file is still shown");
    }

    @Test
    void folderWithAGoodAndABadFile(@TempDir Path dir) throws Exception {
        Files.copy(Fixtures.bundled("images/ce_lora.png"), dir.resolve("good.png"));
        Files.writeString(dir.resolve("bad.png"), "GIF89a not a png");
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        Run r = run("inspect", "--json", dir.toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("bad.png: "), r.err());
        JsonNode arr = LenientJson.parse(r.out());
        assertEquals(1, arr.size());
        assertTrue(arr.get(0).path("file").asText().endsWith("good.png"));
    }

    @Test
    void badUsageIsExitTwo() {
        assertEquals(2, run("inspect").exit());
        assertEquals(2, run("inspect", "--no-such-option", "x.png").exit());
    }

    @Test
    void textOutputOfAWorkflow() {
        Run r = run("inspect", Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Graph:      from workflow, 14 nodes"), r.out());
        assertTrue(r.out().contains("sampler-like nodes: 2"), r.out());
    }
}
