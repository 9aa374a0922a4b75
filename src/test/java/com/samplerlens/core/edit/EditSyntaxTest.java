package com.samplerlens.core.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EditSyntaxTest {

    @Test
    void theKeyDecidesTheEdit() {
        assertEquals(new SetFlatField(FlatField.STEPS, "30"), EditSyntax.set("Steps=30"));
        assertEquals(new SetFlatField(FlatField.CFG_SCALE, " 4.5"), EditSyntax.set("cfg scale = 4.5"));
        assertEquals(new SetSamplerField(2, SamplerField.CFG, "4.5"), EditSyntax.set("Sampler_2.cfg=4.5"));
        assertEquals(new SetSamplerField(1, SamplerField.START_STEP, "0"), EditSyntax.set("sampler_1.Start step=0"));
        assertEquals(new ReplacePrompt(PromptKind.NEGATIVE, "a=b"), EditSyntax.set("Negative prompt=a=b"));
        assertEquals(new ReplacePrompt(PromptKind.POSITIVE, "cat"), EditSyntax.set("Prompt=cat"));
        assertEquals(new AddExtraKey("Artist", "me"), EditSyntax.set("Artist=me"));
    }

    @Test
    void removals() {
        assertEquals(new RemoveKey("Seed"), EditSyntax.remove("seed"));
        assertEquals(new RemoveKey("Sampler"), EditSyntax.remove("Scheduler"));
        assertEquals(new RemoveKey("Hashes"), EditSyntax.remove("Hashes"));
        assertEquals(new SetSamplerField(2, SamplerField.DENOISE, null), EditSyntax.remove("Sampler_2.denoise"));
        assertEquals(new ReplacePrompt(PromptKind.NEGATIVE, ""), EditSyntax.remove("Negative prompt"));
    }

    @Test
    void mistakesAreExplained() {
        assertEquals("\"Steps\": expected Key=Value", assertThrows(IllegalArgumentException.class, () -> EditSyntax.set("Steps")).getMessage());
        assertEquals("Steps: \"many\" is not a whole number", assertThrows(IllegalArgumentException.class, () -> EditSyntax.set("Steps=many")).getMessage());
        assertEquals("CFG scale: \"4.5f\" is not a number", assertThrows(IllegalArgumentException.class, () -> EditSyntax.set("Sampler_1.cfg=4.5f")).getMessage());
        assertEquals("Size: \"big\" is not WIDTHxHEIGHT", assertThrows(IllegalArgumentException.class, () -> EditSyntax.set("Size=big")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> EditSyntax.set("Sampler_2.colour=red"));
        assertThrows(IllegalArgumentException.class, () -> EditSyntax.set("Sampler_0.cfg=1"));
        assertThrows(IllegalArgumentException.class, () -> EditSyntax.set("Hashes={}"));
        assertThrows(IllegalArgumentException.class, () -> EditSyntax.set("Lora_0 Model name=x"));
        assertThrows(IllegalArgumentException.class, () -> EditSyntax.set("a:b=c"));
        assertThrows(IllegalArgumentException.class, () -> EditSyntax.set(" =c"));
    }

    @Test
    void seedsKeepTheirKind() {
        assertEquals("12345678901234567890", ((com.fasterxml.jackson.databind.JsonNode) FieldValue.SEED.parse("Seed", "12345678901234567890")).asText());
        assertEquals(true, ((com.fasterxml.jackson.databind.JsonNode) FieldValue.SEED.parse("Seed", "42")).isIntegralNumber());
        assertEquals(true, ((com.fasterxml.jackson.databind.JsonNode) FieldValue.SEED.parse("Seed", "random")).isTextual());
    }
}
