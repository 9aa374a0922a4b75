package com.samplerlens.core.render;

import com.samplerlens.core.capture.ComposedMetadata;
import com.samplerlens.core.capture.EmbeddingInfo;
import com.samplerlens.core.capture.FileNames;
import com.samplerlens.core.capture.FlatFields;
import com.samplerlens.core.capture.LoraInfo;
import com.samplerlens.core.capture.MetaField;
import com.samplerlens.core.capture.SamplerFieldCatalogue;
import com.samplerlens.core.capture.SamplerFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The A1111-style {@code parameters} text: the anchor's header and key order (§5.1–5.2) with
 * Python number formatting, plus the multi-sampler keys (spec §3) before {@code Hashes}.
 */
public final class ParametersRenderer {
    private ParametersRenderer() {}

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{8,64}");
    /** Line breaks ending a prompt; compiled once (String.replaceAll compiled it per file). */
    private static final Pattern TRAILING_NEWLINES = Pattern.compile("[\r\n]+$");
    private static final Set<String> BLANK_NEGATIVES = Set.of("none", "(none)", "no negative");
    /** The header line without a key. */
    static final String POSITIVE_PROMPT = "Positive prompt";

    /**
     * One {@code Key: value} item, or a multiline {@code Key:} block of items; {@code shows} names
     * the composed values it is made of, so that {@link NodeCaptures} can find their nodes.
     */
    record Item(String key, String value, List<Item> block, List<Shown> shows) {
        Item(String key, String value) { this(key, value, null, List.of()); }
    }

    /** A composed value an item shows: its field and, for a list field (LoRAs …), the entry. */
    record Shown(MetaField field, int index) {}

    public static String render(ComposedMetadata m, RenderOptions o) {
        return render(m, o, ParameterAdjustments.NONE);
    }

    /** The text with the user's own keys added and removed keys left out. */
    public static String render(ComposedMetadata m, RenderOptions o, ParameterAdjustments adjust) {
        FlatFields f = m.flat();
        List<String> header = header(f);
        List<Item> items = new ArrayList<>(flatItems(f, o));
        if (m.multi() && !m.samplers().isEmpty()) {
            Map<String, String> labels = SamplerLabels.of(m.samplers());
            items.add(new Item("Samplers", summary(m.samplers(), labels)));
            for (SamplerFields s : m.samplers()) {
                List<Item> fields = samplerItems(s);
                if (fields.isEmpty()) continue; // nothing resolved: no empty Sampler_N: ""
                if (o.multiline()) {
                    // a block, so that removing a flat key (Steps, Model …) never takes a sampler's own line
                    items.add(new Item("Sampler_" + s.number(), null, fields, List.of()));
                } else {
                    items.add(new Item("Sampler_" + s.number(), inlineSampler(fields)));
                }
            }
        }
        if (o.loraSummary() && !f.loras().isEmpty()) items.add(new Item("LoRAs", loraSummary(f.loras())));
        String hashes = hashes(f);
        if (hashes != null) items.add(new Item("Hashes", hashes));
        adjust.extra().forEach((k, v) -> items.add(new Item(k, v)));
        items.add(new Item("Metadata generator version", o.version()));
        items.removeIf(i -> adjust.removed().contains(i.key()));

        StringBuilder sb = new StringBuilder();
        sb.append(String.join("\n", header)).append('\n');
        List<String> rendered = new ArrayList<>();
        for (Item i : items) {
            if (i.block() == null) {
                rendered.add(i.key() + ": " + (SAFE_AS_WRITTEN.contains(i.key()) || i.key().startsWith("Sampler_") ? i.value().strip() : value(i.value())));
            } else {
                rendered.add(i.key() + ":");
                for (Item line : i.block()) rendered.add(line.key() + ": " + clean(line.value()));
            }
        }
        sb.append(String.join(o.multiline() ? "\n" : ", ", rendered));
        return withoutBlankLines(sb.toString());
    }

    /** Unix line ends and no empty lines, as the whole text is written. */
    static String withoutBlankLines(String s) {
        String text = s.replace("\r\n", "\n");
        while (text.contains("\n\n")) text = text.replace("\n\n", "\n");
        return text;
    }

    /** §5.1: T5/CLIP lines or the positive prompt, then always the negative line. */
    static List<String> header(FlatFields f) {
        List<String> lines = new ArrayList<>();
        for (Item i : headerItems(f)) lines.add(i.key().equals(POSITIVE_PROMPT) ? i.value() : i.key() + ": " + i.value());
        return lines;
    }

