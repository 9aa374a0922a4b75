package com.samplerlens.cli;

import static com.samplerlens.testing.CliRun.runWithEnvironment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.app.kit.CoreInspectionService;
import com.samplerlens.app.kit.Inspection;
import com.samplerlens.app.kit.LoadedDocument;
import com.samplerlens.app.kit.OutputSettings;
import com.samplerlens.core.capture.FlatFields;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.fallback.MinimalParametersTrimmer;
import com.samplerlens.core.inspect.Choices;
import com.samplerlens.core.inspect.Pipeline;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.core.render.PyFormat;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.testing.CliRun;
import com.samplerlens.testing.Fixtures;
import com.samplerlens.testing.InfotextParsers;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13's "done when": for every fixture × max samplers {1, 2, 3} × {no variable, FORCE,
 * DISABLE, TEST_MODE, VERSION_OVERRIDE, a user rule file}, through the real commands in one process
 * with that environment:
 * <ul>
 *   <li>{@code inspect --json} parameters and Samplers detail equal what {@code write} wrote, read back;</li>
 *   <li>{@code stages --json --into} gives the size of the file {@code write} writes;</li>
 *   <li>the app's service (what its Output tab shows) gives the same parameters as {@code inspect};</li>
 *   <li>a naive reader (last line split on {@code ,} then {@code :}, as sd-parsers does) and A1111's
 *       quote-aware rule both read the source's flat Steps, Sampler, CFG scale, Seed and Model from the file written.</li>
 * </ul>
 * PNG, JPEG and WebP targets take turns over the combinations, so each fixture is written in every
 * format several times. The naive check leaves out METADATA_TEST_MODE files: that is the anchor's
 * one-key-per-line test form, not A1111's single parameter line.
 */
class OneCompositionMatrixTest {

    @TempDir static Path dir;

    private static Path png;
    private static Path jpeg;
    private static Path webp;
    private static Path noRules;
    private static Path userRules;

