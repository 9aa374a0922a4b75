package com.samplerlens.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.json.LenientJson;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The names of a legacy group node's face values, read from a real workflow's group definition. */
class GroupNodesTest {

    @Test
    void namesEachValueOfTheHiDreamIp2pSamplerInstance() throws Exception {
        // extra.groupNodes.IP2PSampler: KSamplerSelect, RandomNoise, Reroute, BasicScheduler, 2 Reroutes,
        // InstructPixToPixConditioning, DualCFGGuider, SamplerCustomAdvanced. Instance 37 stores
        // ["euler", 850933585641497, "randomize", "normal", 20, 1, 5, 2]: "randomize" is the seed's
        // control_after_generate, which the frontend keeps for itself.
        var m = MetadataReaders.read(RealWorldGraphTest.realworld("ce_hidream_e1_example.png"));
        JsonNode workflow = LenientJson.parse(m.text(MetadataKeys.WORKFLOW).orElseThrow());
        JsonNode group = workflow.path("extra").path("groupNodes").path("IP2PSampler");
        List<String> names = GroupNodes.widgetNames(group, NodeDefinitions.bundled());
        // the bundled DualCFGGuider has a later "style" widget this older instance stores no value for
        assertEquals(Arrays.asList("sampler_name", "noise_seed", null, "scheduler", "steps", "denoise", "cfg_conds", "cfg_cond2_negative",
                "style"), names);
    }

    @Test
    void aMissingDefinitionNamesNothing() throws Exception {
        assertEquals(List.of(), GroupNodes.widgetNames(LenientJson.parse("{}"), NodeDefinitions.bundled()));
    }
}
