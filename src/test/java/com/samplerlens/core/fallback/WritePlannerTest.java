package com.samplerlens.core.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.container.png.PngChunk;
import com.samplerlens.core.container.png.PngChunkReader;
import com.samplerlens.core.container.png.PngChunkRewriter;
import com.samplerlens.core.container.webp.RiffChunkReader;
import com.samplerlens.core.container.webp.WebpExifWriter;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WritePlannerTest {

    static final MetadataBundle BUNDLE = new MetadataBundle("a cat\nNegative prompt: 色\nSteps: 20, Seed: 1",
            "{\"3\": {\"class_type\": \"KSampler\", \"inputs\": {\"seed\": 1}}}", "{\"nodes\": [], \"links\": []}", "[{\"number\": 1}]");

    @Test
    void pngChunkSizesAreThoseInTheFileWithOrWithoutATarget() throws Exception {
        byte[] target = Files.readAllBytes(Fixtures.bundled("images/ce_lora.png"));
        byte[] written = PngChunkRewriter.rewrite(target, WritePlanner.pngTexts(BUNDLE));
        List<PngChunk> text = PngChunkReader.read(written).chunks().stream().filter(PngChunk::isText).toList();
        assertEquals(4, text.size(), "ce_lora's own prompt and workflow are replaced, not kept beside ours");

        for (byte[] into : new byte[][] {target, null}) {
            WritePlan plan = WritePlanner.plan(ContainerFormat.PNG, BUNDLE, FallbackSettings.of(null, Map.of()), into);
            assertEquals(List.of("parameters", "prompt", "workflow", "Samplers detail"), plan.entries().stream().map(PlanEntry::name).toList());
            for (int i = 0; i < 4; i++) assertEquals(text.get(i).totalLength(), plan.entries().get(i).metadataBytes());
            assertEquals("iTXt", ((ChunkPlan) plan.entries().getFirst()).chunkType(), "non-Latin-1 parameters go to iTXt");
            assertTrue(plan.chosen().isEmpty());
            if (into != null) assertEquals(written.length, plan.entries().getFirst().fileBytes().getAsLong());
        }
    }

    @Test
    void webpExifChunkSizeIsThatInTheFile() throws Exception {
        byte[] target = Files.readAllBytes(Fixtures.bundled("images/ce_flux_kontext_example_comic.webp"));
        WritePlan plan = WritePlanner.plan(ContainerFormat.WEBP, BUNDLE, FallbackSettings.of(null, Map.of()), target);
        byte[] written = WebpExifWriter.write(target, WritePlanner.webpExif(BUNDLE, target));
        long exifChunk = RiffChunkReader.read(written).chunks().stream().filter(c -> c.fourCc().equals("EXIF")).findFirst().orElseThrow().totalLength();
        assertEquals(1, plan.entries().size());
        assertEquals(exifChunk, plan.entries().getFirst().metadataBytes());
        assertEquals(written.length, plan.entries().getFirst().fileBytes().getAsLong());
        assertTrue(plan.entries().getFirst().content().contains("Model: prompt:{\"3\":{\"class_type\":\"KSampler\""));
    }
}
