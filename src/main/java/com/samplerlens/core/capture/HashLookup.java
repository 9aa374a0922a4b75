package com.samplerlens.core.capture;

import java.util.Optional;
import java.util.function.Function;

/** Finds the AutoV2 hash of a model file by the name a node gives it (may include folders). */
@FunctionalInterface
public interface HashLookup {

    Optional<String> hash(HashKind kind, String name);

    HashLookup NONE = (k, n) -> Optional.empty();

    /** A name → hash function (e.g. the models-folder hasher); null or blank answers mean unknown. */
    static HashLookup of(Function<String, String> nameToHash) {
        return (k, n) -> Optional.ofNullable(nameToHash.apply(n)).filter(h -> !h.isBlank());
    }

    /** This lookup, then {@code next} where this one knows nothing. */
    default HashLookup orElse(HashLookup next) {
        return (k, n) -> {
            Optional<String> h = hash(k, n);
            return h.isPresent() ? h : next.hash(k, n);
        };
    }
}