    /** The header lines as items; the positive prompt's line is its value alone. */
    static List<Item> headerItems(FlatFields f) {
        List<Item> items = new ArrayList<>();
        boolean dual = f.t5Prompt() != null && !f.t5Prompt().isEmpty() && f.clipPrompt() != null && !f.clipPrompt().isEmpty();
        if (dual) {
            items.add(new Item("T5 Prompt", f.t5Prompt(), null, List.of(new Shown(MetaField.T5_PROMPT, 0))));
            items.add(new Item("CLIP Prompt", f.clipPrompt(), null, List.of(new Shown(MetaField.CLIP_PROMPT, 0))));
        } else if (f.positive() != null && !f.positive().isEmpty()) {
            items.add(new Item(POSITIVE_PROMPT, TRAILING_NEWLINES.matcher(f.positive()).replaceAll(""), null, List.of(new Shown(MetaField.POSITIVE_PROMPT, 0))));
        }
        String neg = f.negative() == null ? "" : f.negative();
        String t = neg.trim().toLowerCase(Locale.ROOT);
        if (BLANK_NEGATIVES.contains(t) || (f.positive() != null && neg.trim().equalsIgnoreCase(f.positive().trim()))) neg = "";
        items.add(new Item("Negative prompt", TRAILING_NEWLINES.matcher(neg).replaceAll(""), null, List.of(new Shown(MetaField.NEGATIVE_PROMPT, 0))));
        return items;
    }

    static List<Item> flatItems(FlatFields f, RenderOptions o) {
        List<Item> items = new ArrayList<>();
        add(items, "Steps", f.steps() == null ? null : f.steps().toString(), MetaField.STEPS);
        add(items, "Sampler", samplerValue(f.sampler(), f.scheduler(), o.civitaiSamplerNames()), MetaField.SAMPLER_NAME, MetaField.SCHEDULER);
        add(items, "CFG scale", f.cfg() == null ? null : PyFormat.str(f.cfg()), MetaField.CFG);
        add(items, "Guidance", f.guidance() == null ? null : PyFormat.str(f.guidance()), MetaField.GUIDANCE);
        add(items, "Denoise", f.denoise() == null ? null : PyFormat.str(f.denoise()), MetaField.DENOISE);
        add(items, "Seed", scalar(f.seed()), MetaField.SEED);
        add(items, "Size", f.width() != null && f.height() != null ? f.width() + "x" + f.height() : null, MetaField.IMAGE_WIDTH, MetaField.IMAGE_HEIGHT);
        add(items, "Model", f.model(), MetaField.MODEL_NAME);
        add(items, "Model hash", f.modelHash(), MetaField.MODEL_HASH);
        add(items, "Weight dtype", f.weightDtype(), MetaField.WEIGHT_DTYPE);
        add(items, "Max shift", scalar(f.maxShift()), MetaField.MAX_SHIFT);
        add(items, "Base shift", scalar(f.baseShift()), MetaField.BASE_SHIFT);
        add(items, "Clip skip", f.clipSkip() == null ? null : f.clipSkip().toString(), MetaField.CLIP_SKIP);
        add(items, "VAE", f.vae(), MetaField.VAE_NAME);
        add(items, "VAE hash", f.vaeHash(), MetaField.VAE_HASH);
        add(items, "Shift", scalar(f.shift()), MetaField.SHIFT);
        for (int i = 0; i < f.loras().size(); i++) {
            LoraInfo l = f.loras().get(i);
            // the hash and strengths are paired with the name on its node, so every key shows the name's entry
            List<Shown> entry = List.of(new Shown(MetaField.LORA_MODEL_NAME, i));
            add(items, "Lora_" + i + " Model name", l.name(), entry);
            add(items, "Lora_" + i + " Model hash", l.hash(), entry);
            add(items, "Lora_" + i + " Strength model", l.strengthModel() == null ? null : PyFormat.str(l.strengthModel()), entry);
            add(items, "Lora_" + i + " Strength clip", l.strengthClip() == null ? null : PyFormat.str(l.strengthClip()), entry);
        }
        for (int i = 0; i < f.embeddings().size(); i++) {
            EmbeddingInfo e = f.embeddings().get(i);
            List<Shown> entry = List.of(new Shown(MetaField.EMBEDDING_NAME, i));
            add(items, "Embedding_" + i + " name", e.name(), entry);
            add(items, "Embedding_" + i + " hash", e.hash(), entry);
        }
        for (int i = 0; i < f.clipModels().size(); i++) {
            add(items, "CLIP_" + (i + 1) + " Model name", f.clipModels().get(i), List.of(new Shown(MetaField.CLIP_MODEL_NAME, i)));
        }
        if (o.guidanceAsCfg()) guidanceAsCfg(items);
        return items;
    }

