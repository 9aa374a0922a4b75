package com.samplerlens.core.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.core.trace.SamplerTable;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled capture rules are built per class on first use; the result is the eagerly merged one's. */
class LazyRulesTest {

    @TempDir Path tmp;

    @Test
    void everyBundledClassBuildsAndIsChecked() {
        CaptureRules rules = CaptureRules.bundled();
        int classes = rules.buildAll();
        assertTrue(classes > 100, "the bundled file holds the anchor's classes and the packs': " + classes);
        assertTrue(rules.hasRules("KSampler"));
        assertEquals("seed", rules.of("KSampler").get(MetaField.SEED).inputs().get(0));
        assertSame(rules.of("KSampler"), rules.of("KSampler"), "built once");
        assertTrue(rules.looksLikeSampler("KSampler"));
        assertFalse(rules.looksLikeSampler("CLIPTextEncode"));
        assertFalse(rules.looksLikeSampler("NoSuchClass"));
        assertTrue(rules.of("NoSuchClass").isEmpty());
        assertFalse(rules.hasRules("NoSuchClass"));
    }

    @Test
    void aUserFileOverridesOneFieldAndKeepsTheBundledOthers() throws Exception {
        Path f = tmp.resolve("mine.json");
        Files.writeString(f, "{\"rules\": {\"KSampler\": {\"SEED\": {\"field_name\": \"noise_seed\"}}, \"MyNode\": {\"21\": {\"field_name\": \"n\"}}}}");
        CaptureRules rules = CaptureRules.bundled().withUserFile(f);
        assertEquals("noise_seed", rules.of("KSampler").get(MetaField.SEED).inputs().get(0));
        assertEquals("steps", rules.of("KSampler").get(MetaField.STEPS).inputs().get(0));
        assertEquals("n", rules.of("MyNode").get(MetaField.STEPS).inputs().get(0));
        assertTrue(rules.hasRules("MyNode"));
        // the bundled set it was built from is unchanged
        assertEquals("seed", CaptureRules.bundled().of("KSampler").get(MetaField.SEED).inputs().get(0));
    }

    @Test
    void aBadUserRuleIsReportedWhenTheFileLoadsNotOnFirstUse() throws Exception {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, "{\"KSampler\": {\"SEEED\": {\"field_name\": \"seed\"}}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CaptureRules.bundled().withUserFile(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("SEEED"), e.getMessage());
    }

    @Test
    void metaFieldNumbersAreAsciiDigitsOnly() {
        assertEquals(MetaField.MODEL_HASH, MetaField.parse(" 1 "));
        assertEquals(MetaField.SAMPLER_NAME, MetaField.parse("sampler"));
        assertThrows(IllegalArgumentException.class, () -> MetaField.parse("\u0661")); // Arabic-Indic one: no field
        assertThrows(IllegalArgumentException.class, () -> MetaField.parse("99999999999"));
        assertThrows(IllegalArgumentException.class, () -> MetaField.parse(""));
    }

    @Test
    void integerTextsAsBefore() {
        JsonNodeFactory n = JsonNodeFactory.instance;
        assertEquals(42L, Values.toLong(n.textNode(" 42 ")));
        assertEquals(-7L, Values.toLong(n.textNode("-7")));
        assertNull(Values.toLong(n.textNode("4.2")));
        assertNull(Values.toLong(n.textNode("1234567890123456789"))); // 19 digits: not the anchor's int()
    }

    @Test
    void neverSamplerAnswersStayTheSameOnceCached() throws Exception {
        SamplerTable t = SamplerTable.bundled();
        for (int round = 0; round < 2; round++) {
            assertTrue(t.isNeverSampler("KSamplerSelect"));
            assertFalse(t.isNeverSampler("KSampler"));
        }
        // a real workflow's classes through the cache, twice, give the same answers
        var graph = LenientJson.parse(Files.readString(Fixtures.bundled("workflows/api/ce_lora_multiple.prompt.json")));
        for (var e : graph.properties()) {
            String cls = e.getValue().path("class_type").asText();
            assertEquals(t.isNeverSampler(cls), t.isNeverSampler(cls), cls);
        }
    }
}
