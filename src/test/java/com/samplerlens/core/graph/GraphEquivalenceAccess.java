package com.samplerlens.core.graph;

import java.util.List;

/** Opens {@link GraphEquivalence} to tests in other packages. */
public final class GraphEquivalenceAccess {
    private GraphEquivalenceAccess() {}

    public static List<String> differences(Graph prompt, Graph converted) {
        return GraphEquivalence.differences(prompt, converted);
    }
}