    private static void add(List<Item> items, String key, String value, MetaField... shows) {
        List<Shown> s = new ArrayList<>();
        for (MetaField f : shows) s.add(new Shown(f, 0));
        add(items, key, value, s);
    }

    private static void add(List<Item> items, String key, String value, List<Shown> shows) {
        if (value != null) items.add(new Item(key, value, null, shows));
    }

    /** §5.3: sampler_scheduler (scheduler kept even when "normal"), or the Civitai name. */
    static String samplerValue(String sampler, String scheduler, boolean civitai) {
        String sch = scheduler == null ? "" : scheduler.trim();
        if (civitai) return CivitaiSamplerNames.of(sampler, sch);
        if (sampler == null) return null;
        if (sampler.isEmpty()) return sch.isEmpty() ? null : sch;
        return sch.isEmpty() ? sampler : sampler + "_" + sch.toLowerCase(Locale.ROOT);
    }

    /** {@code Hashes}: model, vae, lora:, embed: — only values that look like hashes. */
    static String hashes(FlatFields f) {
        Map<String, String> h = new LinkedHashMap<>();
        putHash(h, "model", f.modelHash());
        putHash(h, "vae", f.vaeHash());
        for (LoraInfo l : f.loras()) putHash(h, "lora:" + FileNames.stem(l.name()), l.hash());
        for (EmbeddingInfo e : f.embeddings()) putHash(h, "embed:" + FileNames.stem(e.name()), e.hash());
        return h.isEmpty() ? null : PyJson.dumpsStrings(h);
    }

    private static void putHash(Map<String, String> h, String key, String value) {
        if (value != null && HEX.matcher(value).matches()) h.putIfAbsent(key, value);
    }

    /** {@code Samplers:} ordered Sampler_1 … Sampler_k: label[start-end] sampler/scheduler. */
    static String summary(List<SamplerFields> samplers, Map<String, String> labels) {
        List<String> parts = new ArrayList<>();
        for (SamplerFields s : samplers) {
            StringBuilder p = new StringBuilder(labels.get(s.nodeId()));
            if (s.startStep() != null && s.endStep() != null) p.append('[').append(s.startStep()).append('-').append(s.endStep()).append(']');
            String name = s.sampler() != null && s.scheduler() != null ? s.sampler() + "/" + s.scheduler()
                    : s.sampler() != null ? s.sampler() : s.scheduler();
            if (name != null) p.append(' ').append(name);
            parts.add(p.toString());
        }
        return String.join("; ", parts);
    }

    /** The fields of one {@code Sampler_N} key or block, in the spec's order. */
    static List<Item> samplerItems(SamplerFields s) {
        List<Item> items = new ArrayList<>();
        for (SamplerFieldCatalogue f : SamplerFieldCatalogue.TEXT_ORDER) {
            String text = switch (f.of(s)) {
                case null -> null;
                case Double d -> PyFormat.str(d);
                case com.fasterxml.jackson.databind.JsonNode j -> scalar(j);
                case Object o -> o.toString();
            };
            add(items, f.label(), text, f.field());
        }
        if (!s.loras().isEmpty()) {
            List<String> l = new ArrayList<>();
            List<Shown> shows = new ArrayList<>();
            for (LoraInfo lora : s.loras()) {
                shows.add(new Shown(MetaField.LORA_MODEL_NAME, shows.size()));
                l.add(FileNames.stem(lora.name()) + (lora.strength() == null ? "" : ":" + PyFormat.str(lora.strength())));
            }
            add(items, "Loras", String.join(" ", l), shows);
        }
        return items;
    }

    /**
     * A value as Python prints it, or null (the key is left out) for what is no single value: a JSON
     * null, a list or an object, or blank text. The anchor would print {@code None} or {@code [1, 2, 3]};
     * readers take such placeholders for values. The Samplers detail JSON still holds them as they are.
     */
    static String scalar(com.fasterxml.jackson.databind.JsonNode v) {
        if (v == null || v.isNull() || v.isContainerNode() || (v.isTextual() && v.asText().isBlank())) return null;
        return PyFormat.str(v);
    }

