package com.samplerlens.cli;

import static com.samplerlens.testing.CliRun.run;

import com.samplerlens.testing.CliRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user rule file changes what is captured, through the real CLI. */
class UserRulesCommandTest {

    @TempDir Path dir;



    @Test
    void aCaptureRuleFileOnTopChangesTheCapturedModel() throws Exception {
        String lora = Fixtures.bundled("images/ce_lora.png").toString();
        JsonNode before = LenientJson.parse(run("inspect", lora, "--json").out());
        // ce_lora.png: CheckpointLoaderSimple 4 has ckpt_name v1-5-pruned-emaonly.ckpt
        assertEquals("v1-5-pruned-emaonly.ckpt", before.at("/samplers/0/fields/model").asText());

        // The user's file replaces the bundled MODEL_NAME rule of that class with one reading an input the
        // node does not have, so the model disappears: proof that the user's file wins over the bundled one.
        Path rules = Files.writeString(dir.resolve("mine.json"),
                "{\"rules\": {\"CheckpointLoaderSimple\": {\"MODEL_NAME\": {\"field_name\": \"no_such_input\"}}}}");
        CliRun after = run("inspect", lora, "--json", "--rules", rules.toString());
        assertEquals(0, after.code(), after.err());
        assertFalse(LenientJson.parse(after.out()).at("/samplers/0/fields").has("model"), after.out());
    }

    @Test
    void aBrokenRuleFileIsOneLineNamingIt() throws Exception {
        Path rules = Files.writeString(dir.resolve("broken.json"), "{\"rules\": {");
        CliRun r = run("inspect", Fixtures.bundled("images/ce_lora.png").toString(), "--rules", rules.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("broken.json"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aTypoInAUserRuleIsOneClearErrorWhenItLoads() throws Exception {
        String lora = Fixtures.bundled("images/ce_lora.png").toString();
        Map<String, String> typos = Map.of(
                "{\"rules\": {\"CheckpointLoaderSimple\": {\"MODEL_NAME\": {\"feild_name\": \"ckpt_name\"}}}}",
                "rule CheckpointLoaderSimple.MODEL_NAME: unknown key 'feild_name' (known: field_name, fields, format, prefix, scope, selector, validate)",
                "{\"rules\": {\"CheckpointLoaderSimple\": {\"MODEL_HASH\": {\"field_name\": \"ckpt_name\", \"format\": \"modelhash\"}}}}",
                "rule CheckpointLoaderSimple.MODEL_HASH: unknown format 'modelhash'",
                "{\"rules\": {\"CheckpointLoaderSimple\": {\"MODEL_NAM\": {\"field_name\": \"ckpt_name\"}}}}",
                "rule CheckpointLoaderSimple.MODEL_NAM: no such field",
                "{\"rule\": {\"CheckpointLoaderSimple\": {\"MODEL_NAME\": {\"field_name\": \"ckpt_name\"}}}}",
                "unknown top-level key 'rule'");
        int i = 0;
        for (var e : typos.entrySet()) {
            Path rules = Files.writeString(dir.resolve("typo" + i++ + ".json"), e.getKey());
            for (String command : List.of("inspect", "stages")) {
                CliRun r = run(command, lora, "--rules", rules.toString());
                assertEquals(1, r.code(), r.err());
                assertEquals(1, r.err().strip().lines().count(), r.err());
                assertTrue(r.err().contains(rules.getFileName().toString()) && r.err().contains(e.getValue()), r.err());
            }
        }
    }
}
