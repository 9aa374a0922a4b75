package com.samplerlens.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.capture.ComposedMetadata;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.inspect.InspectOptions;
import com.samplerlens.core.inspect.InspectReport;
import com.samplerlens.core.inspect.Inspector;
import com.samplerlens.core.inspect.SourceTexts;
import com.samplerlens.core.render.RenderOptions;
import com.samplerlens.core.trace.TestGraphs;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every edit kind on the SDXL base + refiner example (ComfyUI's own; values read from the API
 * prompt: base KSamplerAdvanced 10 steps 25 end 20 cfg 8 euler/normal seed 6767725640732, refiner
 * 11 from step 20, seed 0, 1024x1024).
 */
class EditListTest {

    private static final RenderOptions RENDER = RenderOptions.defaults();
    private static final Graph SDXL = TestGraphs.file(Fixtures.bundled("workflows/api/ce_sdxl_refiner_prompt_example.prompt.json"));

    private static InspectReport traced(int maxSamplers) {
        return Inspector.bundled().inspect(SDXL, SourceTexts.NONE, InspectOptions.defaults().withTrace(TraceOptions.defaults().withMaxSamplers(maxSamplers)));
    }

    private static ComposedMetadata multi() { return traced(2).composed(); }

    private static EditList edits(MetadataEdit... e) { return new EditList(List.of(e)); }

    private static final String SAMPLER_1 = "Sampler_1: \"model=sd_xl_base_1.0.safetensors; steps=25; start=0; end=20; "
            + "sampler=euler; scheduler=normal; cfg=8.0; seed=6767725640732\"";

    @Test
    void noEditsRenderExactlyTheTrace() {
        InspectReport r = traced(2);
        EditedMetadata e = EditList.EMPTY.applyTo(r.composed());
        assertEquals(r.bundle(), e.bundle(r.graph(), r.bundle(), RENDER));
        assertTrue(e.warnings().isEmpty());
    }

    @Test
    void flatFieldsAreTypedAsTheAnchorPrintsThem() {
        String p = edits(new SetFlatField(FlatField.STEPS, "30"), new SetFlatField(FlatField.CFG_SCALE, "7"),
                new SetFlatField(FlatField.SIZE, "832 x 1216"), new SetFlatField(FlatField.SCHEDULER, "Karras"),
                new SetFlatField(FlatField.SEED, "42"), new SetFlatField(FlatField.DENOISE, ".5"))
                .applyTo(multi()).parameters(RENDER);
        assertTrue(p.contains("\nSteps: 30, Sampler: euler_karras, CFG scale: 7.0, Denoise: 0.5, Seed: 42, Size: 832x1216, Model: sd_xl_base_1.0.safetensors, Samplers: "), p);
        // the per-sampler keys are the traced ones: flat edits do not reach them
        assertTrue(p.contains(SAMPLER_1), p);
    }

    @Test
    void aSamplerFieldChangesItsSamplerKeyAndSamplersDetailOnly() {
        InspectReport r = traced(2);
        EditedMetadata e = edits(new SetSamplerField(2, SamplerField.CFG, "4.5"), new SetSamplerField(2, SamplerField.SCHEDULER, "karras"),
                new SetSamplerField(1, SamplerField.SEED, null)).applyTo(r.composed());
        MetadataBundle b = e.bundle(r.graph(), r.bundle(), RENDER);
        assertTrue(b.parameters().contains("Samplers: Sampler_1[0-20] euler/normal; Sampler_2[20-25] euler/karras, "), b.parameters());
        assertTrue(b.parameters().contains("Sampler_2: \"model=sd_xl_refiner_1.0.safetensors; steps=25; start=20; end=25; "
                + "sampler=euler; scheduler=karras; cfg=4.5; seed=0\""), b.parameters());
        assertTrue(b.parameters().contains("Sampler_1: \"model=sd_xl_base_1.0.safetensors; steps=25; start=0; end=20; "
                + "sampler=euler; scheduler=normal; cfg=8.0\""), b.parameters());
        assertTrue(b.parameters().contains("CFG scale: 8.0, Seed: 6767725640732, Size: 1024x1024"), "flat fields unchanged: " + b.parameters());
        assertEquals("[{\"number\":1,\"node_id\":\"10\",\"class_type\":\"KSamplerAdvanced\",\"model\":\"sd_xl_base_1.0.safetensors\","
                + "\"sampler\":\"euler\",\"scheduler\":\"normal\",\"steps\":25,\"start_step\":0,\"end_step\":20,\"cfg\":8.0,\"loras\":[]},"
                + "{\"number\":2,\"node_id\":\"11\",\"class_type\":\"KSamplerAdvanced\",\"model\":\"sd_xl_refiner_1.0.safetensors\","
                + "\"sampler\":\"euler\",\"scheduler\":\"karras\",\"steps\":25,\"start_step\":20,\"end_step\":25,\"cfg\":4.5,\"seed\":0,\"loras\":[]}]",
                b.samplersDetail());
        assertEquals(r.bundle().prompt(), b.prompt());
    }

