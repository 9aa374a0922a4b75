package com.samplerlens.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.inspect.InspectOptions;
import com.samplerlens.core.inspect.Inspector;
import com.samplerlens.core.inspect.SourceTexts;
import com.samplerlens.core.render.RenderOptions;
import com.samplerlens.core.trace.TestGraphs;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.testing.Fixtures;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EditHistoryTest {

    private static final Graph SDXL = TestGraphs.file(Fixtures.bundled("workflows/api/ce_sdxl_refiner_prompt_example.prompt.json"));

    private static com.samplerlens.core.capture.ComposedMetadata traced(int max) {
        return Inspector.bundled().inspect(SDXL, SourceTexts.NONE, InspectOptions.defaults().withTrace(TraceOptions.defaults().withMaxSamplers(max))).composed();
    }

    private static String steps(EditHistory h) {
        String p = h.result().parameters(RenderOptions.defaults());
        int i = p.indexOf("Steps: ");
        return p.substring(i, p.indexOf(',', i));
    }

    @Test
    void undoRedoAndResetWalkTheSteps() {
        EditHistory h = new EditHistory(traced(2));
        AtomicInteger changes = new AtomicInteger();
        h.addListener(changes::incrementAndGet);
        assertFalse(h.canUndo());
        h.perform(new SetFlatField(FlatField.STEPS, "30"));
        h.perform(new SetFlatField(FlatField.STEPS, "40"));
        assertEquals("Steps: 40", steps(h));
        assertEquals(Optional.of("Set Steps to \"40\""), h.undoDescription());

        h.undo();
        assertEquals("Steps: 30", steps(h));
        assertEquals(Optional.of("Set Steps to \"40\""), h.redoDescription());
        h.redo();
        assertEquals("Steps: 40", steps(h));

        h.resetToTraced();
        assertEquals("Steps: 25", steps(h));
        assertTrue(h.edits().isEmpty());
        assertEquals(List.of("Set Steps to \"30\"", "Set Steps to \"40\"", "Reset to traced"), h.steps().stream().map(EditHistory.Step::description).toList());
        h.undo();
        assertEquals("Steps: 40", steps(h), "reset can be undone");

        h.undo();
        h.perform(new AddExtraKey("Artist", "me"));
        assertFalse(h.canRedo(), "a new edit drops the redo stack");
        assertEquals(List.of(new SetFlatField(FlatField.STEPS, "30"), new AddExtraKey("Artist", "me")), h.edits().edits());
        assertEquals(8, changes.get(), "one notice per step, undo and redo");
    }

    @Test
    void editsSurviveARetrace() {
        EditHistory h = new EditHistory(traced(2));
        h.perform(new SetSamplerField(2, SamplerField.CFG, "4.5"));
        assertTrue(h.result().parameters(RenderOptions.defaults()).contains("cfg=4.5"));
        h.retrace(traced(1));
        assertEquals(List.of("Sampler_2.cfg: this file has no Sampler_2 (single-sampler mode); edit skipped"), h.result().warnings());
        h.retrace(traced(2));
        assertTrue(h.result().warnings().isEmpty());
        assertTrue(h.result().parameters(RenderOptions.defaults()).contains("cfg=4.5"));
    }

    @Test
    void aFileOfEditsIsOneStep() {
        EditHistory h = new EditHistory(traced(2));
        h.performAll("Apply edits.json", new EditList(List.of(new RemoveKey("Seed"), new RemoveKey("Size"))));
        assertEquals(2, h.edits().edits().size());
        h.undo();
        assertTrue(h.edits().isEmpty());
        assertFalse(h.canUndo());
    }
}
