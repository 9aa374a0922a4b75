package com.samplerlens.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Subgraph expansion on generated workflows: promoted widget values mapped as the frontend maps
 * them, and hostile shapes (deep chains of distinct subgraphs, huge link lists used many times,
 * self-containing and exponentially nested subgraphs) that must end with a bounded graph and a
 * warning rather than take minutes (issue 14 item 4; the cost is linear in what is expanded).
 */
class SubgraphExpansionTest {

    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    private static final NodeDefinitions DEFS = NodeDefinitions.bundled();

    // ---- builders -------------------------------------------------------------------------

    private static ObjectNode node(ArrayNode nodes, int id, String type) {
        ObjectNode n = nodes.addObject();
        n.put("id", id);
        n.put("type", type);
        n.put("mode", 0);
        n.putArray("inputs");
        n.putArray("outputs");
        return n;
    }

    private static ObjectNode input(ObjectNode node, String name, String type, Integer link, String widget) {
        ObjectNode in = ((ArrayNode) node.get("inputs")).addObject();
        in.put("name", name);
        in.put("type", type);
        if (link == null) in.putNull("link"); else in.put("link", link);
        if (widget != null) in.putObject("widget").put("name", widget);
        return in;
    }

    private static void link(ArrayNode links, int id, int from, int fromSlot, int to, int toSlot, String type) {
        ObjectNode l = links.addObject();
        l.put("id", id);
        l.put("origin_id", from);
        l.put("origin_slot", fromSlot);
        l.put("target_id", to);
        l.put("target_slot", toSlot);
        l.put("type", type);
    }

    private static ObjectNode subgraph(ArrayNode defs, String id) {
        ObjectNode sg = defs.addObject();
        sg.put("id", id);
        sg.putArray("nodes");
        sg.putArray("links");
        sg.putArray("inputs");
        sg.putArray("outputs");
        return sg;
    }

    private static ObjectNode workflow() {
        ObjectNode wf = J.objectNode();
        wf.putArray("nodes");
        wf.putArray("links");
        wf.putObject("definitions").putArray("subgraphs");
        return wf;
    }

    private static ArrayNode subgraphs(ObjectNode wf) {
        return (ArrayNode) wf.get("definitions").get("subgraphs");
    }

    /** A subgraph whose inputs seed and steps feed a KSampler's seed and steps widgets (inner node 1). */
    private static ObjectNode samplerWorkflow() {
        ObjectNode wf = workflow();
        ObjectNode sg = subgraph(subgraphs(wf), "sg-sampler");
        ArrayNode sgInputs = (ArrayNode) sg.get("inputs");
        sgInputs.addObject().put("name", "seed").put("type", "INT").putArray("linkIds").add(1);
        sgInputs.addObject().put("name", "steps").put("type", "INT").putArray("linkIds").add(2);
        ObjectNode ks = node((ArrayNode) sg.get("nodes"), 1, "KSampler");
        input(ks, "seed", "INT", 1, "seed");
        input(ks, "steps", "INT", 2, "steps");
        ks.putArray("widgets_values").add(111).add("fixed").add(5).add(8).add("euler").add("normal").add(1);
        link((ArrayNode) sg.get("links"), 1, -10, 0, 1, 0, "INT");
        link((ArrayNode) sg.get("links"), 2, -10, 1, 1, 1, "INT");
        return wf;
    }

    private static ObjectNode samplerInstance(ObjectNode wf, Integer seedLink) {
        ObjectNode inst = node((ArrayNode) wf.get("nodes"), 10, "sg-sampler");
        input(inst, "seed", "INT", seedLink, "seed");
        input(inst, "steps", "INT", null, "steps");
        return inst;
    }

    private static JsonNode literal(Graph g, String id, String input) {
        InputValue v = g.node(id).inputs().get(input);
        assertTrue(v instanceof InputValue.Literal, id + "." + input + ": " + v);
        return ((InputValue.Literal) v).value();
    }

    // ---- promoted widgets -----------------------------------------------------------------

    @Test
    void oneValuePerPromotedInputInInputOrder() {
        ObjectNode wf = samplerWorkflow();
        samplerInstance(wf, null).putArray("widgets_values").add(7).add(30);
        Graph g = UiWorkflowConverter.convert(wf, DEFS).graph();
        assertEquals(7, literal(g, "10:1", "seed").asInt());
        assertEquals(30, literal(g, "10:1", "steps").asInt());
    }

