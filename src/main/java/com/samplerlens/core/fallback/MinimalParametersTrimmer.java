package com.samplerlens.core.fallback;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameters text of the {@code minimal} stage: prompt lines kept, the parameter keys cut to
 * the allowlist ({@code Steps, Sampler, CFG scale, Seed, Model, Model hash, VAE, VAE hash, Hashes,
 * Lora_*, Metadata generator version}); per-sampler keys ({@code Sampler_N}) and the
 * {@code Samplers:} summary dropped.
 *
 * <p>Header and parameter tail are told apart as the anchor does (anchor-behaviour.md §7.4), but
 * unlike the anchor, the tail is split only on commas outside quotes, braces and brackets, so the
 * {@code Hashes} JSON stays whole and valid and a quoted value is never cut at one of its commas.
 * The result carries no trailing line break and no fallback marker.
 */
public final class MinimalParametersTrimmer {
    private MinimalParametersTrimmer() {}

    private static final Set<String> KEPT_KEYS = Set.of("Steps", "Sampler", "CFG scale", "Seed", "Model",
            "Model hash", "VAE", "VAE hash", "Hashes", "Metadata generator version");
    private static final String LORA_PREFIX = "Lora_";
    private static final String NEGATIVE_PROMPT = "Negative prompt:";
    /** One {@code Key: value} line of multiline mode; a {@code Sampler_N:} block opener has no value. */
    private static final Pattern MULTILINE_PAIR = Pattern.compile("^\\s*[A-Za-z0-9_][A-Za-z0-9_ .()/-]*:(?: .*)?$");
    /** A line that starts as A1111's parameter line does: a key, a colon and a space. */
    private static final Pattern PARAMETER_LINE = Pattern.compile("^\\s*\\w[\\w \\-/]*: ");
    private static final Pattern SAMPLER_BLOCK = Pattern.compile("^\\s*Sampler_\\d+:\\s*$");
    /** Keys that can follow the per-sampler blocks in multiline mode, so they end a block. */
    private static final Set<String> AFTER_SAMPLER_BLOCKS = Set.of("Hashes", "Metadata generator version", FallbackMarker.KEY);

    /** Trims in the mode the text is written in (see {@link #isMultiline}). */
    public static String trim(String parameters) {
        return trim(parameters, isMultiline(parameters));
    }

    public static String trim(String parameters, boolean multiline) {
        List<String> lines = lines(parameters);
        if (lines.isEmpty()) return "";
        return multiline ? trimMultiline(lines) : trimSingleLine(lines);
    }

    /**
     * True when the text has one {@code Key: value} pair per line (METADATA_TEST_MODE output): its
     * last line and the line before it each hold a single pair (or a {@code Sampler_N:} opener)
     * and neither is the negative prompt.
     */
    public static boolean isMultiline(String parameters) {
        List<String> lines = lines(parameters);
        if (lines.size() < 2) return false;
        return isSinglePair(lines.get(lines.size() - 1)) && isSinglePair(lines.get(lines.size() - 2));
    }

    private static boolean isSinglePair(String line) {
        if (line.startsWith(NEGATIVE_PROMPT)) return false;
        if (SAMPLER_BLOCK.matcher(line).matches()) return true;
        return MULTILINE_PAIR.matcher(line).matches() && topLevelSegments(line).size() == 1;
    }

    /**
     * The last line is the parameter line, as A1111 reads it; every line before it is prompt text and kept
     * whole, whatever commas and colons it holds (a prompt is never cut). A last line that is no
     * {@code Key: value} list (a text of prompts only) is kept whole too.
     */
    private static String trimSingleLine(List<String> lines) {
        int tailStart = lines.size() - 1;
        String last = lines.get(tailStart);
        if (last.startsWith(NEGATIVE_PROMPT) || !PARAMETER_LINE.matcher(last).find()) return String.join("\n", lines);
        List<String> kept = new ArrayList<>();
        for (String segment : topLevelSegments(String.join(" ", lines.subList(tailStart, lines.size())))) {
            String pair = segment.strip();
            int colon = pair.indexOf(':');
            if (colon >= 0 && isKept(pair.substring(0, colon).strip())) kept.add(pair);
        }
        List<String> out = new ArrayList<>(lines.subList(0, tailStart));
        if (!kept.isEmpty()) out.add(String.join(", ", kept));
        return String.join("\n", out);
    }

    private static String trimMultiline(List<String> lines) {
        int blockStart = lines.size();
        while (blockStart > 0) {
            String line = lines.get(blockStart - 1);
            if (line.startsWith(NEGATIVE_PROMPT) || !(SAMPLER_BLOCK.matcher(line).matches() || MULTILINE_PAIR.matcher(line).matches())) break;
            blockStart--;
        }
        List<String> out = new ArrayList<>(lines.subList(0, blockStart));
        boolean inSamplerBlock = false;
        for (String line : lines.subList(blockStart, lines.size())) {
            if (SAMPLER_BLOCK.matcher(line).matches()) {
                inSamplerBlock = true;
                continue;
            }
            String key = line.substring(0, line.indexOf(':')).strip();
            if (inSamplerBlock && !AFTER_SAMPLER_BLOCKS.contains(key)) continue;
            inSamplerBlock = false;
            if (isKept(key)) out.add(line.strip());
        }
        return String.join("\n", out);
    }

    private static boolean isKept(String key) {
        return KEPT_KEYS.contains(key) || key.startsWith(LORA_PREFIX);
    }

    /** The text's lines with CR LF normalised and trailing line breaks dropped. */
    private static List<String> lines(String text) {
        String body = text.replace("\r\n", "\n").replace('\r', '\n').replaceFirst("\\n+$", "");
        return body.isEmpty() ? List.of() : List.of(body.split("\n", -1));
    }

    /**
     * The text cut at every comma that is outside double quotes (with backslash escapes), braces
     * and brackets, so {@code Hashes: {"a": "1", "b": "2"}} and {@code Sampler_1: "Model: x, Steps: 4"}
     * stay one segment each.
     */
    static List<String> topLevelSegments(String text) {
        List<String> segments = split(text, true);
        if (segments == null) segments = split(text, false);
        return segments != null ? segments : List.of(text.split(",", -1));
    }

    /** Null when the quotes or brackets do not balance, so that a stray quote cannot swallow the line. */
    private static List<String> split(String text, boolean honourQuotes) {
        List<String> segments = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\\') i++;
                else if (c == '"') quoted = false;
            } else if (c == '"' && honourQuotes) {
                quoted = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                segments.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (quoted || depth != 0) return null;
        segments.add(text.substring(start));
        return segments;
    }
}
