package com.samplerlens.core.edit;

import com.samplerlens.core.capture.ComposedMetadata;
import com.samplerlens.core.capture.FlatFields;
import com.samplerlens.core.capture.SamplerFields;
import com.samplerlens.core.render.ParameterAdjustments;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The metadata while edits are applied to it, one after the other; {@link #result()} freezes it. */
public final class EditableMetadata {

    private final ComposedMetadata traced;
    private FlatFields flat;
    private final List<SamplerFields> samplers;
    private final TreeMap<String, String> extra = new TreeMap<>();
    private final Set<String> removed = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();

    EditableMetadata(ComposedMetadata traced) {
        this.traced = traced;
        this.flat = traced.flat();
        this.samplers = new ArrayList<>(traced.samplers());
    }

    public FlatFields flat() { return flat; }

    void setFlat(FlatFields f) { this.flat = f; }

    /** Multi-sampler output: {@code Sampler_N} keys and {@code Samplers detail} are written. */
    public boolean multiSampler() { return traced.multi(); }

    public int samplerCount() { return samplers.size(); }

    public Optional<SamplerFields> sampler(int number) {
        return samplers.stream().filter(s -> s.number() == number).findFirst();
    }

    void replaceSampler(SamplerFields s) {
        for (int i = 0; i < samplers.size(); i++) {
            if (samplers.get(i).number() == s.number()) {
                samplers.set(i, s);
                return;
            }
        }
        throw new IllegalArgumentException("no Sampler_" + s.number());
    }

    void putExtra(String key, String value) {
        extra.put(key, value);
        removed.remove(key);
    }

    void remove(String key) {
        extra.remove(key);
        removed.add(key);
    }

    /** A set key is written again even if an earlier edit removed it. */
    void keep(String key) {
        removed.remove(key);
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    EditedMetadata result() {
        List<SamplerFields> out = samplers;
        if (!traced.multi() && samplers.size() == 1) {
            // single-sampler mode: the chosen sampler carries the flat fields, edited ones included
            SamplerFields s = samplers.getFirst();
            out = List.of(SamplerFields.fromFlat(s.number(), s.nodeId(), s.classType(), flat));
        }
        ComposedMetadata edited = new ComposedMetadata(traced.trace(), traced.flatSamplerId(), flat, out, traced.notes(), traced.warnings(), traced.sources());
        return new EditedMetadata(edited, new ParameterAdjustments(extra, removed), warnings);
    }
}