    @Test
    void olderFilesStoreAControlValueAfterAPromotedSeed() {
        ObjectNode wf = samplerWorkflow();
        samplerInstance(wf, null).putArray("widgets_values").add(7).add("randomize").add(30);
        Graph g = UiWorkflowConverter.convert(wf, DEFS).graph();
        assertEquals(7, literal(g, "10:1", "seed").asInt());
        assertEquals(30, literal(g, "10:1", "steps").asInt());
    }

    @Test
    void aLinkedPromotedInputKeepsItsValueSlotSoTheNextWidgetIsNotShifted() {
        // seed is linked from a PrimitiveInt outside; its stored value 7 still occupies slot 0
        ObjectNode wf = samplerWorkflow();
        ObjectNode prim = node((ArrayNode) wf.get("nodes"), 20, "PrimitiveInt");
        prim.putArray("widgets_values").add(99).add("fixed");
        ((ArrayNode) prim.get("outputs")).addObject().put("name", "INT").put("type", "INT");
        link((ArrayNode) wf.get("links"), 5, 20, 0, 10, 0, "INT");
        samplerInstance(wf, 5).putArray("widgets_values").add(7).add(30);
        Graph g = UiWorkflowConverter.convert(wf, DEFS).graph();
        assertEquals(new InputValue.Link("20", 0), g.node("10:1").inputs().get("seed"));
        assertEquals(30, literal(g, "10:1", "steps").asInt());
    }

    @Test
    void legacyProxyWidgetsMapValuesByEntryIncludingInnerWidgetsWithoutAnInput() {
        // proxyWidgets [[-1, steps], [1, cfg]]: value 0 goes to input steps, value 1 to the inner cfg widget
        ObjectNode wf = samplerWorkflow();
        ObjectNode inst = samplerInstance(wf, null);
        inst.putArray("widgets_values").add(12).add(4.5);
        ArrayNode proxies = inst.putObject("properties").putArray("proxyWidgets");
        proxies.addArray().add("-1").add("steps");
        proxies.addArray().add("1").add("cfg");
        Graph g = UiWorkflowConverter.convert(wf, DEFS).graph();
        assertEquals(12, literal(g, "10:1", "steps").asInt());
        assertEquals(4.5, literal(g, "10:1", "cfg").asDouble());
        assertEquals(111, literal(g, "10:1", "seed").asInt(), "seed not in the proxy list: the inner widget's own value");
    }

    @Test
    void aPromotedValueReachesTheWidgetOfANestedSubgraph() {
        // outer subgraph "sg-outer" promotes its input seed to the nested instance 5 (of sg-sampler),
        // which promotes it in turn to its KSampler; the outer instance 10 holds [77, 30]
        ObjectNode wf = samplerWorkflow();
        ObjectNode outer = subgraph(subgraphs(wf), "sg-outer");
        ArrayNode outerInputs = (ArrayNode) outer.get("inputs");
        outerInputs.addObject().put("name", "seed").put("type", "INT").putArray("linkIds").add(1);
        outerInputs.addObject().put("name", "steps").put("type", "INT").putArray("linkIds").add(2);
        ObjectNode nested = node((ArrayNode) outer.get("nodes"), 5, "sg-sampler");
        input(nested, "seed", "INT", 1, "seed");
        input(nested, "steps", "INT", 2, "steps");
        nested.putArray("widgets_values").add(1).add(2);
        link((ArrayNode) outer.get("links"), 1, -10, 0, 5, 0, "INT");
        link((ArrayNode) outer.get("links"), 2, -10, 1, 5, 1, "INT");
        ObjectNode inst = node((ArrayNode) wf.get("nodes"), 10, "sg-outer");
        input(inst, "seed", "INT", null, "seed");
        input(inst, "steps", "INT", null, "steps");
        inst.putArray("widgets_values").add(77).add(30);
        Graph g = UiWorkflowConverter.convert(wf, DEFS).graph();
        assertEquals(77, literal(g, "10:5:1", "seed").asInt());
        assertEquals(30, literal(g, "10:5:1", "steps").asInt());
    }

    // ---- hostile shapes -------------------------------------------------------------------

