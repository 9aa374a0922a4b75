package com.samplerlens.core.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.inspect.Choices;
import com.samplerlens.core.inspect.Pipeline;
import com.samplerlens.testing.InfotextParsers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/parameters-format.md: values that would break a reader are quoted or escaped, never changed. */
class ReaderSafeValuesTest {

    @TempDir Path dir;

    @Test
    void aValueThatLooksLikeMoreKeysIsQuotedAsA1111Does() {
        assertEquals("plain.safetensors", ParametersRenderer.value(" plain.safetensors "));
        assertEquals("a, b", ParametersRenderer.value("a, b"), "a comma without a key after it is harmless");
        assertEquals("\"odd, Seed: 999.safetensors\"", ParametersRenderer.value("odd, Seed: 999.safetensors"));
        assertEquals("\"two\\nlines\"", ParametersRenderer.value("two\nlines"));
        assertEquals("\"x Metadata Fallback: minimal\"", ParametersRenderer.value("x Metadata Fallback: minimal"));
    }

    @Test
    void insideASamplerValueEscapesArePercentCodesThatDecodeBack() {
        String raw = "50% off, really; \"quoted\": yes\nnext";
        String escaped = ParametersRenderer.inlineEscape(raw);
        assertFalse(escaped.contains(", ") || escaped.contains(": ") || escaped.contains(";") || escaped.contains("\"") || escaped.contains("\n"), escaped);
        assertEquals(raw, URLDecoder.decode(escaped.replace("+", "%2B"), StandardCharsets.UTF_8));
        assertEquals("lora:0.8", ParametersRenderer.inlineEscape("lora:0.8"), "a colon without a space stays");
    }

    @Test
    void anA1111ReaderReadsAnOddModelNameAndTheRealSeed() throws Exception {
        String prompt = """
            {"1": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "odd, Seed: 999.safetensors"}},
             "2": {"class_type": "EmptyLatentImage", "inputs": {"width": 64, "height": 64, "batch_size": 1}},
             "5": {"class_type": "CLIPTextEncode", "inputs": {"text": "a cat, style: oil", "clip": ["1", 1]}},
             "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "blurry", "clip": ["1", 1]}},
             "3": {"class_type": "KSampler", "inputs": {"seed": 42, "steps": 4, "cfg": 7.0, "sampler_name": "euler", "scheduler": "normal",
                   "denoise": 1.0, "model": ["1", 0], "positive": ["5", 0], "negative": ["6", 0], "latent_image": ["2", 0]}},
             "4": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["1", 2]}},
             "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "x", "images": ["4", 0]}}}""";
        Path json = Files.writeString(dir.resolve("odd.json"), prompt);
        Pipeline p = Pipeline.build(Map.of(), List.of(), null, null);
        String text = p.inspect(p.load(json), Choices.NONE).bundle().parameters();
        Map<String, String> read = InfotextParsers.a1111(text);
        assertEquals("odd, Seed: 999.safetensors", read.get("Model"), text);
        assertEquals("42", read.get("Seed"), text);
        assertTrue(text.startsWith("a cat, style: oil\nNegative prompt: blurry\n"), text);
    }
}
