package com.samplerlens.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.app.graph.CanvasScene.CanvasNode;
import com.samplerlens.app.graph.CanvasScene.Kind;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.inspect.LoadedSource;
import com.samplerlens.core.inspect.SourceLoader;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The canvas built from real workflows: positions, slots, widgets, groups, notes and subgraph levels as the files hold them. */
class CanvasScenesTest {

    private final SourceLoader loader = new SourceLoader(NodeDefinitions.bundled());

    private CanvasScene sceneOf(Path file) throws Exception {
        LoadedSource source = loader.load(file);
        Map<String, String> texts = new LinkedHashMap<>();
        if (source.prompt() != null) texts.put("prompt", source.prompt());
        if (source.workflow() != null) texts.put("workflow", source.workflow());
        return CanvasScenes.build(source.graph(), texts);
    }

    @Test
    void drawsTheWorkflowWhereAndAsItSays() throws Exception {
        CanvasScene scene = sceneOf(Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json"));
        assertTrue(scene.fromWorkflow());
        // node 58 in the file: "pos": [1262.509765625, -26.73247528076172], "size": [304.748046875, 334]
        CanvasNode ks = scene.top().node("58");
        assertEquals(1262.509765625, ks.x());
        assertEquals(-26.73247528076172, ks.y());
        assertEquals(-26.73247528076172 - 30, ks.top(), 1e-9, "the title bar sits above the position");
        assertEquals(304.748046875, ks.width());
        assertEquals(334, ks.bodyHeight());
        // the KSamplerAdvanced's slots and link types, and its widget values by name
        assertEquals(List.of("model", "positive", "negative", "latent_image"), ks.inputs().stream().map(CanvasScene.Slot::name).toList());
        assertEquals(List.of("MODEL", "CONDITIONING", "CONDITIONING", "LATENT"), ks.inputs().stream().map(CanvasScene.Slot::type).toList());
        Map<String, String> widgets = ks.widgets().stream().collect(Collectors.toMap(CanvasScene.Widget::name, CanvasScene.Widget::value));
        assertTrue(widgets.containsKey("noise_seed") && widgets.containsKey("steps") && widgets.containsKey("cfg")
                && widgets.containsKey("sampler_name") && widgets.containsKey("scheduler"), widgets.toString());
        // the two Notes the converter drops are drawn, with their text
        List<CanvasNode> notes = scene.top().nodes().stream().filter(n -> n.kind() == Kind.NOTE || n.type().equals("MarkdownNote")).toList();
        assertFalse(notes.isEmpty(), "notes are drawn");
        assertTrue(notes.stream().allMatch(n -> n.text() != null && !n.text().isBlank()));
        // prompt text is a multi-line widget
        assertTrue(scene.top().node("6").widgets().stream().anyMatch(w -> w.multiline() && w.value().length() > 20));
        assertTrue(scene.top().links().stream().anyMatch(l -> l.type().equals("MODEL")));
    }

    @Test
    void aLegacyGroupNodeIsDrawnAsASubgraphNodeThatOpensToItsInnerNodes() throws Exception {
        // node 37 is "workflow>IP2PSampler", a group node of 9 inner nodes under extra.groupNodes
        CanvasScene scene = sceneOf(CanvasViewTest.shared("realworld/ce_hidream_e1_example.png"));
        CanvasNode group = scene.top().node("37");
        assertEquals(Kind.SUBGRAPH, group.kind());
        assertEquals("IP2PSampler", group.title());
        assertEquals(1152, group.x(), "where the workflow put the instance");
        assertEquals("37:", group.opens());
        // its face names the instance's values ["euler", 850933585641497, "randomize", "normal", 20, 1, 5, 2];
        // "randomize" is the seed's control_after_generate, not shown
        assertEquals(List.of("sampler_name euler", "noise_seed 850933585641497", "scheduler normal", "steps 20", "denoise 1",
                        "cfg_conds 5", "cfg_cond2_negative 2"),
                group.widgets().stream().map(w -> w.name() + " " + w.value()).toList());
        CanvasScene.Level inside = scene.levels().get("37:");
        assertNotNull(inside, "the group node opens");
        assertEquals("", inside.parent());
        assertEquals(9, inside.nodes().size());
        // inner nodes where the group stored them, with the ids the tracer gives them
        CanvasNode sampler = inside.node("37:8");
        assertEquals("SamplerCustomAdvanced", sampler.type());
        assertEquals(1296, sampler.x());
        assertEquals(1200, sampler.y());
        assertEquals("37:", scene.levelOf("37:8").prefix());
        assertTrue(sampler.inputs().stream().allMatch(CanvasScene.Slot::linked), "every input of the sampler is fed inside the group");
        // links between inner nodes, typed; none from outside the group
        assertTrue(inside.links().stream().anyMatch(l -> l.from().equals("37:7") && l.to().equals("37:8") && l.type().equals("GUIDER")));
        assertEquals(12, inside.links().size(), "17 group links, 5 of them from outside");
        // the seed shown inside is the instance's (850933585641497), not the group's stored 156680208700303
        assertTrue(inside.node("37:1").widgets().stream().anyMatch(w -> w.value().equals("850933585641497")),
                inside.node("37:1").widgets().toString());
        // the older "workflow/NAME" spelling too
        CanvasScene older = sceneOf(CanvasViewTest.shared("realworld/ce_sdxl_edit_model.png"));
        assertEquals("37:", older.top().node("37").opens());
        assertEquals(9, older.levels().get("37:").nodes().size());
    }

    @Test
    void eachSubgraphInstanceIsANodeAtItsOwnPlaceAndOpensItsOwnLevel() throws Exception {
        CanvasScene scene = sceneOf(CanvasViewTest.ONE_TO_ALL_FILE);
        for (String id : List.of("263", "297", "311")) {
            CanvasNode n = scene.top().node(id);
            assertEquals(Kind.SUBGRAPH, n.kind());
            assertEquals(id + ":", n.opens());
            assertNotNull(scene.levels().get(id + ":"), "level of " + id);
            assertEquals("", scene.levels().get(id + ":").parent());
        }
        assertEquals(5141.819270499038, scene.top().node("311").x(), "instance 311 where the workflow put it");
        assertNull(scene.top().node("311:248"));
        assertEquals("311:", scene.levelOf("311:248").prefix(), "the sampler lives inside 311");
        assertNotNull(scene.levels().get("311:").node("311:-10"), "the subgraph's inputs are drawn");
        assertEquals(3, scene.top().groups().size());
        assertEquals("Pose extraction", scene.top().groups().getFirst().title());
        assertTrue(scene.top().node("306").bodyHeight() > 1000, "the save node keeps its size");
    }

    @Test
    void anApiPromptIsLaidOutLeftToRightWithTheSameNodes() throws Exception {
        CanvasScene scene = sceneOf(Fixtures.bundled("workflows/api/ce_wan22_text_to_video_wan22_14B.prompt.json"));
        assertFalse(scene.fromWorkflow());
        List<CanvasNode> nodes = scene.top().nodes();
        for (CanvasScene.CanvasLink l : scene.top().links()) {
            CanvasNode from = scene.top().node(l.from());
            CanvasNode to = scene.top().node(l.to());
            assertTrue(from.x() + from.width() <= to.x(), l + " should run left to right");
        }
        List<CanvasNode> boxes = new ArrayList<>(nodes);
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                CanvasNode a = boxes.get(i), b = boxes.get(j);
                boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
                        || a.y() + a.bodyHeight() <= b.top() || b.y() + b.bodyHeight() <= a.top();
                assertTrue(apart, a.id() + " and " + b.id() + " overlap");
            }
        }
        CanvasNode sampler = nodes.stream().filter(n -> n.type().equals("KSamplerAdvanced")).findFirst().orElseThrow();
        assertTrue(sampler.inputs().stream().anyMatch(s -> s.type().equals("MODEL")), "link types guessed from input names");
        assertTrue(sampler.widgets().stream().anyMatch(w -> w.name().equals("steps")));
    }

    @Test
    void numbersReadAsComfyShowsThem() {
        assertEquals("3.5", CanvasScenes.shortNumber(3.5));
        assertEquals("1", CanvasScenes.shortNumber(1.0));
        assertEquals("0.875", CanvasScenes.shortNumber(0.875));
    }
}
