package com.samplerlens.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.capture.SamplerFields;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.inspect.InspectOptions;
import com.samplerlens.core.inspect.InspectReport;
import com.samplerlens.core.inspect.Inspector;
import com.samplerlens.core.inspect.LoadedSource;
import com.samplerlens.core.inspect.SourceLoader;
import com.samplerlens.core.inspect.SourceTexts;
import com.samplerlens.core.render.NodeCaptures.Capture;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Which node each written key came from, on real files. Literals are read by hand from the
 * fixtures' API prompts (python3 json): ce_lora.png is CheckpointLoaderSimple 4
 * (v1-5-pruned-emaonly.ckpt) → LoraLoader 10 (epiNoiseoffset_v2.safetensors, 1.0 / 1.0) →
 * KSampler 3 (seed 851616030078638, 20 steps, cfg 8.0, euler/normal), prompts CLIPTextEncode 6
 * and 7, EmptyLatentImage 5 (512×512); the Wan2.2 14B pair is UNETLoader 37 (high noise) →
 * ModelSamplingSD3 54 (shift 8.000000000000002) → KSamplerAdvanced 57 (steps 0–10) and
 * UNETLoader 56 (low noise) → ModelSamplingSD3 55 (shift 8.0) → KSamplerAdvanced 58 (10–10000).
 */
class NodeCapturesTest {

    private static final SourceLoader LOADER = new SourceLoader(NodeDefinitions.bundled());
    private static final Inspector INSPECTOR = Inspector.bundled();

    private static InspectReport inspect(Path file, TraceOptions trace) throws UnreadableFileException {
        LoadedSource src = LOADER.load(file);
        return INSPECTOR.inspect(src.graph(), new SourceTexts(src.prompt(), src.workflow(), src.parameters()),
                InspectOptions.defaults().withTrace(trace));
    }

    @Test
    void everyNodeOfTheLoraImageListsWhatItGave() throws Exception {
        InspectReport r = inspect(Fixtures.bundled("images/ce_lora.png"), TraceOptions.defaults());
        NodeCaptures captures = r.nodeCaptures(RenderOptions.defaults());
        var flat = r.composed().flat();

        assertEquals(List.of(new Capture("Lora_0 Model name", "epiNoiseoffset_v2.safetensors", null),
                new Capture("Lora_0 Strength model", "1.0", null), new Capture("Lora_0 Strength clip", "1.0", null)), captures.of("10"));
        assertEquals(flat.loras().getFirst().name(), captures.of("10").getFirst().value());
        assertEquals(List.of(new Capture("Model", "v1-5-pruned-emaonly.ckpt", null)), captures.of("4"));
        assertEquals(flat.model(), captures.of("4").getFirst().value());
        assertEquals(List.of(new Capture("Positive prompt", "masterpiece best quality girl", null)), captures.of("6"));
        assertEquals(flat.positive(), captures.of("6").getFirst().value());
        assertEquals(List.of(new Capture("Negative prompt", "bad hands", null)), captures.of("7"));
        assertEquals(flat.negative(), captures.of("7").getFirst().value());
        assertEquals(List.of(new Capture("Size", "512x512", null)), captures.of("5"));
        assertEquals(List.of("Steps", "Sampler", "CFG scale", "Denoise", "Seed"), captures.of("3").stream().map(Capture::label).toList());
        assertTrue(captures.of("3").contains(new Capture("Seed", "851616030078638", null)));
        assertTrue(captures.of("3").contains(new Capture("Sampler", "euler_normal", null)));
        assertEquals(flat.seed().asText(), value(captures.of("3"), "Seed"));
        assertTrue(captures.of("8").isEmpty(), "VAEDecode gives no value: " + captures.of("8"));
        assertTrue(captures.of("9").isEmpty(), "SaveImage gives no value: " + captures.of("9"));
        assertWritten(r, captures);
    }

    @Test
    void eachSamplerOfTheWanPairKeepsItsOwnNodes() throws Exception {
        InspectReport r = inspect(Fixtures.bundled("workflows/api/ce_wan22_text_to_video_wan22_14B.prompt.json"),
                TraceOptions.defaults().withMaxSamplers(2));
        NodeCaptures captures = r.nodeCaptures(RenderOptions.defaults());
        List<SamplerFields> samplers = r.composed().samplers();
        assertEquals(List.of("57", "58"), samplers.stream().map(SamplerFields::nodeId).toList());

        assertTrue(captures.of("37").contains(new Capture("model", "wan2.2_t2v_high_noise_14B_fp8_scaled.safetensors", 1)), captures.of("37").toString());
        assertTrue(captures.of("56").contains(new Capture("model", "wan2.2_t2v_low_noise_14B_fp8_scaled.safetensors", 2)), captures.of("56").toString());
        assertFalse(captures.of("37").stream().anyMatch(c -> Integer.valueOf(2).equals(c.sampler())), "the high-noise loader feeds Sampler_1 only");
        assertEquals(samplers.get(0).model(), samplerValue(captures.of("37"), "model", 1));
        assertEquals(samplers.get(1).model(), samplerValue(captures.of("56"), "model", 2));

        assertEquals(List.of(new Capture("shift", "8.000000000000002", 1)), captures.of("54").stream().filter(c -> c.sampler() != null).toList());
        assertEquals(List.of(new Capture("shift", "8.0", 2)), captures.of("55").stream().filter(c -> c.sampler() != null).toList());

        assertEquals("0", samplerValue(captures.of("57"), "start", 1));
        assertEquals("10", samplerValue(captures.of("57"), "end", 1));
        assertEquals("738226772790037", samplerValue(captures.of("57"), "seed", 1));
        assertEquals("10", samplerValue(captures.of("58"), "start", 2));
        assertEquals(samplers.get(1).endStep().toString(), samplerValue(captures.of("58"), "end", 2)); // 10000 = to the last step
        assertEquals("20", samplerValue(captures.of("58"), "end", 2));
        assertTrue(captures.of("57").stream().noneMatch(c -> Integer.valueOf(2).equals(c.sampler())));
        assertTrue(captures.of("6").contains(new Capture("Positive prompt", r.composed().flat().positive(), null)));
        assertTrue(r.composed().flat().positive().startsWith("a robot is running through a futuristic cyberpunk city"));
        assertWritten(r, captures);
    }