    @Test
    void extraKeysGoAfterHashesSortedByCodePointBeforeTheVersion() {
        String p = edits(new AddExtraKey("artist", "me"), new AddExtraKey("Zeta", "z"), new AddExtraKey("Alpha", "a, b"),
                new SetFlatField(FlatField.MODEL_HASH, "31e35c80fc"), new AddExtraKey("Zeta", "last wins"))
                .applyTo(multi()).parameters(RENDER);
        assertTrue(p.endsWith("Model: sd_xl_base_1.0.safetensors, Model hash: 31e35c80fc, Samplers: Sampler_1[0-20] euler/normal; Sampler_2[20-25] euler/normal, "
                + SAMPLER_1 + ", Sampler_2: \"model=sd_xl_refiner_1.0.safetensors; steps=25; start=20; end=25; sampler=euler; "
                + "scheduler=normal; cfg=8.0; seed=0\", Hashes: {\"model\": \"31e35c80fc\"}, Alpha: a, b, Zeta: last wins, artist: me, "
                + "Metadata generator version: 0.1.0"), p);
    }

    @Test
    void removedKeysLeaveTheLineAndASetBringsThemBack() {
        EditedMetadata e = edits(new RemoveKey("Seed"), new RemoveKey("Sampler_1"), new RemoveKey("Samplers"), new AddExtraKey("Note", "x"),
                new RemoveKey("Note"), new RemoveKey("Size"), new SetFlatField(FlatField.SIZE, "512x512")).applyTo(multi());
        String p = e.parameters(RENDER);
        assertEquals("""
                daytime sky nature dark blue galaxy bottle
                Negative prompt: text, watermark
                Steps: 25, Sampler: euler_normal, CFG scale: 8.0, Size: 512x512, Model: sd_xl_base_1.0.safetensors, \
                Sampler_2: "model=sd_xl_refiner_1.0.safetensors; steps=25; start=20; end=25; sampler=euler; scheduler=normal; cfg=8.0; seed=0", \
                Metadata generator version: 0.1.0""", p);
        assertEquals(2, e.composed().samplers().size(), "Samplers detail keeps both samplers");
    }

    @Test
    void multilineRemovalTakesAWholeBlockAndFlatRemovalKeepsTheBlocksLines() {
        String p = edits(new RemoveKey("Sampler_2"), new RemoveKey("Steps")).applyTo(multi()).parameters(RENDER.withMultiline(true));
        assertEquals("""
                daytime sky nature dark blue galaxy bottle
                Negative prompt: text, watermark
                Sampler: euler_normal
                CFG scale: 8.0
                Seed: 6767725640732
                Size: 1024x1024
                Model: sd_xl_base_1.0.safetensors
                Samplers: Sampler_1[0-20] euler/normal; Sampler_2[20-25] euler/normal
                Sampler_1:
                Model: sd_xl_base_1.0.safetensors
                Steps: 25
                Start step: 0
                End step: 20
                Sampler: euler
                Scheduler: normal
                CFG scale: 8.0
                Seed: 6767725640732
                Metadata generator version: 0.1.0""", p);
    }

    @Test
    void promptsAreReplacedOrEmptied() {
        String p = edits(new ReplacePrompt(PromptKind.POSITIVE, "a red fox\nin snow"), new ReplacePrompt(PromptKind.NEGATIVE, "blurry"))
                .applyTo(multi()).parameters(RENDER);
        assertTrue(p.startsWith("a red fox\nin snow\nNegative prompt: blurry\nSteps: 25, "), p);
        String empty = edits(new ReplacePrompt(PromptKind.POSITIVE, ""), new ReplacePrompt(PromptKind.NEGATIVE, ""))
                .applyTo(multi()).parameters(RENDER);
        assertTrue(empty.startsWith("Negative prompt: \nSteps: 25, "), empty);
    }

    @Test
    void singleSamplerModeSampler1IsTheFlatFields() {
        InspectReport r = traced(1);
        EditedMetadata e = edits(new SetSamplerField(1, SamplerField.CFG, "3"), new SetSamplerField(1, SamplerField.START_STEP, "4"),
                new SetSamplerField(2, SamplerField.CFG, "5")).applyTo(r.composed());
        assertTrue(e.parameters(RENDER).contains("Steps: 25, Sampler: euler_normal, CFG scale: 3.0, Seed: 6767725640732"), e.parameters(RENDER));
        assertEquals(3.0, e.composed().samplers().getFirst().cfg(), "the inspect report's sampler shows the edited flat fields");
        assertEquals(List.of("Sampler_1.start_step: single-sampler output has no Start step; edit skipped",
                "Sampler_2.cfg: this file has no Sampler_2 (single-sampler mode); edit skipped"), e.warnings());
        assertFalse(e.bundle(r.graph(), r.bundle(), RENDER).parameters().contains("Sampler_1"));
    }

    @Test
    void aSamplerTheFileDoesNotHaveIsAWarning() {
        EditedMetadata e = edits(new SetSamplerField(3, SamplerField.STEPS, "9")).applyTo(multi());
        assertEquals(List.of("Sampler_3.steps: this file has no Sampler_3 (2 traced); edit skipped"), e.warnings());
        assertEquals(EditList.EMPTY.applyTo(multi()).parameters(RENDER), e.parameters(RENDER));
    }
}
