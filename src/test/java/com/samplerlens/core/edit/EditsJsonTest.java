package com.samplerlens.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EditsJsonTest {

    @Test
    void everyEditKindSurvivesTheFile() {
        EditList list = new EditList(List.of(new SetFlatField(FlatField.SIZE, "512x768"), new SetSamplerField(2, SamplerField.CFG, "4.5"),
                new SetSamplerField(1, SamplerField.SEED, null), new AddExtraKey("Artist", "Zoë \"Z\""), new RemoveKey("Hashes"),
                new ReplacePrompt(PromptKind.T5, "line one\nline two")));
        assertEquals(list, EditsJson.parse(EditsJson.write(list)));
    }

    @Test
    void handWrittenFileWithNumbers() {
        EditList l = EditsJson.parse("""
                {"format": "samplerlens-edits", "version": 1, "edits": [
                  {"op": "set", "field": "cfg scale", "value": 7},
                  {"op": "set_sampler", "sampler": 2, "field": "CFG scale", "value": 4.5},
                  {"op": "prompt", "prompt": "negative", "text": "blurry"}
                ]}""");
        assertEquals(List.of(new SetFlatField(FlatField.CFG_SCALE, "7"), new SetSamplerField(2, SamplerField.CFG, "4.5"),
                new ReplacePrompt(PromptKind.NEGATIVE, "blurry")), l.edits());
    }

    @Test
    void wrongFilesNameTheEdit() {
        assertEquals("edit 2: unknown op \"rename\" (set, set_sampler, add_key, remove_key, prompt)",
                assertThrows(IllegalArgumentException.class, () -> EditsJson.parse("""
                        {"edits": [{"op": "remove_key", "key": "Seed"}, {"op": "rename"}]}""")).getMessage());
        assertEquals("edit 1: Steps: \"x\" is not a whole number", assertThrows(IllegalArgumentException.class,
                () -> EditsJson.parse("{\"edits\": [{\"op\": \"set\", \"field\": \"Steps\", \"value\": \"x\"}]}")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> EditsJson.parse("[1, 2]"));
        assertThrows(IllegalArgumentException.class, () -> EditsJson.parse("{\"format\": \"other\", \"edits\": []}"));
        assertThrows(IllegalArgumentException.class, () -> EditsJson.parse("{\"version\": 2, \"edits\": []}"));
        assertThrows(IllegalArgumentException.class, () -> EditsJson.parse("{\"edits\": [ "));
    }
}
