package com.samplerlens.core.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.json.LenientJson;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MinimalParametersTrimmerTest {

    /** The anchor's single-line form with multi-sampler keys (values invented, format per SPEC §3). */
    static final String SINGLE_LINE = """
            a fox in the snow, tracking camera
            Negative prompt: blurry, static
            Steps: 8, Sampler: dpmpp_2m_karras, CFG scale: 1.0, Denoise: 1.0, Seed: 706190577933098, Size: 832x480, \
            Model: wan_high.safetensors, Model hash: 5519e566e6, Weight dtype: fp8_e4m3fn, VAE: wan_2.1_vae.safetensors, \
            VAE hash: 2fc39d3135, Shift: 8.0, Lora_0 Model name: light.safetensors, Lora_0 Model hash: 37d4921854, \
            Lora_0 Strength model: 1.0, CLIP_1 Model name: umt5_xxl, Lora hashes: "light: 37d4921854, style: 0a1b2c3d4e", \
            Samplers: High[0-4] euler/simple; Low[4-8] euler/simple, \
            Sampler_1: "Model: wan_high.safetensors, Steps: 8, Start step: 0, End step: 4, Seed: 11", \
            Sampler_2: "Model: wan_low.safetensors, Steps: 8, Start step: 4, End step: 8, Seed: 12", \
            Hashes: {"model": "5519e566e6", "vae": "2fc39d3135", "lora:light": "37d4921854"}, Metadata generator version: 1.4.2
            """;

    @Test
    void singleLineKeepsTheAllowlistAndTheWholeHashesJson() throws Exception {
        String trimmed = MinimalParametersTrimmer.trim(SINGLE_LINE);
        assertEquals("""
                a fox in the snow, tracking camera
                Negative prompt: blurry, static
                Steps: 8, Sampler: dpmpp_2m_karras, CFG scale: 1.0, Seed: 706190577933098, \
                Model: wan_high.safetensors, Model hash: 5519e566e6, VAE: wan_2.1_vae.safetensors, \
                VAE hash: 2fc39d3135, Lora_0 Model name: light.safetensors, Lora_0 Model hash: 37d4921854, \
                Lora_0 Strength model: 1.0, \
                Hashes: {"model": "5519e566e6", "vae": "2fc39d3135", "lora:light": "37d4921854"}, Metadata generator version: 1.4.2""",
                trimmed);
        Matcher m = Pattern.compile("Hashes: (\\{.*?\\})").matcher(trimmed);
        assertTrue(m.find());
        JsonNode hashes = LenientJson.parse(m.group(1));
        assertEquals(3, hashes.size());
        assertEquals("37d4921854", hashes.get("lora:light").asText());
    }

    @Test
    void aQuotedPerSamplerValueNeverLeaksItsInnerKeys() {
        String text = "p\nNegative prompt: \nSteps: 30, Sampler_1: \"Steps: 4, Seed: 99\", Seed: 1, Metadata generator version: 1.0";
        assertEquals("p\nNegative prompt: \nSteps: 30, Seed: 1, Metadata generator version: 1.0",
                MinimalParametersTrimmer.trim(text, false));
    }

    @Test
    void multilineDropsSamplerBlocksAndKeepsOneKeyPerLine() {
        String text = """
                a fox
                Negative prompt: blurry
                Steps: 8
                Sampler: euler_simple
                Denoise: 1.0
                Seed: 5
                Model: high.safetensors
                Size: 832x480
                Lora_0 Model name: light.safetensors
                Samplers: High[0-4] euler/simple; Low[4-8] euler/simple
                Sampler_1:
                Model: high.safetensors
                Steps: 8
                Seed: 11
                Sampler_2:
                Model: low.safetensors
                Seed: 12
                Hashes: {"model": "5519e566e6", "vae": "2fc39d3135"}
                Metadata generator version: 1.4.2
                """;
        assertTrue(MinimalParametersTrimmer.isMultiline(text));
        assertEquals("""
                a fox
                Negative prompt: blurry
                Steps: 8
                Sampler: euler_simple
                Seed: 5
                Model: high.safetensors
                Lora_0 Model name: light.safetensors
                Hashes: {"model": "5519e566e6", "vae": "2fc39d3135"}
                Metadata generator version: 1.4.2""", MinimalParametersTrimmer.trim(text));
    }

    @Test
    void tellsSingleLineFromMultiline() {
        assertFalse(MinimalParametersTrimmer.isMultiline(SINGLE_LINE));
        assertFalse(MinimalParametersTrimmer.isMultiline("a cat\nNegative prompt: Steps: 4"));
        assertTrue(MinimalParametersTrimmer.isMultiline("a cat\nNegative prompt: \nSteps: 4\nSeed: 1\n"));
    }

    @Test
    void aPromptLineWithCommaAndColonIsNeverCut() {
        // The anchor (anchor-behaviour.md §7.4) takes such a prompt line for the parameter line and
        // cuts it; here the last line alone is the parameter line, as A1111 reads it.
        String text = "portrait, style: oil\nNegative prompt: \nSteps: 20, Size: 512x512, Seed: 3";
        assertEquals("portrait, style: oil\nNegative prompt: \nSteps: 20, Seed: 3", MinimalParametersTrimmer.trim(text, false));
    }

    @Test
    void crLfAndTrailingBreaksAreNormalised() {
        assertEquals("cat\nNegative prompt: \nSteps: 20, Seed: 3",
                MinimalParametersTrimmer.trim("cat\r\nNegative prompt: \r\nSteps: 20, Size: 1x1, Seed: 3\r\n\n", false));
    }

    @Test
    void aStrayQuoteDoesNotSwallowTheRestOfTheLine() {
        assertEquals("x\nSteps: 20, Model: a\"b, Seed: 3",
                MinimalParametersTrimmer.trim("x\nSteps: 20, Model: a\"b, Size: 1x1, Seed: 3", false));
    }

    @Test
    void emptyTextStaysEmpty() {
        assertEquals("", MinimalParametersTrimmer.trim("\n", false));
    }
}
