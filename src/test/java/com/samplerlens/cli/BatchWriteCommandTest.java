package com.samplerlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.cli.InspectCommandTest.Run;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.write.BatchReembedTest;
import com.samplerlens.core.write.NamePairing;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 originals (each with its own parameters) and their stripped edits: every 10th edit is a
 * JPEG made with ImageIO, every 7th carries "_upscaled", one is corrupt, three have no original.
 */
class BatchWriteCommandTest {

    @TempDir Path dir;

    @Test
    void twoHundredPairs() throws Exception {
        List<NamePairing.Pair> pairs = BatchReembedTest.make(dir, 200);
        Path edited = dir.resolve("edited");
        for (int i = 0; i < 200; i++) {
            Path e = pairs.get(i).edited();
            if (i % 10 == 3) {
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(e)));
                Files.delete(e);
                assertTrue(ImageIO.write(img, "jpg", edited.resolve("img_" + i + ".jpg").toFile()));
            } else if (i % 7 == 0) {
                Files.move(e, edited.resolve("img_" + i + "_upscaled.png"));
            }
        }
        Files.writeString(edited.resolve("img_5.png"), "corrupt, not a png");
        for (String stray : List.of("holiday.png", "img_999.png", "notes (1).png")) {
            Files.copy(pairs.getFirst().original(), edited.resolve(stray));
        }
        Path out = dir.resolve("out");

        Run r = InspectCommandTest.run("write", "--from-dir", dir.resolve("originals").toString(), "--into-dir", edited.toString(),
                "--out-dir", out.toString());
        assertEquals(1, r.exit(), "one file failed: " + r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(201, lines.size(), r.out());
        assertTrue(lines.contains("[1/200] img_0_upscaled.png → " + out.resolve("img_0_upscaled.png")), lines.getFirst());
        assertEquals(1, lines.stream().filter(l -> l.matches("\\[\\d+/200] img_5\\.png: failed, .*img_5\\.png.*")).count(), r.out());
        Matcher summary = Pattern.compile("done: 199 written, 0 skipped, 1 failed; unmatched 3 edited, 0 originals; ([0-9.]+) s").matcher(lines.getLast());
        assertTrue(summary.matches(), lines.getLast());
        System.out.println("batch of 200 pairs: " + summary.group(1) + " s");
        assertEquals(3, r.err().lines().filter(l -> l.startsWith("unmatched: ")).count(), r.err());

        for (int i = 0; i < 200; i++) {
            if (i == 5) continue;
            String name = i % 10 == 3 ? "img_" + i + ".jpg" : i % 7 == 0 ? "img_" + i + "_upscaled.png" : "img_" + i + ".png";
            assertEquals(BatchReembedTest.parameters(i), MetadataReaders.read(out.resolve(name)).text(MetadataKeys.PARAMETERS).orElseThrow(), name);
        }
        assertEquals(199, Files.list(out).count());
    }

    @Test
    void aBatchWantsAllThreeFolders() {
        Run r = InspectCommandTest.run("write", "--from-dir", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--from-dir, --into-dir and --out-dir"), r.err());
        assertEquals(2, InspectCommandTest.run("write", "x.png", "--from-dir", dir.toString(), "--into-dir", dir.toString(), "--out-dir", dir.toString()).exit());
    }
}
