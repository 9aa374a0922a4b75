package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a combined {@code scheduler} input (WanVideoSampler and the like) into sampler and
 * scheduler: a dict ({@code sampler|sampler_name|name}, {@code scheduler|schedule}), a list
 * (first, second), or a string {@code A (B)}, {@code A / B}, {@code A | B}, {@code A - B},
 * {@code A, B}; any other string is a scheduler alone (sampler "").
 */
public record SchedulerSplit(String sampler, String scheduler) {

    private static final Pattern PARENS = Pattern.compile("^(.+?)\\s*\\((.+)\\)$");
    private static final Pattern SEPARATOR = Pattern.compile("^(.+?)(?:\\s*/\\s*|\\s*\\|\\s*|\\s+-\\s+|\\s*,\\s*)(.+)$");

    public static SchedulerSplit of(JsonNode value) {
        if (value == null || value.isNull()) return new SchedulerSplit("", "");
        if (value.isObject()) {
            return new SchedulerSplit(first(value, "sampler", "sampler_name", "name"), first(value, "scheduler", "schedule"));
        }
        if (value.isArray()) {
            return new SchedulerSplit(value.size() > 0 ? text(value.get(0)) : "", value.size() > 1 ? text(value.get(1)) : "");
        }
        return of(value.asText());
    }

    public static SchedulerSplit of(String s) {
        String t = s.trim();
        Matcher m = PARENS.matcher(t);
        if (m.matches()) return new SchedulerSplit(m.group(1).trim(), m.group(2).trim());
        m = SEPARATOR.matcher(t);
        if (m.matches()) return new SchedulerSplit(m.group(1).trim(), m.group(2).trim());
        return new SchedulerSplit("", t);
    }

    private static String first(JsonNode obj, String... keys) {
        for (String k : keys) if (obj.hasNonNull(k)) return text(obj.get(k));
        return "";
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.asText().trim();
    }
}
