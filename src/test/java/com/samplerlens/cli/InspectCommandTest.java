package com.samplerlens.cli;

import static com.samplerlens.testing.CliRun.run;

import com.samplerlens.testing.CliRun;

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



    @Test
    void jsonOfOneImage() throws Exception {
        CliRun r = run("inspect", "--json", Fixtures.bundled("images/ce_lora.png").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode o = LenientJson.parse(r.out());
        java.util.List<String> keys = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        assertEquals(java.util.List.of("file", "container", "save_node", "mode", "samplers_found", "samplers", "shared",
                "parameters", "samplers_detail", "warnings", "save_node_reason", "output_nodes"), keys);
        assertEquals("most samplers upstream (1)", o.path("save_node_reason").asText());
        assertEquals("png", o.path("container").asText());
        // ce_lora.png's prompt chunk: SaveImage 9 <- VAEDecode 8 <- KSampler 3 <- LoraLoader 10 <- checkpoint 4
        assertEquals("9", o.path("save_node").asText());
        assertEquals("single", o.path("mode").asText());
        assertEquals(1, o.path("samplers_found").asInt());
        JsonNode s = o.path("samplers").path(0);
        assertEquals(1, s.path("number").asInt());
        assertEquals("3", s.path("node_id").asText());
        assertEquals(2, s.path("distance").asInt());
        assertEquals("[\"4\",\"5\",\"6\",\"7\",\"10\"]", s.path("attributed").toString());
        assertEquals("epiNoiseoffset_v2.safetensors", s.path("fields").path("loras").path(0).path("name").asText());
        assertEquals(851616030078638L, s.path("fields").path("seed").asLong());
        assertEquals("masterpiece best quality girl", s.path("fields").path("positive").asText());
        assertEquals("[\"8\"]", o.path("shared").toString());
        assertEquals("masterpiece best quality girl\nNegative prompt: bad hands\n"
                + "Steps: 20, Sampler: euler_normal, CFG scale: 8.0, Denoise: 1.0, Seed: 851616030078638, Size: 512x512, "
                + "Model: v1-5-pruned-emaonly.ckpt, Lora_0 Model name: epiNoiseoffset_v2.safetensors, Lora_0 Strength model: 1.0, "
                + "Lora_0 Strength clip: 1.0, Metadata generator version: 0.1.0", o.path("parameters").asText());
        assertTrue(o.path("samplers_detail").isNull());
    }

    @Test
    void multiSamplerOptions() throws Exception {
        String file = Fixtures.bundled("workflows/api/ce_wan22_text_to_video_wan22_14B.prompt.json").toString();
        JsonNode o = LenientJson.parse(run("inspect", "--json", "--max-samplers", "2", file).out());
        assertEquals("multi", o.path("mode").asText());
        assertEquals("57", o.path("samplers").path(0).path("node_id").asText());
        assertEquals(2, o.path("samplers_detail").size());
        assertTrue(o.path("parameters").asText().contains("Samplers: High[0-10] euler/simple; Low[10-20] euler/simple"));
        JsonNode single = LenientJson.parse(run("inspect", "--json", "--max-samplers", "2", "--single", file).out());
        assertEquals("single", single.path("mode").asText());
        JsonNode nearest = LenientJson.parse(run("inspect", "--json", "--selection", "nearest", "--civitai", "--save-node", "47", file).out());
        assertEquals("47", nearest.path("save_node").asText());
        assertEquals("58", nearest.path("samplers").path(0).path("node_id").asText());
        assertTrue(nearest.path("parameters").asText().contains("Sampler: Euler, "), nearest.path("parameters").asText());
        CliRun multiline = run("inspect", "--max-samplers", "2", "--multiline", file);
        assertTrue(multiline.out().contains("  Sampler_2:\n  Model: wan2.2_t2v_low_noise_14B_fp8_scaled.safetensors\n"), multiline.out());
        assertEquals(2, run("inspect", "--max-samplers", "17", file).code());
        assertEquals(2, run("inspect", "--selection", "middle", file).code());
    }

    @Test
    void negativeFixturesFailWithOneLineEach() {
        CliRun r = run("inspect", Fixtures.bundled("images/sdp_novelai1_cropped.png").toString(),
                Fixtures.bundled("images/sdp_fooocus1_cropped.png").toString(),
                Fixtures.bundled("images/sdp_automatic1111_cropped.png").toString());
        assertEquals(1, r.code());
        assertEquals(2, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("sdp_novelai1_cropped.png: no ComfyUI workflow or A1111 parameters found (NovelAI metadata)"));
        assertTrue(r.out().contains("sdp_automatic1111_cropped.png"), "the good file is still shown");
    }

    @Test
    void folderWithAGoodAndABadFile(@TempDir Path dir) throws Exception {
        Files.copy(Fixtures.bundled("images/ce_lora.png"), dir.resolve("good.png"));
        Files.writeString(dir.resolve("bad.png"), "GIF89a not a png");
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        CliRun r = run("inspect", "--json", dir.toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("bad.png: "), r.err());
        JsonNode arr = LenientJson.parse(r.out());
        assertEquals(2, arr.size(), "an object per file, the unreadable one with its error");
        assertTrue(arr.get(0).path("file").asText().endsWith("bad.png"));
        assertTrue(arr.get(0).path("error").asText().startsWith("bad.png: "), arr.get(0).toString());
        assertTrue(arr.get(1).path("file").asText().endsWith("good.png"));
        assertTrue(arr.get(1).path("error").isMissingNode());
    }

    @Test
    void badUsageIsExitTwo() {
        assertEquals(2, run("inspect").code());
        assertEquals(2, run("inspect", "--no-such-option", "x.png").code());
    }

    @Test
    void textOutputOfAWorkflow() {
        CliRun r = run("inspect", Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Graph:      from workflow, 14 nodes"), r.out());
        assertTrue(r.out().contains("Mode:       single, 2 sampler(s) found"), r.out());
        assertTrue(r.out().contains("Sampler_1: node 57 KSamplerAdvanced, distance 3"), r.out());
    }
}
