package com.samplerlens.core.trace;

import java.util.List;

/**
 * One sampler found upstream of the save node and the nodes that belong to it: those reachable
 * upstream from it on a path through no other sampler (spec §2.3).
 *
 * @param nodeId     the sampler's node id
 * @param classType  its class
 * @param distance   link hops from the save node
 * @param number     its number in the output (1 = farthest … k = nearest) when traced; 0 when found
 *                   but not traced (beyond max samplers, or not chosen in single-sampler mode)
 * @param attributed node ids that belong to it, in {@link com.samplerlens.core.graph.NodeIds} order;
 *                   the sampler itself not included
 */
public record SamplerAttribution(String nodeId, String classType, int distance, int number, List<String> attributed) {

    public SamplerAttribution {
        // the tracer's lists are immutable already (a copy of 40,000 ids per sampler saved)
        if (!(attributed instanceof NodeIdList)) attributed = List.copyOf(attributed);
    }

    public boolean traced() { return number > 0; }
}
