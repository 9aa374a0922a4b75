package com.samplerlens.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.capture.LoraInfo;
import com.samplerlens.core.capture.SamplerFields;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.trace.TraceOptions;
import com.samplerlens.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kijai WanVideoWrapper Wan2.2 MoE UI workflow, converted and traced. Expected values read from
 * the workflow JSON by hand: samplers 27 (HIGH model via SetLoRAs 80 ← LoRA 56 strength 3) and
 * 90 (LOW model via SetLoRAs 79 ← LoRA 97 strength 1); steps linked from INTConstant 94 (6), the
 * split at INTConstant 91 (3); sampler 27's cfg comes from CreateCFGScheduleFloatList 95.
 */
class WanVideoWrapperUiTest {

    @Test
    void moePairWithLinkedStepsAndLoras() throws Exception {
        LoadedSource src = new SourceLoader(NodeDefinitions.bundled()).load(Fixtures.bundled("workflows/ui/kj_wanvideo_2_2_I2V_A14B_example_WIP.json"));
        InspectReport r = Inspector.bundled().inspect(src.graph(), new SourceTexts(src.prompt(), src.workflow(), src.parameters()),
                InspectOptions.defaults().withTrace(TraceOptions.defaults().withMaxSamplers(2)));
        assertEquals("60", r.composed().trace().saveNodeId());
        SamplerFields high = r.composed().samplers().get(0);
        SamplerFields low = r.composed().samplers().get(1);
        assertEquals(List.of("27", "90"), List.of(high.nodeId(), low.nodeId()));
        assertEquals("Wan2_2-I2V-A14B-HIGH_fp8_e4m3fn_scaled_KJ.safetensors", high.model());
        assertEquals("Wan2_2-I2V-A14B-LOW_fp8_e4m3fn_scaled_KJ.safetensors", low.model());
        assertEquals(6L, high.steps());
        assertEquals(0L, high.startStep());
        assertEquals(3L, high.endStep()); // linked INTConstant wins over the stale widget value 10
        assertEquals(3L, low.startStep());
        assertEquals(6L, low.endStep()); // end_step -1 = to the last step
        assertNull(high.cfg()); // a float list from CreateCFGScheduleFloatList: not static
        assertEquals(1.0, low.cfg());
        assertEquals(8.0, high.shift());
        assertEquals("43", high.seed().asText());
        assertNull(high.sampler()); // "dpm++_sde" is a scheduler string alone
        assertEquals("dpm++_sde", high.scheduler());
        assertEquals(List.of(new LoraInfo("lightx2v_I2V_14B_480p_cfg_step_distill_rank64_bf16.safetensors", null, 3.0, null)), high.loras());
        assertEquals(List.of(new LoraInfo("lightx2v_I2V_14B_480p_cfg_step_distill_rank64_bf16.safetensors", null, 1.0, null)), low.loras());
        assertEquals("old man gets up and jumps into the lake", high.positive());
        assertTrue(r.composed().trace().samplers().get(1).attributed().containsAll(List.of("22", "56", "80", "91", "94", "95")));
        assertTrue(!r.composed().trace().samplers().get(1).attributed().contains("71"));
        assertTrue(r.composed().notes().get("27").stream().anyMatch(n -> n.startsWith("cfg: value comes from CreateCFGScheduleFloatList node 95")),
                r.composed().notes().toString());
        assertTrue(r.bundle().parameters().contains("Samplers: High[0-3] dpm++_sde; Low[3-6] dpm++_sde, "), r.bundle().parameters());
        assertTrue(r.bundle().parameters().contains("Sampler_1: \"model=Wan2_2-I2V-A14B-HIGH_fp8_e4m3fn_scaled_KJ.safetensors; steps=6; start=0; "
                + "end=3; scheduler=dpm++_sde; shift=8.0; denoise=1.0; seed=43; loras=lightx2v_I2V_14B_480p_cfg_step_distill_rank64_bf16:3.0\""),
                r.bundle().parameters());
    }
}
