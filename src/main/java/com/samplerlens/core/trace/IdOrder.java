package com.samplerlens.core.trace;

import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.NodeIdRanks;
import com.samplerlens.core.graph.NodeIds;
import java.util.Arrays;
import java.util.List;

/**
 * Node sets in {@link NodeIds} order, by the graph's id ranks: primitive int sorts, no id string
 * compared. A set holding a large share of the graph is read off in rank order instead of sorted,
 * so attributing a 40,000-node graph to its samplers costs what it reaches, not n log n.
 */
final class IdOrder {
    private IdOrder() {}

    /** Sets at least this share of the graph (1/16) are read off in rank order, not sorted. */
    private static final int SCAN_SHARE = 16;

    /** The ids of {@code nodes[from..to)} in {@link NodeIds} order, as an unmodifiable list. */
    static List<String> sorted(int[] nodes, int from, int to, Graph graph) {
        NodeIdRanks ranks = graph.idRanks();
        int[] r = new int[to - from];
        for (int i = from; i < to; i++) r[i - from] = ranks.rankOf(nodes[i]);
        Arrays.sort(r);
        String[] out = new String[r.length];
        for (int i = 0; i < r.length; i++) out[i] = graph.idAt(ranks.nodeAtRank(r[i]));
        return new NodeIdList(out);
    }

    /**
     * The ids of the nodes marked {@code mark} in {@code marks} (except {@code skip}) in
     * {@link NodeIds} order; {@code nodes[from..to)} lists the same nodes, for a small set's sort.
     */
    static List<String> sorted(int[] nodes, int from, int to, byte[] marks, byte mark, int skip, Graph graph) {
        int count = to - from;
        if ((long) count * SCAN_SHARE < graph.size()) return sorted(nodes, from, to, graph);
        NodeIdRanks ranks = graph.idRanks();
        String[] out = new String[count];
        int k = 0;
        for (int r = 0; r < ranks.size() && k < count; r++) {
            int v = ranks.nodeAtRank(r);
            if (marks[v] == mark && v != skip) out[k++] = graph.idAt(v);
        }
        return new NodeIdList(out);
    }

    /** The nodes, smallest distance first, equal distances in {@link NodeIds} order. */
    static int[] sortedByDistance(int[] nodes, int[] distance, Graph graph) {
        NodeIdRanks ranks = graph.idRanks();
        // distance and rank are both below 2^31: one primitive sort of (distance, rank)
        long[] packed = new long[nodes.length];
        for (int i = 0; i < nodes.length; i++) packed[i] = (long) distance[nodes[i]] << 32 | ranks.rankOf(nodes[i]);
        Arrays.sort(packed);
        int[] out = new int[nodes.length];
        for (int i = 0; i < out.length; i++) out[i] = ranks.nodeAtRank((int) packed[i]);
        return out;
    }
}
