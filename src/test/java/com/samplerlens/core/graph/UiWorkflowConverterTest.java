package com.samplerlens.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UiWorkflowConverterTest {

    private static final NodeDefinitions DEFS = NodeDefinitions.bundled();

    static JsonNode json(Path p) throws Exception {
        return LenientJson.parse(Files.readString(p));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_wan22_text_to_video_wan22_14B", "ce_wan22_image_to_video_wan22_14B"})
    void uiWorkflowConvertsToTheSameGraphAsComfyUisOwnPrompt(String name) throws Exception {
        Graph prompt = ApiPromptLoader.load(json(Fixtures.bundled("workflows/api/" + name + ".prompt.json")), new ArrayList<>());
        var converted = UiWorkflowConverter.convert(json(Fixtures.bundled("workflows/ui/" + name + ".json")), DEFS);
        assertEquals(List.of(), GraphEquivalence.differences(prompt, converted.graph(), Set.of()));
        assertEquals(prompt.size(), converted.graph().size(), "no extra nodes (notes and muted nodes dropped)");
    }
}
