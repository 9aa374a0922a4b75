package com.samplerlens.core.render;

import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a user changed on top of the traced keys of the parameters line: their own keys (the
 * anchor's {@code extra_metadata}: after {@code Hashes}, sorted by code point, before the version)
 * and keys left out of the line altogether.
 *
 * @param extra   key → value; keys compare by code point (String's natural order for the BMP, as
 *                Python's sort for the keys people type)
 * @param removed keys not written (a {@code Sampler_N} key takes its block along in multiline mode)
 */
public record ParameterAdjustments(SortedMap<String, String> extra, Set<String> removed) {

    public static final ParameterAdjustments NONE = new ParameterAdjustments(new TreeMap<>(), Set.of());

    public ParameterAdjustments {
        extra = Collections.unmodifiableSortedMap(new TreeMap<>(extra));
        removed = Set.copyOf(removed);
    }

    public boolean isEmpty() { return extra.isEmpty() && removed.isEmpty(); }
}
