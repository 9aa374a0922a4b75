package com.samplerlens.core.trace;

/**
 * Overrides of the multi-sampler decision. FORCE_MULTI = METADATA_WAN_MOE_FORCE=1 / --force-multi
 * (multi-sampler output even for one sampler); SINGLE = METADATA_WAN_MOE_DISABLE=1 / --single
 * (always single-sampler; wins over FORCE).
 */
public enum MultiSamplerOverride {
    AUTO, FORCE_MULTI, SINGLE;

    /** The override the environment asks for; DISABLE wins over FORCE. */
    public static MultiSamplerOverride fromEnvironment(java.util.Map<String, String> env) {
        if (truthy(env.get("METADATA_WAN_MOE_DISABLE"))) return SINGLE;
        if (truthy(env.get("METADATA_WAN_MOE_FORCE"))) return FORCE_MULTI;
        return AUTO;
    }

    private static boolean truthy(String v) {
        if (v == null) return false;
        String t = v.trim().toLowerCase(java.util.Locale.ROOT);
        return t.equals("1") || t.equals("true") || t.equals("yes") || t.equals("on");
    }
}
