package com.samplerlens.core.render;

import com.samplerlens.core.capture.ComposedMetadata;
import com.samplerlens.core.capture.EmbeddingInfo;
import com.samplerlens.core.capture.FileNames;
import com.samplerlens.core.capture.FlatFields;
import com.samplerlens.core.capture.LoraInfo;
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
    private static final Set<String> BLANK_NEGATIVES = Set.of("none", "(none)", "no negative");

    /** One {@code Key: value} item, or a multiline {@code Key:} block of items. */
    private record Item(String key, String value, List<Item> block) {
        Item(String key, String value) { this(key, value, null); }
    }

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
                if (o.multiline()) {
                    // a block, so that removing a flat key (Steps, Model …) never takes a sampler's own line
                    items.add(new Item("Sampler_" + s.number(), null, fields));
                } else {
                    items.add(new Item("Sampler_" + s.number(), "\"" + join(fields, ", ").replace("\"", "'") + "\""));
                }
            }
        }
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
                rendered.add(i.key() + ": " + clean(i.value()));
            } else {
                rendered.add(i.key() + ":");
                for (Item line : i.block()) rendered.add(line.key() + ": " + clean(line.value()));
            }
        }
        sb.append(String.join(o.multiline() ? "\n" : ", ", rendered));
        String text = sb.toString().replace("\r\n", "\n");
        while (text.contains("\n\n")) text = text.replace("\n\n", "\n");
        return text;
    }

    /** §5.1: T5/CLIP lines or the positive prompt, then always the negative line. */
    static List<String> header(FlatFields f) {
        List<String> lines = new ArrayList<>();
        boolean dual = f.t5Prompt() != null && !f.t5Prompt().isEmpty() && f.clipPrompt() != null && !f.clipPrompt().isEmpty();
        if (dual) {
            lines.add("T5 Prompt: " + f.t5Prompt());
            lines.add("CLIP Prompt: " + f.clipPrompt());
        } else if (f.positive() != null && !f.positive().isEmpty()) {
            lines.add(f.positive().replaceAll("[\r\n]+$", ""));
        }
        String neg = f.negative() == null ? "" : f.negative();
        String t = neg.trim().toLowerCase(Locale.ROOT);
        if (BLANK_NEGATIVES.contains(t) || (f.positive() != null && neg.trim().equalsIgnoreCase(f.positive().trim()))) neg = "";
        lines.add("Negative prompt: " + neg.replaceAll("[\r\n]+$", ""));
        return lines;
    }

    private static List<Item> flatItems(FlatFields f, RenderOptions o) {
        List<Item> items = new ArrayList<>();
        add(items, "Steps", f.steps() == null ? null : f.steps().toString());
        add(items, "Sampler", samplerValue(f.sampler(), f.scheduler(), o.civitaiSamplerNames()));
        add(items, "CFG scale", f.cfg() == null ? null : PyFormat.str(f.cfg()));
        add(items, "Guidance", f.guidance() == null ? null : PyFormat.str(f.guidance()));
        add(items, "Denoise", f.denoise() == null ? null : PyFormat.str(f.denoise()));
        add(items, "Seed", f.seed() == null ? null : PyFormat.str(f.seed()));
        add(items, "Size", f.width() != null && f.height() != null ? f.width() + "x" + f.height() : null);
        add(items, "Model", f.model());
        add(items, "Model hash", f.modelHash());
        add(items, "Weight dtype", f.weightDtype());
        add(items, "Max shift", f.maxShift() == null ? null : PyFormat.str(f.maxShift()));
        add(items, "Base shift", f.baseShift() == null ? null : PyFormat.str(f.baseShift()));
        add(items, "Clip skip", f.clipSkip() == null ? null : f.clipSkip().toString());
        add(items, "VAE", f.vae());
        add(items, "VAE hash", f.vaeHash());
        add(items, "Shift", f.shift() == null ? null : PyFormat.str(f.shift()));
        for (int i = 0; i < f.loras().size(); i++) {
            LoraInfo l = f.loras().get(i);
            add(items, "Lora_" + i + " Model name", l.name());
            add(items, "Lora_" + i + " Model hash", l.hash());
            add(items, "Lora_" + i + " Strength model", l.strengthModel() == null ? null : PyFormat.str(l.strengthModel()));
            add(items, "Lora_" + i + " Strength clip", l.strengthClip() == null ? null : PyFormat.str(l.strengthClip()));
        }
        for (int i = 0; i < f.embeddings().size(); i++) {
            EmbeddingInfo e = f.embeddings().get(i);
            add(items, "Embedding_" + i + " name", e.name());
            add(items, "Embedding_" + i + " hash", e.hash());
        }
        for (int i = 0; i < f.clipModels().size(); i++) add(items, "CLIP_" + (i + 1) + " Model name", f.clipModels().get(i));
        return items;
    }

    private static void add(List<Item> items, String key, String value) {
        if (value != null) items.add(new Item(key, value));
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
        add(items, "Model", s.model());
        add(items, "Steps", s.steps() == null ? null : s.steps().toString());
        add(items, "Start step", s.startStep() == null ? null : s.startStep().toString());
        add(items, "End step", s.endStep() == null ? null : s.endStep().toString());
        add(items, "Sampler", s.sampler());
        add(items, "Scheduler", s.scheduler());
        add(items, "CFG scale", s.cfg() == null ? null : PyFormat.str(s.cfg()));
        add(items, "Shift", s.shift() == null ? null : PyFormat.str(s.shift()));
        add(items, "Denoise", s.denoise() == null ? null : PyFormat.str(s.denoise()));
        add(items, "Seed", s.seed() == null ? null : PyFormat.str(s.seed()));
        if (!s.loras().isEmpty()) {
            List<String> l = new ArrayList<>();
            for (LoraInfo lora : s.loras()) l.add(FileNames.stem(lora.name()) + (lora.strength() == null ? "" : ":" + PyFormat.str(lora.strength())));
            add(items, "Loras", String.join(" ", l));
        }
        return items;
    }

    private static String join(List<Item> items, String sep) {
        List<String> parts = new ArrayList<>();
        for (Item i : items) parts.add(i.key() + ": " + clean(i.value()));
        return String.join(sep, parts);
    }

    /** The anchor's {@code str(value).strip()} with newlines turned into spaces. */
    private static String clean(String v) {
        return v.strip().replace("\n", " ");
    }
}
