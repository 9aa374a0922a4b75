package com.samplerlens.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.samplerlens.core.render.RenderOptions;
import com.samplerlens.core.trace.TestGraphs;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The anchor check: the parameters SamplerLens renders from the prompt chunk of a real
 * SaveImageWithMetaDataUniversal output (v1.3.0) against the file's own parameters chunk.
 */
class AnchorWan21Test {

    @Test
    void rendersTheFilesOwnParametersKeyForKeyExceptDocumentedDifferences() throws Exception {
        Path png = Fixtures.shared("images/xx_Wan21_00006_.png");
        String own = TestGraphs.pngText(png, "parameters");
        SourceTexts source = new SourceTexts(TestGraphs.pngText(png, "prompt"), TestGraphs.pngText(png, "workflow"), own);
        InspectReport r = Inspector.bundled().inspect(TestGraphs.png(png), source,
                InspectOptions.defaults().withRender(new RenderOptions(false, false, "1.3.0")));
        String ours = r.bundle().parameters();

        String[] a = own.split("\n");
        String[] b = ours.split("\n");
        assertEquals(3, b.length, ours);
        assertEquals(a[0], b[0]); // positive prompt
        assertEquals(a[1], b[1]); // Chinese negative prompt
        Map<String, String> theirs = keys(a[2]);
        Map<String, String> mine = keys(b[2]);
        Map<String, String> diff = new TreeMap<>();
        for (String k : theirs.keySet()) if (!theirs.get(k).equals(mine.get(k))) diff.put(k, theirs.get(k) + " -> " + mine.get(k));
        for (String k : mine.keySet()) if (!theirs.containsKey(k)) diff.put(k, "null -> " + mine.get(k));
        // v1.3.0 wrote "dpmpp_2m Karras"; the 1.4.2 code (anchor §5.3) writes sampler_scheduler lower-cased.
        // 1.4.2's KSampler rule captures denoise, which v1.3.0 did not write.
        // The anchor has no rule for EmptyHunyuanLatentVideo (Wan's latent); SamplerLens reads its size.
        assertEquals(Map.of("Sampler", "dpmpp_2m Karras -> dpmpp_2m_karras", "Denoise", "null -> 1.0", "Size", "null -> 800x448"), diff);
        assertEquals(new java.util.ArrayList<>(theirs.keySet()), new java.util.ArrayList<>(mine.keySet()).stream().filter(theirs::containsKey).toList());
        assertEquals(source.prompt(), r.bundle().prompt());
    }

    /** Splits "K: v, K2: v2" keeping the Hashes JSON whole. */
    static Map<String, String> keys(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        int i = 0;
        while (i < line.length()) {
            int colon = line.indexOf(": ", i);
            String key = line.substring(i, colon);
            int start = colon + 2;
            int end;
            if (line.startsWith("{", start)) end = line.indexOf('}', start) + 1;
            else if (line.startsWith("\"", start)) end = line.indexOf('"', start + 1) + 1;
            else end = line.indexOf(", ", start) < 0 ? line.length() : line.indexOf(", ", start);
            m.put(key, line.substring(start, end));
            i = end + 2;
        }
        return m;
    }
}