    /**
     * kijai's Wan2.2 I2V workflow links steps and the split from constants (read with python3 from
     * the workflow's links): INTConstant 94 (6) feeds both samplers' steps, INTConstant 91 (3) is
     * WanVideoSampler 27's end_step and 90's start_step. The constant holding a value lists it,
     * as does the sampler whose capture rule read it.
     */
    @Test
    void aLinkedConstantListsTheValuesItHolds() throws Exception {
        InspectReport r = inspect(Fixtures.bundled("workflows/ui/kj_wanvideo_2_2_I2V_A14B_example_WIP.json"),
                TraceOptions.defaults().withMaxSamplers(2));
        NodeCaptures captures = r.nodeCaptures(RenderOptions.defaults());
        assertEquals(List.of("27", "90"), r.composed().samplers().stream().map(SamplerFields::nodeId).toList());
        assertEquals("6", samplerValue(captures.of("94"), "steps", 1));
        assertEquals("6", samplerValue(captures.of("94"), "steps", 2));
        assertEquals(List.of(new Capture("end", "3", 1), new Capture("start", "3", 2)), captures.of("91"));
        assertEquals("3", samplerValue(captures.of("27"), "end", 1));
        assertEquals("3", samplerValue(captures.of("90"), "start", 2));
        assertWritten(r, captures);
    }

    /** The bundled files with a ComfyUI graph (not the A1111, Fooocus and NovelAI images). */
    static Stream<Path> comfyFiles() {
        return Stream.of("images", "workflows/api", "workflows/ui").flatMap(f -> Fixtures.bundledIn(f).stream())
                .filter(p -> !p.getFileName().toString().matches("sdp_(automatic1111|fooocus|novelai).*"));
    }

    /** On every ComfyUI file, with every sampler traced: each listed key is in the text with that value. */
    @ParameterizedTest
    @MethodSource("comfyFiles")
    void everyCaptureIsWrittenAsListed(Path file) throws Exception {
        InspectReport r = inspect(file, TraceOptions.defaults().withMaxSamplers(TraceOptions.MAX_SAMPLERS_LIMIT));
        NodeCaptures captures = r.nodeCaptures(RenderOptions.defaults());
        assertWritten(r, captures);
        if (!r.composed().samplers().isEmpty()) assertFalse(captures.byNode().isEmpty(), file + ": a traced sampler gives values");
        for (String id : captures.byNode().keySet()) assertTrue(r.graph().contains(id), file + ": node " + id);
    }

    private static void assertWritten(InspectReport r, NodeCaptures captures) {
        String text = r.bundle().parameters();
        for (Map.Entry<String, List<Capture>> e : captures.byNode().entrySet()) {
            for (Capture c : e.getValue()) {
                // inside a single-line Sampler_N value a field is written key=value (docs/parameters-format.md)
                String line = c.label().equals("Positive prompt") ? c.value() : c.label() + (c.sampler() == null ? ": " : "=") + c.value();
                String where = c.sampler() == null ? text : samplerKey(text, c.sampler());
                assertTrue(where.contains(line), "node " + e.getKey() + " " + c + " not in " + where);
            }
        }
    }

    /** The value of the {@code Sampler_N: "…"} key. */
    private static String samplerKey(String text, int n) {
        int at = text.indexOf("Sampler_" + n + ": \"");
        assertTrue(at >= 0, "no Sampler_" + n + " in " + text);
        int start = at + ("Sampler_" + n + ": \"").length();
        return text.substring(start, text.indexOf('"', start));
    }

    private static String value(List<Capture> list, String label) {
        return list.stream().filter(c -> c.label().equals(label) && c.sampler() == null).map(Capture::value).findFirst().orElse(null);
    }

    private static String samplerValue(List<Capture> list, String label, int sampler) {
        return list.stream().filter(c -> c.label().equals(label) && Integer.valueOf(sampler).equals(c.sampler()))
                .map(Capture::value).findFirst().orElse(null);
    }
}
