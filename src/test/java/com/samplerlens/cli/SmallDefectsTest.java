package com.samplerlens.cli;

import static com.samplerlens.testing.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.testing.CliRun;
import com.samplerlens.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13 item 5, each on a real file through the real commands. */
class SmallDefectsTest {

    @TempDir Path dir;

    private Path png() throws Exception {
        Path p = dir.resolve("target.png");
        if (!Files.exists(p)) ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", p.toFile());
        return p;
    }

    @Test
    void defaultFlagsAreNotEditsOnAnA1111Source() throws Exception {
        Path a1111 = Fixtures.bundled("images/sdp_automatic1111_cropped.png");
        CliRun r = run("write", a1111.toString(), "--into", png().toString(), "--out", dir.resolve("a.png").toString(), "--max-samplers", "1");
        assertEquals(0, r.code(), r.err());
        assertEquals(MetadataReaders.read(a1111).text(MetadataKeys.PARAMETERS).orElseThrow(),
                MetadataReaders.read(dir.resolve("a.png")).text(MetadataKeys.PARAMETERS).orElseThrow());
        CliRun edit = run("write", a1111.toString(), "--into", png().toString(), "--out", dir.resolve("b.png").toString(), "--set", "Steps=3");
        assertEquals(1, edit.code());
        assertTrue(edit.err().contains("edits need a graph"), edit.err());
    }

    @Test
    void aGraphWithoutASamplerIsAnErrorLineAndTheRestIsWritten() throws Exception {
        Path wf = Files.writeString(dir.resolve("nosampler.json"), """
            {"1": {"class_type": "LoadImage", "inputs": {"image": "cat.png"}},
             "2": {"class_type": "SaveImage", "inputs": {"filename_prefix": "x", "images": ["1", 0]}}}""");
        CliRun r = run("write", wf.toString(), "--into", png().toString(), "--out", dir.resolve("n.png").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("samplerlens: error: " + wf + ": no sampler found upstream of node 2; no sampler fields are written; "
                + "the rest of the metadata is written"), r.err());
        EmbeddedMetadata m = MetadataReaders.read(dir.resolve("n.png"));
        assertTrue(m.text(MetadataKeys.PROMPT).orElseThrow().contains("LoadImage"));
        assertTrue(m.text(MetadataKeys.PARAMETERS).orElseThrow().startsWith("Negative prompt: \n"), m.text(MetadataKeys.PARAMETERS).orElseThrow());
    }

    @Test
    void aRewriteReplacesAnOldFallbackMarker() throws Exception {
        Path a1111 = Fixtures.bundled("images/sdp_automatic1111_cropped.png");
        String original = MetadataReaders.read(a1111).text(MetadataKeys.PARAMETERS).orElseThrow();
        Path jpeg = dir.resolve("t.jpg");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg.toFile());
        // an earlier write at a fallback stage: its text carries the marker
        Path first = dir.resolve("first.png");
        var texts = new java.util.LinkedHashMap<String, String>();
        texts.put(MetadataKeys.PARAMETERS, original + ", Metadata Fallback: reduced-exif");
        Files.write(first, com.samplerlens.core.container.png.PngChunkRewriter.rewrite(Files.readAllBytes(png()), texts));
        CliRun r = run("write", first.toString(), "--into", jpeg.toString(), "--out", dir.resolve("again.jpg").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(original, MetadataReaders.read(dir.resolve("again.jpg")).text(MetadataKeys.PARAMETERS).orElseThrow(),
                "written in full: no marker, the old one gone");
    }

    @Test
    void aUiOnlyWorkflowWithUndefinedClassesWritesNoInventedPrompt() throws Exception {
        // a UI workflow with a class no definition knows: its widgets would become widget_N inputs
        String workflow = "{\"last_node_id\": 2, \"last_link_id\": 1, \"nodes\": ["
                + "{\"id\": 1, \"type\": \"NoSuchPackNode\", \"inputs\": [], \"outputs\": [{\"name\": \"IMAGE\", \"type\": \"IMAGE\", \"links\": [1]}], \"widgets_values\": [7, \"x\"]},"
                + "{\"id\": 2, \"type\": \"SaveImage\", \"inputs\": [{\"name\": \"images\", \"type\": \"IMAGE\", \"link\": 1}], \"outputs\": [], \"widgets_values\": [\"ComfyUI\"]}],"
                + " \"links\": [[1, 1, 0, 2, 0, \"IMAGE\"]]}";
        Path ui = Files.writeString(dir.resolve("undefined.json"), workflow);
        CliRun r = run("write", ui.toString(), "--into", png().toString(), "--out", dir.resolve("u.png").toString());
        assertEquals(0, r.code(), r.err());
        EmbeddedMetadata m = MetadataReaders.read(dir.resolve("u.png"));
        assertNull(m.text(MetadataKeys.PROMPT).orElse(null), "no prompt chunk with widget_N inputs ComfyUI cannot load");
        assertEquals(workflow, m.text(MetadataKeys.WORKFLOW).orElseThrow());
        // a UI workflow whose classes are all defined gets its prompt, converted as ComfyUI would queue it
        Path defined = Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json");
        CliRun w = run("write", defined.toString(), "--into", png().toString(), "--out", dir.resolve("wan.png").toString());
        assertEquals(0, w.code(), w.err());
        assertFalse(MetadataReaders.read(dir.resolve("wan.png")).text(MetadataKeys.PROMPT).orElseThrow().contains("widget_"));
    }

    @Test
    void jsonOfOneUnreadableFileIsAnObjectWithItsError() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.png"), "GIF89a not a png");
        CliRun r = run("inspect", "--json", bad.toString());
        assertEquals(1, r.code());
        JsonNode o = LenientJson.parse(r.out());
        assertTrue(o.isObject(), r.out());
        assertEquals(bad.toString(), o.path("file").asText());
        assertTrue(o.path("error").asText().startsWith("bad.png: "), r.out());
        CliRun missing = run("inspect", "--json", dir.resolve("nope.png").toString());
        assertEquals(1, missing.code());
        assertTrue(LenientJson.parse(missing.out()).path("error").asText().endsWith("no such file"), missing.out());
    }

    @Test
    void topLevelHelpPrintsEveryDescriptionWhole() {
        CliRun r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Exit codes: 0 all files read, 1 some file could not be read, 2 bad usage."), r.out());
        assertTrue(r.out().contains("WebP EXIF likewise. Orientation, camera EXIF, XMP and ICC stay."), r.out());
        assertTrue(r.out().contains("SOURCE is traced as write traces it"), r.out());
    }
}