    @BeforeAll
    static void targets() throws Exception {
        png = dir.resolve("target.png");
        ImageIO.write(new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        jpeg = dir.resolve("target.jpg");
        ImageIO.write(new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg.toFile());
        webp = dir.resolve("target.webp");
        try (InputStream in = OneCompositionMatrixTest.class.getResourceAsStream("/com/samplerlens/fuzz/ContainerReaderFuzzTestInputs/webp/seed-wan-small.webp")) {
            Files.write(webp, in.readAllBytes());
        }
        noRules = Files.createDirectories(dir.resolve("no-rules"));
        Path rules = Files.createDirectories(dir.resolve("rules"));
        // the user's file wins over the bundled MODEL_NAME rule of CheckpointLoaderSimple, so the model disappears
        Files.writeString(rules.resolve("mine.json"), "{\"rules\": {\"CheckpointLoaderSimple\": {\"MODEL_NAME\": {\"field_name\": \"no_such_input\"}}}}");
        userRules = rules;
    }

    static Stream<Path> fixtures() {
        List<Path> all = new ArrayList<>();
        all.addAll(Fixtures.bundledIn("images"));
        all.addAll(Fixtures.bundledIn("workflows/api"));
        all.addAll(Fixtures.bundledIn("workflows/ui"));
        all.addAll(Fixtures.sharedIn("realworld"));
        // -Dmatrix.only=NAME runs the fixtures whose name contains NAME (when checking a change by hand)
        String only = System.getProperty("matrix.only");
        return all.stream().filter(p -> only == null || p.getFileName().toString().contains(only));
    }

    private static Map<String, Map<String, String>> environments() {
        Map<String, Map<String, String>> envs = new LinkedHashMap<>();
        envs.put("none", Map.of("SAMPLERLENS_RULES", noRules.toString()));
        envs.put("FORCE", Map.of("SAMPLERLENS_RULES", noRules.toString(), "METADATA_WAN_MOE_FORCE", "1"));
        envs.put("DISABLE", Map.of("SAMPLERLENS_RULES", noRules.toString(), "METADATA_WAN_MOE_DISABLE", "1"));
        envs.put("TEST_MODE", Map.of("SAMPLERLENS_RULES", noRules.toString(), "METADATA_TEST_MODE", "1"));
        envs.put("VERSION_OVERRIDE", Map.of("SAMPLERLENS_RULES", noRules.toString(), "METADATA_VERSION_OVERRIDE", "9.9.9-test"));
        envs.put("user rule file", Map.of("SAMPLERLENS_RULES", userRules.toString()));
        return envs;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void inspectStagesWriteAndTheAppAgree(Path fixture) throws Exception {
        int turn = 0;
        for (int max = 1; max <= 3; max++) {
            for (Map.Entry<String, Map<String, String>> env : environments().entrySet()) {
                Path target = List.of(png, jpeg, webp).get(turn++ % 3);
                check(fixture, max, env.getKey(), env.getValue(), target);
            }
        }
    }

    private void check(Path fixture, int max, String envName, Map<String, String> env, Path target) throws Exception {
        String what = fixture.getFileName() + ", max " + max + ", " + envName + ", into " + target.getFileName();
        String n = Integer.toString(max);
        CliRun inspect = runWithEnvironment(env, "inspect", "--json", "--max-samplers", n, fixture.toString());
        JsonNode shown = LenientJson.parse(inspect.out());
        Path out = dir.resolve("out-" + fixture.getFileName() + "." + target.getFileName().toString().replaceAll(".*\\.", ""));
        CliRun write = runWithEnvironment(env, "write", fixture.toString(), "--into", target.toString(), "--out", out.toString(),
                "--force", "--max-samplers", n);
        if (shown.has("error")) {
            // an unreadable source: one object with its error, and write fails on it too
            assertEquals(1, inspect.code(), what);
            assertEquals(1, write.code(), what + ": " + write.err());
            return;
        }
        assertEquals(0, inspect.code(), what + ": " + inspect.err());
        assertEquals(0, write.code(), what + ": " + write.err());

        CliRun stages = runWithEnvironment(env, "stages", "--json", "--max-samplers", n, "--into", target.toString(), fixture.toString());
        assertEquals(0, stages.code(), what + ": " + stages.err());
        JsonNode plan = LenientJson.parse(stages.out());
        String chosen = plan.path("chosen").isNull() ? null : plan.path("chosen").asText();
        long planned = -1;
        for (JsonNode row : plan.path("stages")) if (chosen == null || row.path("stage").asText().equals(chosen)) planned = row.path("file_bytes").asLong();
        assertEquals(Files.size(out), planned, what + ": stages --json file bytes and the file written");

        EmbeddedMetadata read = MetadataReaders.read(out);
        String parameters = shown.path("parameters").asText();
        String written = read.text(MetadataKeys.PARAMETERS).orElse(null);
        String stage = chosen == null ? "full" : chosen;
        switch (stage) {
            case "full" -> {
                assertEquals(parameters, written, what);
                JsonNode detail = shown.path("samplers_detail");
                String readDetail = read.text(MetadataKeys.SAMPLERS_DETAIL).orElse(null);
                if (detail.isNull() || detail.isMissingNode()) assertEquals(null, readDetail, what);
                else assertEquals(detail, LenientJson.parse(readDetail), what + ": Samplers detail");
            }
            case "reduced-exif" -> assertEquals(parameters + ", Metadata Fallback: reduced-exif", written, what);
            case "minimal" -> assertEquals(MinimalParametersTrimmer.trim(parameters) + ", Metadata Fallback: minimal", written, what);
            default -> assertTrue(written.endsWith("Metadata Fallback: com-marker"), what + ": " + written);
        }

        // the app's service, in the same environment and with the same number of samplers
        Pipeline pipeline = Pipeline.build(env, List.of(), null, null);
        CoreInspectionService app = new CoreInspectionService(pipeline);
        LoadedDocument doc = app.load(fixture);
        Inspection inspection = app.inspect(doc, TraceOptions.defaults().withMaxSamplers(max), OutputSettings.defaults());
        assertEquals(parameters, inspection.preview().parameters(), what + ": the app's Output tab");

        if (!envName.equals("TEST_MODE") && written != null && doc.graph().size() > 0) readersAgree(what, written, pipeline, fixture, max);
    }

    /** Both readers give the source's flat Steps, Sampler, CFG scale, Seed and Model from the text written. */
    private static void readersAgree(String what, String written, Pipeline pipeline, Path fixture, int max) throws UnreadableFileException {
        FlatFields flat = pipeline.inspect(pipeline.load(fixture), Choices.NONE.withMaxSamplers(max)).report().composed().flat();
        Map<String, String> naive = InfotextParsers.naive(written);
        Map<String, String> a1111 = InfotextParsers.a1111(written);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("Steps", flat.steps() == null ? null : flat.steps().toString());
        expected.put("Seed", flat.seed() == null ? null : PyFormat.str(flat.seed()));
        expected.put("Model", flat.model());
        expected.put("CFG scale", flat.cfg() == null ? null : PyFormat.str(flat.cfg()));
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue(), a1111.get(e.getKey()), what + ": A1111's reading of " + e.getKey() + " in " + written);
            assertEquals(e.getValue(), naive.get(e.getKey()), what + ": a naive reading of " + e.getKey() + " in " + written);
        }
        assertEquals(a1111.get("Sampler"), naive.get("Sampler"), what + ": Sampler");
        if (flat.sampler() != null && !flat.sampler().isEmpty() && a1111.get("Sampler") == null) fail(what + ": no Sampler read from " + written);
    }

}