    @Test
    void aChainOfThirtyThousandDistinctSubgraphsStopsAtTheNestingCap() {
        int levels = 30_000;
        ObjectNode wf = workflow();
        node((ArrayNode) wf.get("nodes"), 1, "sg-0");
        node((ArrayNode) wf.get("nodes"), 2, "PrimitiveInt").putArray("widgets_values").add(1).add("fixed");
        for (int i = 0; i < levels; i++) {
            ObjectNode sg = subgraph(subgraphs(wf), "sg-" + i);
            node((ArrayNode) sg.get("nodes"), 1, "PrimitiveInt").putArray("widgets_values").add(i).add("fixed");
            if (i + 1 < levels) node((ArrayNode) sg.get("nodes"), 2, "sg-" + (i + 1));
        }
        var converted = UiWorkflowConverter.convert(wf, DEFS);
        // the top-level PrimitiveInt plus one per expanded level
        assertEquals(1 + UiWorkflowConverter.MAX_NESTING, converted.graph().size());
        assertTrue(converted.warnings().stream().anyMatch(w -> w.contains("nest deeper than " + UiWorkflowConverter.MAX_NESTING)), converted.warnings().toString());
        String deepest = "1" + ":2".repeat(UiWorkflowConverter.MAX_NESTING - 1) + ":1";
        assertEquals(UiWorkflowConverter.MAX_NESTING - 1, literal(converted.graph(), deepest, "value").asInt());
    }

    @Test
    void linksCountTowardTheExpansionCap() {
        // one subgraph of 2 nodes and 100,000 links, 1,000 instances: 100 million links unchecked
        int linkCount = 100_000;
        ObjectNode wf = workflow();
        ObjectNode sg = subgraph(subgraphs(wf), "sg-links");
        node((ArrayNode) sg.get("nodes"), 1, "PrimitiveInt").putArray("widgets_values").add(1).add("fixed");
        ObjectNode sink = node((ArrayNode) sg.get("nodes"), 2, "PreviewAny");
        input(sink, "source", "*", 1, null);
        ArrayNode links = (ArrayNode) sg.get("links");
        for (int i = 1; i <= linkCount; i++) link(links, i, 1, 0, 2, 0, "INT");
        for (int i = 0; i < 1_000; i++) node((ArrayNode) wf.get("nodes"), 100 + i, "sg-links");
        var converted = UiWorkflowConverter.convert(wf, DEFS);
        long perInstance = 2 + linkCount;
        long expandedInstances = UiWorkflowConverter.MAX_EXPANDED_ELEMENTS / perInstance;
        assertEquals(2 * expandedInstances, converted.graph().size());
        assertEquals(1, converted.warnings().stream().filter(w -> w.contains("expand to more than")).count(), converted.warnings().toString());
        assertTrue(converted.warnings().getFirst().contains("node " + (100 + expandedInstances) + " "), converted.warnings().toString());
    }

    @Test
    void tenInstancesPerLevelNineLevelsDeepHitsTheBudgetNotTheMemory() {
        ObjectNode wf = workflow();
        node((ArrayNode) wf.get("nodes"), 1, "sg-0");
        for (int level = 0; level < 9; level++) {
            ObjectNode sg = subgraph(subgraphs(wf), "sg-" + level);
            node((ArrayNode) sg.get("nodes"), 1, "PrimitiveInt").putArray("widgets_values").add(level).add("fixed");
            if (level < 8) for (int k = 0; k < 10; k++) node((ArrayNode) sg.get("nodes"), 10 + k, "sg-" + (level + 1));
        }
        var converted = UiWorkflowConverter.convert(wf, DEFS);
        assertTrue(converted.graph().size() < UiWorkflowConverter.MAX_EXPANDED_ELEMENTS, "size " + converted.graph().size());
        assertTrue(converted.graph().size() > 10_000, "expanded up to the budget: " + converted.graph().size());
        assertTrue(converted.warnings().stream().anyMatch(w -> w.contains("expand to more than")), converted.warnings().toString());
    }

    @Test
    void aSubgraphThatContainsItselfThroughAnotherIsNotExpandedForever() {
        ObjectNode wf = workflow();
        node((ArrayNode) wf.get("nodes"), 1, "sg-a");
        ObjectNode a = subgraph(subgraphs(wf), "sg-a");
        node((ArrayNode) a.get("nodes"), 1, "PrimitiveInt").putArray("widgets_values").add(1).add("fixed");
        node((ArrayNode) a.get("nodes"), 2, "sg-b");
        ObjectNode b = subgraph(subgraphs(wf), "sg-b");
        node((ArrayNode) b.get("nodes"), 1, "PrimitiveInt").putArray("widgets_values").add(2).add("fixed");
        node((ArrayNode) b.get("nodes"), 2, "sg-a");
        var converted = UiWorkflowConverter.convert(wf, DEFS);
        assertTrue(converted.graph().size() <= 2, "at most one level of each: " + converted.graph().nodes().keySet());
        assertEquals(List.of("subgraph sg-a contains itself; its instances were not expanded"), converted.warnings());
    }
}
