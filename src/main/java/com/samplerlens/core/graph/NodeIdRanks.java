package com.samplerlens.core.graph;

import java.util.Arrays;

/**
 * Every node of a graph ranked by {@link NodeIds#ORDER} of its id: the tracer sorts node sets by
 * these ints (or reads them off in rank order) instead of comparing id strings. Built once per
 * graph. ComfyUI's ids are small distinct numbers, which are placed by their number in linear
 * time; any other id ("128:81", "-1", "7" beside "007") ranks the whole graph by comparison.
 */
public final class NodeIdRanks {

    private final int[] rankOf;
    private final int[] nodeAtRank;

    NodeIdRanks(String[] ids) {
        int n = ids.length;
        Long[] numbers = new Long[n]; // each id parsed once, not per comparison
        long max = -1;
        boolean small = true;
        for (int v = 0; v < n; v++) {
            Long number = NodeIds.asNumber(ids[v]);
            numbers[v] = number;
            if (number == null || number < 0) small = false;
            else max = Math.max(max, number);
        }
        // numbers no bigger than a few times the node count: one slot per number, read in order
        int[] byPlacement = small && max < 4L * n + 1024 ? placeByNumber(numbers, (int) max) : null;
        nodeAtRank = byPlacement != null ? byPlacement : sortByComparison(ids, numbers);
        rankOf = new int[n];
        for (int r = 0; r < n; r++) rankOf[nodeAtRank[r]] = r;
    }

    /** The node indexes in number order; null when two ids share a number ("7", "007"). */
    private static int[] placeByNumber(Long[] numbers, int max) {
        int[] slot = new int[max + 1];
        Arrays.fill(slot, -1);
        for (int v = 0; v < numbers.length; v++) {
            int number = numbers[v].intValue();
            if (slot[number] >= 0) return null;
            slot[number] = v;
        }
        int[] order = new int[numbers.length];
        int r = 0;
        for (int v : slot) if (v >= 0) order[r++] = v;
        return order;
    }

    private static int[] sortByComparison(String[] ids, Long[] numbers) {
        Integer[] order = new Integer[ids.length];
        for (int v = 0; v < order.length; v++) order[v] = v;
        Arrays.sort(order, (a, b) -> NodeIds.compare(ids[a], numbers[a], ids[b], numbers[b]));
        int[] out = new int[order.length];
        for (int i = 0; i < out.length; i++) out[i] = order[i];
        return out;
    }

    /** The rank (0 .. size-1) of node index {@code v}'s id. */
    public int rankOf(int v) { return rankOf[v]; }

    /** The node index whose id has rank {@code rank}. */
    public int nodeAtRank(int rank) { return nodeAtRank[rank]; }

    public int size() { return rankOf.length; }
}
