package com.samplerlens.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.trace.Reach;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The graph's int index (node order, links in by index, their sources) and the walks on it agree
 * with what the nodes' own inputs say, read here without the index: on real prompts and on a
 * graph with a link to a missing node and a repeated id.
 */
class GraphIndexTest {

    @Test
    void indexMatchesTheInputsOfRealPrompts() throws Exception {
        int checked = 0;
        for (String name : List.of("ce_2_pass_pose_worship.png", "ce_flux2_example.png", "ce_hidream_e1_example.png",
                "ce_sd3_anime_example.png", "ce_sdxl_edit_model.png", "ce_sdxl_simple_example.png",
                "eff_HiResfix_workflow.png", "prn_hires_fix_example.png")) {
            var file = RealWorldGraphTest.realworld(name);
            if (MetadataReaders.read(file).text(MetadataKeys.PROMPT).isEmpty()) continue; // a UI workflow only
            Graph g = RealWorldGraphTest.promptOf(file);
            assertTrue(g.size() > 5, name + " has a graph");
            assertIndexMatchesInputs(g, name);
            checked++;
        }
        assertTrue(checked >= 3, "at least three real prompts checked, not " + checked);
    }

    @Test
    void missingSourcesStayLiteralAndARepeatedIdKeepsItsFirstPlace() {
        List<Node> list = new ArrayList<>();
        list.add(new Node("5", "CheckpointLoaderSimple", null, Map.of(), 0, null));
        list.add(new Node("7", "KSampler", null, Map.of("model", new InputValue.Link("5", 0), "vae", new InputValue.Link("99", 2)), 0, null));
        list.add(new Node("9", "SaveImage", null, Map.of("images", new InputValue.Link("7", 0)), 0, null));
        // a later node with id 5 replaces the first one in its place, as the id map always did
        list.add(new Node("5", "UNETLoader", null, Map.of(), 0, null));
        Graph g = new Graph(list);
        assertEquals(3, g.size());
        assertEquals("UNETLoader", g.nodeAt(0).classType());
        assertEquals("UNETLoader", g.className(g.classIndexAt(0)), "the replaced node's class is not indexed");
        assertEquals(List.of(new Graph.Edge("5", 0, "7", "model")), g.incoming("7"));
        assertEquals(-1, g.indexOf("99"));
        assertEquals(List.of(), g.incoming("99"));
        assertEquals(Set.of("9", "7", "5"), Reach.upstream(g, "9"));
        assertEquals(Set.of(), Reach.upstream(g, "99"));
        assertIndexMatchesInputs(g, "synthetic");
    }

    private static void assertIndexMatchesInputs(Graph g, String name) {
        List<Node> order = new ArrayList<>(g.nodes().values());
        List<Graph.Edge> all = new ArrayList<>();
        Map<String, List<Graph.Edge>> in = new LinkedHashMap<>();
        for (int v = 0; v < order.size(); v++) {
            Node n = order.get(v);
            assertEquals(n, g.nodeAt(v), name + ": node " + v);
            assertEquals(v, g.indexOf(n.id()), name + ": index of " + n.id());
            assertEquals(n.id(), g.idAt(v), name + ": id at " + v);
            assertEquals(n.classType(), g.className(g.classIndexAt(v)), name + ": class at " + v);
            List<Graph.Edge> expected = new ArrayList<>();
            for (Map.Entry<String, InputValue> input : n.inputs().entrySet()) {
                if (input.getValue() instanceof InputValue.Link l && g.contains(l.sourceId()))
                    expected.add(new Graph.Edge(l.sourceId(), l.outputIndex(), n.id(), input.getKey()));
            }
            in.put(n.id(), expected);
            all.addAll(expected);
            assertEquals(expected, g.incoming(n.id()), name + ": links into " + n.id());
            List<Graph.Edge> byIndex = new ArrayList<>();
            for (int e = g.firstIn(v); e < g.firstIn(v + 1); e++) {
                byIndex.add(g.edgeAt(e));
                assertEquals(g.indexOf(g.edgeAt(e).from()), g.sourceOf(e), name + ": source of link " + e);
            }
            assertEquals(expected, byIndex, name + ": indexed links into " + n.id());
        }
        assertEquals(all, g.edges(), name + ": all links");
        // the id ranks put every node once, in NodeIds order
        List<String> ranked = new ArrayList<>();
        for (int r = 0; r < order.size(); r++) ranked.add(g.idAt(g.idRanks().nodeAtRank(r)));
        assertEquals(order.stream().map(Node::id).sorted(NodeIds.ORDER).toList(), ranked, name + ": id ranks");
        // one index per distinct class, each used
        assertEquals(order.stream().map(Node::classType).distinct().count(), g.classCount(), name + ": classes");
        for (int v = 0; v < order.size(); v++) {
            String id = order.get(v).id();
            List<Graph.Edge> out = all.stream().filter(e -> e.from().equals(id)).toList();
            assertEquals(out, g.outgoing(id), name + ": links out of " + id);
            assertEquals(!out.isEmpty(), g.hasOutgoing(v), name + ": " + id + " has links out");
            assertEquals(upstreamByIds(in, id), Reach.upstream(g, id), name + ": upstream of " + id);
        }
    }

    /** The upstream set walked over id-keyed lists, as Reach did before the index. */
    private static Set<String> upstreamByIds(Map<String, List<Graph.Edge>> in, String start) {
        Set<String> seen = new HashSet<>(Set.of(start));
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) for (Graph.Edge e : in.get(queue.poll())) if (seen.add(e.from())) queue.add(e.from());
        return seen;
    }
}
