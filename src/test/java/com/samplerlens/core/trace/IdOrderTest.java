package com.samplerlens.core.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.Node;
import com.samplerlens.core.graph.NodeIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Sorting node sets by the graph's id ranks agrees with {@link NodeIds#ORDER} on every kind of id
 * a prompt holds: small numbers (ranked by placement), subgraph ids "128:81", negative and huge
 * numbers, and two ids of one number ("7", "007"), which must be ranked by comparison; and a big
 * set read off in rank order equals the same set sorted.
 */
class IdOrderTest {

    private static final String[] ODD = {"128:81", "128:9", "-1", "-12", "007", "7", "99999999999", "a", "B", "0", "2147483647", "2147483648"};

    @Test
    void sortedAgreesWithNodeIdOrderOnRandomSetsOfMixedIds() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int round = 0; round < 400; round++) {
            List<Node> nodes = new ArrayList<>();
            java.util.Set<String> used = new java.util.HashSet<>();
            int n = 1 + rnd.nextInt(30);
            // half the rounds numbers only (the packed path), the rest with odd ids mixed in
            boolean odd = round % 2 == 1;
            while (nodes.size() < n) {
                String id = odd && rnd.nextInt(4) == 0 ? ODD[rnd.nextInt(ODD.length)] : String.valueOf(rnd.nextInt(500));
                if (used.add(id)) nodes.add(new Node(id, "C" + rnd.nextInt(3), null, Map.of(), 0, null));
            }
            Graph g = new Graph(nodes);
            int[] all = IntStream.range(0, g.size()).toArray();
            shuffle(all, rnd);
            int from = rnd.nextInt(all.length);
            int to = from + rnd.nextInt(all.length - from + 1);
            List<String> expected = Arrays.stream(all, from, to).mapToObj(g::idAt).sorted(NodeIds.ORDER).toList();
            assertEquals(expected, IdOrder.sorted(all, from, to, g), "round " + round);
            // the same set as membership marks, read off in rank order when big enough (and sorted when not)
            byte[] member = new byte[g.size()];
            for (int i = from; i < to; i++) member[all[i]] = 1;
            int skip = from > 0 ? all[from - 1] : -1;
            if (skip >= 0) member[skip] = 1;
            assertEquals(expected, IdOrder.sorted(all, from, to, member, (byte) 1, skip, g), "round " + round + ", marked");

            int[] distance = new int[g.size()];
            for (int v = 0; v < distance.length; v++) distance[v] = rnd.nextInt(4);
            List<String> byDistance = Arrays.stream(all).boxed()
                    .sorted(Comparator.<Integer>comparingInt(v -> distance[v]).thenComparing(v -> g.idAt(v), NodeIds.ORDER))
                    .map(g::idAt).toList();
            assertEquals(byDistance, Arrays.stream(IdOrder.sortedByDistance(all, distance, g)).mapToObj(g::idAt).toList(), "round " + round);
        }
    }

    @Test
    void ranksPlaceEveryNodeOnceInIdOrder() {
        Graph g = new Graph(List.of(node("12"), node("3"), node("128:81"), node("40"), node("0")));
        var ranks = g.idRanks();
        assertEquals(List.of("0", "3", "12", "40", "128:81"), IntStream.range(0, 5).mapToObj(r -> g.idAt(ranks.nodeAtRank(r))).toList());
        for (int v = 0; v < 5; v++) assertEquals(v, ranks.nodeAtRank(ranks.rankOf(v)));
        assertEquals(ranks, g.idRanks(), "built once and kept");
    }

    @Test
    void idsOfOneNumberOrderByTheirText() {
        Graph g = new Graph(List.of(node("7"), node("007"), node("3"), node("07")));
        assertEquals(List.of("3", "007", "07", "7"), IdOrder.sorted(new int[] {0, 1, 2, 3}, 0, 4, g));
    }

    private static Node node(String id) { return new Node(id, "X", null, Map.of(), 0, null); }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
