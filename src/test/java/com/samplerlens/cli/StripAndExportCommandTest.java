package com.samplerlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.cli.InspectCommandTest.Run;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StripAndExportCommandTest {

    @TempDir Path dir;

    private Path copy(String fixture, String as) throws Exception {
        return Files.copy(Fixtures.bundled("images/" + fixture), dir.resolve(as));
    }

    @Test
    void stripWritesCleanCopiesAndNeverOverwritesSilently() throws Exception {
        Path png = copy("ce_lora.png", "a.png");
        Path jpg = copy("sdp_automatic1111_cropped.jpg", "b.jpg");
        Run r = InspectCommandTest.run("strip", png.toString(), jpg.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("a.png → " + dir.resolve("a_clean.png")), r.out());
        assertEquals(List.of(), MetadataReaders.read(dir.resolve("a_clean.png")).entries());
        assertEquals(List.of(), MetadataReaders.read(dir.resolve("b_clean.jpg")).entries());
        assertFalse(MetadataReaders.read(png).entries().isEmpty(), "the source is left alone");

        r = InspectCommandTest.run("strip", png.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("a_clean.png: already exists (use --force to replace it)"), r.err());
        assertEquals(0, InspectCommandTest.run("strip", "--force", png.toString()).exit());

        assertEquals(0, InspectCommandTest.run("strip", "--in-place", png.toString()).exit());
        assertEquals(List.of(), MetadataReaders.read(png).entries());

        Path folder = Files.createDirectory(dir.resolve("clean"));
        assertEquals(0, InspectCommandTest.run("strip", "--out", folder.toString(), jpg.toString(), copy("ce_lora.png", "c.png").toString()).exit());
        assertTrue(Files.exists(folder.resolve("b_clean.jpg")) && Files.exists(folder.resolve("c_clean.png")));
        assertEquals(2, InspectCommandTest.run("strip", "--in-place", "--out", "x.png", png.toString()).exit());
    }

    @Test
    void stripReportsABadFileAndGoesOn() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.png"), "not a png");
        Path good = copy("sdp_automatic1111_cropped.png", "good.png");
        Run r = InspectCommandTest.run("strip", bad.toString(), good.toString());
        assertEquals(1, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("bad.png"), r.err());
        assertTrue(Files.exists(dir.resolve("good_clean.png")));
    }

    /** ce_hiresfix_latent_workflow.png: SaveImage 9 saves the first pass, KSampler 3 (read with python). */
    @Test
    void exportTxtAndJsonBesideTheImage() throws Exception {
        Path img = copy("ce_hiresfix_latent_workflow.png", "h.png");
        Run r = InspectCommandTest.run("inspect", "--export", "txt", img.toString());
        assertEquals(0, r.exit(), r.err());
        String txt = Files.readString(dir.resolve("h.txt"));
        assertTrue(txt.contains("\nSteps: 12, Sampler: dpmpp_sde_normal, CFG scale: 8.0, Denoise: 1.0, Seed: 89848141647836, "), txt);
        assertTrue(txt.endsWith("Metadata generator version: 0.1.0\n"), txt);

        assertEquals(0, InspectCommandTest.run("inspect", "--export", "json", img.toString()).exit());
        JsonNode json = LenientJson.parse(Files.readString(dir.resolve("h.json")));
        assertEquals("png", json.get("container").asText());
        assertEquals("3", json.get("samplers").get(0).get("node_id").asText());
        assertEquals(89848141647836L, json.get("samplers").get(0).get("fields").get("seed").asLong());
        assertEquals(txt, json.get("parameters").asText() + "\n");

        Files.writeString(dir.resolve("h.txt"), "mine");
        r = InspectCommandTest.run("inspect", "--export", "txt", img.toString());
        assertEquals(1, r.exit());
        assertEquals("mine", Files.readString(dir.resolve("h.txt")));
        assertEquals(0, InspectCommandTest.run("inspect", "--export", "txt", "--force", img.toString()).exit());
        assertEquals(txt, Files.readString(dir.resolve("h.txt")));
        assertEquals(2, InspectCommandTest.run("inspect", "--export", "pdf", img.toString()).exit());
    }

    @Test
    void exportOfAnA1111ImageIsItsOwnParameters() throws Exception {
        Path img = copy("sdp_automatic1111_cropped.png", "duck.png");
        assertEquals(0, InspectCommandTest.run("inspect", "--export", "txt", img.toString()).exit());
        String txt = Files.readString(dir.resolve("duck.txt"));
        assertTrue(txt.startsWith("photo of a duck\nNegative prompt: monochrome\nSteps: 15, Sampler: UniPC, CFG scale: 5, Seed: 235284042"), txt);
    }
}
