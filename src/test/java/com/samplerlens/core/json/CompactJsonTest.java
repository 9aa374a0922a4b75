package com.samplerlens.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.samplerlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CompactJsonTest {

    @Test
    void dropsWhitespaceBetweenTokensOnly() {
        assertEquals("{\"a b\":[1,2],\"c\":7.0,\"d\":1e-05}",
                CompactJson.of("{ \"a b\" : [1, 2],\n  \"c\": 7.0, \"d\": 1e-05 }"));
    }

    @Test
    void escapesNonAsciiAsPythonDoes() {
        assertEquals("[\"\\u00e9\\u8272\\ud83d\\ude00\",\"q\\\"x\"]", CompactJson.of("[\"é色😀\", \"q\\\"x\"]"));
    }

    @Test
    void matchesPythonJsonDumpsOnARealWorkflow() throws Exception {
        Path wf = Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_5B.json");
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c",
                    "import json,sys; sys.stdout.write(json.dumps(json.load(open(sys.argv[1], encoding='utf-8')), separators=(',', ':')))",
                    wf.toString()).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "python3 is not installed");
            return;
        }
        String expected = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        org.junit.jupiter.api.Assumptions.assumeTrue(p.exitValue() == 0);
        assertEquals(expected, CompactJson.of(Files.readString(wf)));
    }
}
