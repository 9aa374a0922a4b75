package com.samplerlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.testing.CliRun;
import com.samplerlens.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --models DIR} on a models folder holding small stand-ins for the two files ce_lora.png
 * names (read from its prompt chunk: CheckpointLoaderSimple "v1-5-pruned-emaonly.ckpt", LoraLoader
 * "epiNoiseoffset_v2.safetensors"). Expected hashes come from MessageDigest over the bytes the test
 * wrote, checked against sha256sum where it is installed.
 */
class ModelsOptionTest {

    private static final Path LORA_PNG = Fixtures.bundled("images/ce_lora.png");

    @TempDir Path dir;
    private Path models;
    private String checkpointSha;
    private String loraSha;

    @BeforeEach
    void modelsFolder() throws Exception {
        models = Files.createDirectories(dir.resolve("models"));
        Path checkpoint = models.resolve("checkpoints/v1-5-pruned-emaonly.ckpt");
        Path lora = models.resolve("loras/epiNoiseoffset_v2.safetensors");
        checkpointSha = write(checkpoint, 1, 5 * 1024 * 1024 + 3);
        loraSha = write(lora, 2, 70_001);
        assertEquals(checkpointSha, sha256sumOr(checkpoint, checkpointSha));
        assertEquals(loraSha, sha256sumOr(lora, loraSha));
    }

    @Test
    void inspectJsonShowsTheHashesInTheParameters() throws Exception {
        var r = CliRun.run("inspect", "--json", "--models", models.toString(), LORA_PNG.toString());
        assertEquals(0, r.code(), r.err());
        String parameters = LenientJson.parse(r.out()).path("parameters").asText();
        assertTrue(parameters.contains("Model hash: " + checkpointSha.substring(0, 10)), parameters);
        assertTrue(parameters.contains("Lora_0 Model hash: " + loraSha.substring(0, 10)), parameters);
        JsonNode hashes = hashesOf(parameters);
        assertEquals(checkpointSha.substring(0, 10), hashes.path("model").asText());
        assertEquals(loraSha.substring(0, 10), hashes.path("lora:epiNoiseoffset_v2").asText());
        // the full digests are cached beside the models
        assertEquals(checkpointSha, Files.readString(models.resolve("checkpoints/v1-5-pruned-emaonly.sha256")).strip());
        assertEquals(loraSha, Files.readString(models.resolve("loras/epiNoiseoffset_v2.sha256")).strip());
    }

    @Test
    void withoutTheOptionThereAreNoHashes() {
        var r = CliRun.run("inspect", "--json", LORA_PNG.toString());
        assertFalse(r.out().contains("Model hash"), r.out());
        assertFalse(Files.exists(models.resolve("checkpoints/v1-5-pruned-emaonly.sha256")));
    }

    @Test
    void samplersDetailCarriesTheModelHash() throws Exception {
        var r = CliRun.run("inspect", "--json", "--force-multi", "--models", models.toString(), LORA_PNG.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode detail = LenientJson.parse(r.out()).path("samplers_detail");
        assertTrue(detail.toString().contains("\"model_hash\":\"" + checkpointSha.substring(0, 10) + "\""), detail.toString());
        assertTrue(detail.toString().contains("\"hash\":\"" + loraSha.substring(0, 10) + "\""), detail.toString());
    }

    @Test
    void writeWithoutEditOptionsRendersTheHashesIn() throws Exception {
        Path out = dir.resolve("out.png");
        var r = CliRun.run("write", "--models", models.toString(), LORA_PNG.toString(), "--into", LORA_PNG.toString(),
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String parameters = MetadataReaders.read(out).text(MetadataKeys.PARAMETERS).orElseThrow();
        assertTrue(parameters.contains("Model hash: " + checkpointSha.substring(0, 10)), parameters);
        assertTrue(parameters.contains("Lora_0 Model hash: " + loraSha.substring(0, 10)), parameters);
    }

    @Test
    void writeWithEditsAlsoUsesTheFolder() throws Exception {
        Path out = dir.resolve("edited.png");
        var r = CliRun.run("write", "--models", models.toString(), "--set", "Steps=31", LORA_PNG.toString(),
                "--into", LORA_PNG.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String parameters = MetadataReaders.read(out).text(MetadataKeys.PARAMETERS).orElseThrow();
        assertTrue(parameters.contains("Steps: 31") && parameters.contains("Model hash: " + checkpointSha.substring(0, 10)), parameters);
    }

    @Test
    void stagesMeasureTheHashesToo() throws Exception {
        var plain = CliRun.run("stages", "--json", LORA_PNG.toString());
        var hashed = CliRun.run("stages", "--json", "--models", models.toString(), LORA_PNG.toString());
        assertEquals(0, hashed.code(), hashed.err());
        long without = LenientJson.parse(plain.out()).path("stages").path(0).path("metadata_bytes").asLong();
        long with = LenientJson.parse(hashed.out()).path("stages").path(0).path("metadata_bytes").asLong();
        // ", Model hash: " + 10 hex, ", Lora_0 Model hash: " + 10 hex and the Hashes JSON at least
        assertTrue(with >= without + 2 * 10 + ", Model hash: ".length() + ", Lora_0 Model hash: ".length(), without + " → " + with);
    }

    @Test
    void aMissingFolderIsAUsageError() {
        var r = CliRun.run("inspect", "--models", dir.resolve("nope").toString(), LORA_PNG.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--models") && r.err().contains("nope"), r.err());
    }

    /** The {@code Hashes: {...}} JSON of a parameters text (one line, so it ends at the next "}, " or the end). */
    private static JsonNode hashesOf(String parameters) throws Exception {
        int at = parameters.indexOf("Hashes: {");
        assertTrue(at >= 0, parameters);
        int end = parameters.indexOf('}', at);
        return LenientJson.parse(parameters.substring(at + "Hashes: ".length(), end + 1));
    }

    private static String write(Path file, long seed, int size) throws Exception {
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        Files.write(file, bytes);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** What sha256sum says, or {@code otherwise} when it is not installed. */
    static String sha256sumOr(Path file, String otherwise) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return otherwise;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assumeTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out.substring(0, 64);
    }
}