    /** Keys whose values are written as built: JSON and our own summaries, which no reader splits at their commas. */
    private static final Set<String> SAFE_AS_WRITTEN = Set.of("Hashes", "Samplers", "LoRAs");

    /**
     * A single-line {@code Sampler_N} value: {@code "model=…; steps=20; start=10; end=20; sampler=euler;
     * scheduler=simple; cfg=3.5; seed=0"}. It holds no {@code ", "} and no {@code ": "}, so readers that
     * split the last line at commas and colons (sd-parsers) cannot take its steps, seed or cfg for the flat
     * keys; {@code %}, {@code ,}, {@code ;}, {@code "}, line breaks and a colon before a space inside a
     * value are percent-escaped (docs/parameters-format.md). The {@code Samplers detail} JSON keeps every
     * value exactly.
     */
    static String inlineSampler(List<Item> fields) {
        List<String> parts = new ArrayList<>();
        for (Item i : fields) parts.add(inlineKey(i.key()) + "=" + inlineEscape(i.value().strip()));
        return "\"" + String.join("; ", parts) + "\"";
    }

    /** The key of a per-sampler field inside a single-line {@code Sampler_N} value ("Start step" → "start"). */
    static String inlineKey(String key) {
        return SamplerFieldCatalogue.byName(key).map(SamplerFieldCatalogue::inlineKey).orElse(key.toLowerCase(Locale.ROOT).replace(' ', '_'));
    }

    static String inlineEscape(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '%' -> sb.append("%25");
                case ',' -> sb.append("%2C");
                case ';' -> sb.append("%3B");
                case '"' -> sb.append("%22");
                case '\n' -> sb.append("%0A");
                case '\r' -> sb.append("%0D");
                case ':' -> sb.append(i + 1 < v.length() && v.charAt(i + 1) == ' ' ? "%3A" : ":");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A value that could end the line early or start a key of its own at a comma: not a key/value text a reader can split. */
    private static final Pattern KEY_INSIDE = Pattern.compile(",\\s*[A-Za-z][\\w \\-/]*:");

    /**
     * A flat value as written: stripped, and quoted as A1111's {@code quote()} does (a JSON string)
     * when it holds a line break, {@code , Key:} or the fallback marker, which readers would
     * otherwise take for the end of the line or for keys of their own. Never silently changed.
     */
    static String value(String v) {
        String s = v.strip();
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || KEY_INSIDE.matcher(s).find() || s.contains(FALLBACK_KEY + ":")) {
            StringBuilder sb = new StringBuilder();
            PyJson.string(sb, s);
            return sb.toString();
        }
        return s;
    }

    /** The key of the fallback marker (FallbackMarker appends it after the version). */
    public static final String FALLBACK_KEY = "Metadata Fallback";

    /** The anchor's {@code guidance_as_cfg}: {@code CFG scale} takes the Guidance value in its own place, {@code Guidance} goes. */
    private static void guidanceAsCfg(List<Item> items) {
        Item guidance = items.stream().filter(i -> i.key().equals("Guidance")).findFirst().orElse(null);
        if (guidance == null) return;
        int at = items.indexOf(guidance);
        items.remove(at);
        Item cfg = new Item("CFG scale", guidance.value(), null, guidance.shows());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).key().equals("CFG scale")) {
                items.set(i, cfg);
                return;
            }
        }
        items.add(at, cfg);
    }

    /** The anchor's {@code LoRAs:} summary: {@code name: str_<strength %.3g>} joined by {@code , }. */
    static String loraSummary(List<LoraInfo> loras) {
        List<String> parts = new ArrayList<>();
        for (LoraInfo l : loras) {
            Double s = l.strengthModel() != null ? l.strengthModel() : l.strengthClip();
            parts.add(FileNames.basename(l.name()) + ": str_" + (s == null ? "None" : threeSignificant(s)));
        }
        return String.join(", ", parts);
    }

    /** Python's {@code "%.3g" % x} ({@link ThreeSignificant}). */
    static String threeSignificant(double x) {
        return ThreeSignificant.format(x);
    }

    /** The anchor's {@code str(value).strip()} with newlines turned into spaces. */
    static String clean(String v) {
        return v.strip().replace("\n", " ");
    }
}
