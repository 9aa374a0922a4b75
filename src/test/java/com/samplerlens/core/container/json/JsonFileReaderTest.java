package com.samplerlens.core.container.json;

import static com.samplerlens.core.container.TestBytes.*;
import static org.junit.jupiter.api.Assertions.*;

import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JsonFileReaderTest {
    private static final Path NAME = Path.of("w.json");

    @Test
    void uiWorkflowFile() throws Exception {
        Path f = Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json");
        EmbeddedMetadata m = JsonFileReader.read(f, read(f));
        assertEquals(ContainerFormat.JSON, m.format());
        assertEquals("workflow", m.entries().getFirst().key());
        assertEquals("file", m.entries().getFirst().location());
        assertEquals(readUtf8(f), m.text("workflow").orElseThrow());
    }

    @Test
    void apiPromptFile() throws Exception {
        Path f = Fixtures.bundled("workflows/api/ce_flux_dev_example.prompt.json");
        EmbeddedMetadata m = JsonFileReader.read(f, read(f));
        assertEquals(readUtf8(f), m.text("prompt").orElseThrow());
    }

    @Test
    void wrappedPromptWithNanGivesTheInnerObjectVerbatim() throws Exception {
        String inner = "{\"3\": {\"class_type\": \"KSampler\", \"inputs\": {\"cfg\": NaN, \"denoise\": Infinity, \"steps\": 7.0}}}";
        String file = "{\"client_id\": \"x\", \"prompt\": " + inner + ", \"extra\": {\"prompt\": 1}}";
        EmbeddedMetadata m = JsonFileReader.read(NAME, utf8(file));
        assertEquals(inner, m.text("prompt").orElseThrow());
    }

    @Test
    void invalidJsonNamesTheFileAndThePlace() {
        var e = assertThrows(UnreadableFileException.class, () -> JsonFileReader.read(NAME, utf8("{\"nodes\": [1, 2,, 3]}")));
        assertTrue(e.getMessage().startsWith("w.json: invalid JSON: "), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void jsonThatIsNeitherIsRefused() {
        var e = assertThrows(UnreadableFileException.class, () -> JsonFileReader.read(NAME, utf8("{\"steps\": 20, \"sampler\": \"euler\"}")));
        assertEquals("w.json: not a ComfyUI workflow or prompt", e.getMessage());
    }
}
