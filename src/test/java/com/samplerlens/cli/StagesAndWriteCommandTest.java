package com.samplerlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagesAndWriteCommandTest {

    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SamplerLensCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void stagesJsonForAJpegTargetMatchesTheFileThenWritten() throws Exception {
        Path source = Fixtures.bundled("images/ce_lora.png");
        Path target = Files.copy(Fixtures.bundled("images/sdp_automatic1111_cropped.jpg"), dir.resolve("t.jpg"));
        Run stages = run("stages", source.toString(), "--into", target.toString(), "--json");
        assertEquals(0, stages.code(), stages.err());
        JsonNode json = LenientJson.parse(stages.out());
        assertEquals(List.of("format", "max_exif_bytes", "chosen", "stages"), names(json.fieldNames()));
        assertEquals("jpeg", json.get("format").asText());
        assertEquals(61440, json.get("max_exif_bytes").asInt());
        assertEquals("full", json.get("chosen").asText());
        assertEquals(List.of("full", "reduced-exif", "minimal", "com-marker"),
                json.get("stages").valueStream().map(s -> s.get("stage").asText()).toList());

        Run write = run("write", source.toString(), "--into", target.toString());
        assertEquals(0, write.code(), write.err());
        Path written = dir.resolve("t_meta.jpg");
        assertEquals(json.get("stages").get(0).get("file_bytes").asLong(), Files.size(written));
        assertTrue(write.out().contains("stage full"), write.out());
    }

    @Test
    void stagesWithoutATargetHasNoFileSizesAndDefaultsToJpeg() throws Exception {
        Run r = run("stages", Fixtures.bundled("workflows/ui/kj_wanvideo_2_1_14B_OneToAllAnimation_pose_control_example_01.json").toString(),
                "--json", "--max-jpeg-exif-kb", "4");
        assertEquals(0, r.code(), r.err());
        JsonNode json = LenientJson.parse(r.out());
        assertEquals(4096, json.get("max_exif_bytes").asInt());
        json.get("stages").forEach(s -> assertFalse(s.has("file_bytes")));
        assertFalse(json.get("stages").get(0).get("fits").asBoolean());
    }

    @Test
    void stagesForPngListsOneEntryPerChunk() throws Exception {
        Run r = run("stages", Fixtures.bundled("images/ce_lora.png").toString(), "--format", "png", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = LenientJson.parse(r.out());
        assertTrue(json.get("chosen").isNull());
        assertTrue(json.get("max_exif_bytes").isNull());
        // ce_lora.png has no parameters chunk: they are rendered from its graph and written too
        assertEquals(List.of("parameters", "prompt", "workflow"), json.get("stages").valueStream().map(s -> s.get("stage").asText()).toList());
    }

    @Test
    void stagesTablePrintsEveryStage() {
        Run r = run("stages", Fixtures.bundled("images/ce_lora.png").toString());
        assertEquals(0, r.code(), r.err());
        for (String s : List.of("full", "reduced-exif", "minimal", "com-marker")) assertTrue(r.out().contains(s), r.out());
    }

    @Test
    void writeRefusesAnExistingOutputNamingIt() throws Exception {
        Path target = Files.copy(Fixtures.bundled("images/ce_lora.png"), dir.resolve("t.png"));
        Files.writeString(dir.resolve("t_meta.png"), "mine");
        Run r = run("write", Fixtures.bundled("images/sdp_automatic1111_cropped.png").toString(), "--into", target.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("t_meta.png") && r.err().contains("--force"), r.err());
        assertEquals(1, r.err().strip().lines().count());
        assertEquals("mine", Files.readString(dir.resolve("t_meta.png")));

        Run forced = run("write", Fixtures.bundled("images/sdp_automatic1111_cropped.png").toString(), "--into", target.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        assertTrue(MetadataReaders.read(dir.resolve("t_meta.png")).text("parameters").orElseThrow().startsWith("photo of a duck"));
    }

    @Test
    void exitCodes() throws Exception {
        Path target = Files.copy(Fixtures.bundled("images/ce_lora.png"), dir.resolve("t.png"));
        Run missing = run("write", dir.resolve("nope.png").toString(), "--into", target.toString());
        assertEquals(1, missing.code());
        assertEquals("samplerlens: nope.png: no such file", missing.err().strip());

        assertEquals(2, run("stages", target.toString(), "--format", "gif").code());
        assertEquals(2, run("write", target.toString()).code(), "--into is required");
        assertEquals(2, run("write", target.toString(), "--into", target.toString(), "--in-place", "--out", "x.png").code());
        Run webp = run("write", target.toString(), "--into", target.toString(), "--format", "webp");
        assertEquals(2, webp.code());
        assertTrue(webp.err().contains("WebP"), webp.err());
    }

    @Test
    void aDamagedTargetIsAFileErrorNamingIt() throws Exception {
        byte[] jpeg = Files.readAllBytes(Fixtures.bundled("images/sdp_automatic1111_cropped.jpg"));
        Path cut = Files.write(dir.resolve("cut.jpg"), java.util.Arrays.copyOf(jpeg, 40));
        Run r = run("write", Fixtures.bundled("images/ce_lora.png").toString(), "--into", cut.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("samplerlens: cut.jpg: "), r.err());
        assertEquals(1, r.err().strip().lines().count());
        assertFalse(Files.exists(dir.resolve("cut_meta.jpg")));
    }

    @Test
    void aWorkflowTooBigForJpegFallsBackToItsRenderedParameters() throws Exception {
        Path target = Files.copy(Fixtures.bundled("images/sdp_automatic1111_cropped.jpg"), dir.resolve("t.jpg"));
        // 198 KB of workflow JSON cannot go into a 64 KB APP1: the parameters rendered from the graph are written alone
        Path workflow = Fixtures.bundled("workflows/ui/kj_wanvideo_2_1_14B_OneToAllAnimation_pose_control_example_01.json");
        Run r = run("write", workflow.toString(), "--into", target.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("stage reduced-exif"), r.out());
        String written = com.samplerlens.core.container.MetadataReaders.read(dir.resolve("t_meta.jpg")).text("parameters").orElseThrow();
        assertTrue(written.endsWith("Metadata generator version: " + com.samplerlens.core.render.GeneratorVersion.VERSION + ", Metadata Fallback: reduced-exif"), written);
        Run stages = run("stages", workflow.toString(), "--json");
        JsonNode json = LenientJson.parse(stages.out());
        assertEquals("reduced-exif", json.get("chosen").asText());
        assertFalse(json.get("stages").get(0).get("fits").asBoolean(), "full does not fit");
    }

    private static <T> List<T> names(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
