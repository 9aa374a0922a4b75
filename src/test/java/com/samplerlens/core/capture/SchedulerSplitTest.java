package com.samplerlens.core.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.samplerlens.core.trace.TestJson;
import org.junit.jupiter.api.Test;

class SchedulerSplitTest {

    private static void split(String json, String sampler, String scheduler) {
        assertEquals(new SchedulerSplit(sampler, scheduler), SchedulerSplit.of(TestJson.parse(json)), json);
    }

    @Test
    void everyForm() {
        split("{\"sampler\": \"euler\", \"scheduler\": \"karras\"}", "euler", "karras");
        split("{\"sampler_name\": \"dpmpp_2m\", \"schedule\": \"beta\"}", "dpmpp_2m", "beta");
        split("{\"name\": \"heun\"}", "heun", "");
        split("[\"dpmpp_2m\", \"karras\"]", "dpmpp_2m", "karras");
        split("[\"lcm\"]", "lcm", "");
        split("\"Euler (Karras)\"", "Euler", "Karras");
        split("\"Heun / Normal\"", "Heun", "Normal");
        split("\"unipc/beta\"", "unipc", "beta");
        split("\"DPM++ 2M | Exponential\"", "DPM++ 2M", "Exponential");
        split("\"euler - simple\"", "euler", "simple");
        split("\"euler, simple\"", "euler", "simple");
        split("\"Karras\"", "", "Karras");
        split("\"unipc\"", "", "unipc");
        split("\"dpm++_sde\"", "", "dpm++_sde");
        split("\"flowmatch-causvid\"", "", "flowmatch-causvid");
    }
}
