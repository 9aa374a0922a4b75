package com.samplerlens.core.render;

import java.util.Locale;
import java.util.Map;

/** The anchor's Civitai sampler names (§5.3). */
public final class CivitaiSamplerNames {
    private CivitaiSamplerNames() {}

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("euler_ancestral", "Euler a"), Map.entry("euler", "Euler"), Map.entry("lms", "LMS"),
            Map.entry("heun", "Heun"), Map.entry("dpm_2", "DPM2"), Map.entry("dpm_2_ancestral", "DPM2 a"),
            Map.entry("dpmpp_2s_ancestral", "DPM++ 2S a"), Map.entry("dpmpp_2m", "DPM++ 2M"), Map.entry("dpmpp_sde", "DPM++ SDE"),
            Map.entry("dpmpp_2m_sde", "DPM++ 2M SDE"), Map.entry("dpmpp_3m_sde", "DPM++ 3M SDE"), Map.entry("dpm_fast", "DPM fast"),
            Map.entry("dpm_adaptive", "DPM adaptive"), Map.entry("lms_karras", "LMS Karras"), Map.entry("dpm_2_karras", "DPM2 Karras"),
            Map.entry("dpm_2_ancestral_karras", "DPM2 a Karras"), Map.entry("dpmpp_2s_ancestral_karras", "DPM++ 2S a Karras"),
            Map.entry("dpmpp_2m_karras", "DPM++ 2M Karras"), Map.entry("dpmpp_sde_karras", "DPM++ SDE Karras"),
            Map.entry("dpmpp_2m_sde_karras", "DPM++ 2M SDE Karras"), Map.entry("dpmpp_3m_sde_karras", "DPM++ 3M SDE Karras"),
            Map.entry("dpmpp_3m_sde_exponential", "DPM++ 3M SDE Exponential"), Map.entry("ddim", "DDIM"), Map.entry("plms", "PLMS"),
            Map.entry("uni_pc", "UniPC"), Map.entry("uni_pc_bh2", "UniPC"), Map.entry("lcm", "LCM"));

    private static final Map<String, String> ALIASES = Map.of("euler_cfg_pp", "euler", "euler_ancestral_cfg_pp", "euler_ancestral", "heunpp2", "heun");

    /** The Civitai name for a sampler and scheduler (either may be empty). */
    public static String of(String sampler, String scheduler) {
        String s = sampler == null ? "" : sampler.toLowerCase(Locale.ROOT).replace("_gpu", "");
        s = ALIASES.getOrDefault(s, s);
        String sch = scheduler == null ? "" : scheduler.toLowerCase(Locale.ROOT);
        boolean withScheduler = !sch.isEmpty() && !sch.equals("normal");
        if (withScheduler && NAMES.containsKey(s + "_" + sch)) return NAMES.get(s + "_" + sch);
        if (NAMES.containsKey(s)) return NAMES.get(s);
        return withScheduler ? (s.isEmpty() ? sch : s + "_" + sch) : s;
    }
}
