package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one list of a traced sampler's fields: its JSON name (inspect {@code --json}, {@code Samplers
 * detail}, edits), its label (a multiline {@code Sampler_N} block, the app), its key inside a
 * single-line {@code Sampler_N} value, the composed field it shows and how to read and set it.
 * The detail JSON, the parameters renderer, the app's labels and the edits all go through it; no
 * name is looked up by reflection. The order is the JSON order; {@link #TEXT_ORDER} is the order of
 * the parameters text.
 */
public enum SamplerFieldCatalogue {
    MODEL("model", "Model", "model", MetaField.MODEL_NAME, SamplerFields::model),
    MODEL_HASH("model_hash", "Model hash", "model_hash", MetaField.MODEL_HASH, SamplerFields::modelHash),
    VAE("vae", "VAE", "vae", MetaField.VAE_NAME, SamplerFields::vae),
    VAE_HASH("vae_hash", "VAE hash", "vae_hash", MetaField.VAE_HASH, SamplerFields::vaeHash),
    SAMPLER("sampler", "Sampler", "sampler", MetaField.SAMPLER_NAME, SamplerFields::sampler),
    SCHEDULER("scheduler", "Scheduler", "scheduler", MetaField.SCHEDULER, SamplerFields::scheduler),
    STEPS("steps", "Steps", "steps", MetaField.STEPS, SamplerFields::steps),
    START_STEP("start_step", "Start step", "start", MetaField.START_STEP, SamplerFields::startStep),
    END_STEP("end_step", "End step", "end", MetaField.END_STEP, SamplerFields::endStep),
    CFG("cfg", "CFG scale", "cfg", MetaField.CFG, SamplerFields::cfg),
    SHIFT("shift", "Shift", "shift", MetaField.SHIFT, SamplerFields::shift),
    DENOISE("denoise", "Denoise", "denoise", MetaField.DENOISE, SamplerFields::denoise),
    SEED("seed", "Seed", "seed", MetaField.SEED, SamplerFields::seed),
    POSITIVE("positive", "Positive prompt", "positive", MetaField.POSITIVE_PROMPT, SamplerFields::positive),
    NEGATIVE("negative", "Negative prompt", "negative", MetaField.NEGATIVE_PROMPT, SamplerFields::negative);

    /** The fields a {@code Sampler_N} value or block shows, in its order (the prompts are the flat ones; hashes go to Hashes). */
    public static final List<SamplerFieldCatalogue> TEXT_ORDER = List.of(MODEL, STEPS, START_STEP, END_STEP, SAMPLER, SCHEDULER, CFG,
            SHIFT, DENOISE, SEED);

    private final String id;
    private final String label;
    private final String inlineKey;
    private final MetaField field;
    private final Function<SamplerFields, Object> read;

    SamplerFieldCatalogue(String id, String label, String inlineKey, MetaField field, Function<SamplerFields, Object> read) {
        this.id = id;
        this.label = label;
        this.inlineKey = inlineKey;
        this.field = field;
        this.read = read;
    }

    /** The JSON name ({@code start_step}). */
    public String id() { return id; }

    /** The label ({@code Start step}). */
    public String label() { return label; }

    /** The key inside a single-line {@code Sampler_N} value ({@code start}). */
    public String inlineKey() { return inlineKey; }

    /** The composed field whose sources explain this value. */
    public MetaField field() { return field; }

    /** The value: String, Long, Double or JsonNode (the seed, as captured); null when absent. */
    public Object of(SamplerFields s) { return read.apply(s); }

    /** {@code s} with this field set to {@code value} (of the type {@link #of} gives), or cleared with null. */
    public SamplerFields with(SamplerFields s, Object value) {
        return new SamplerFields(s.number(), s.nodeId(), s.classType(),
                this == MODEL ? (String) value : s.model(),
                this == MODEL_HASH ? (String) value : s.modelHash(),
                this == VAE ? (String) value : s.vae(),
                this == VAE_HASH ? (String) value : s.vaeHash(),
                this == SAMPLER ? (String) value : s.sampler(),
                this == SCHEDULER ? (String) value : s.scheduler(),
                this == STEPS ? (Long) value : s.steps(),
                this == START_STEP ? (Long) value : s.startStep(),
                this == END_STEP ? (Long) value : s.endStep(),
                this == CFG ? (Double) value : s.cfg(),
                this == SHIFT ? (Double) value : s.shift(),
                this == DENOISE ? (Double) value : s.denoise(),
                this == SEED ? (JsonNode) value : s.seed(),
                this == POSITIVE ? (String) value : s.positive(),
                this == NEGATIVE ? (String) value : s.negative(),
                s.loras());
    }

    /** By JSON name, label or inline key, ignoring case. */
    public static Optional<SamplerFieldCatalogue> byName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (SamplerFieldCatalogue f : values()) {
            if (f.id.equals(n) || f.label.toLowerCase(Locale.ROOT).equals(n) || f.inlineKey.equals(n)) return Optional.of(f);
        }
        return Optional.empty();
    }
}
