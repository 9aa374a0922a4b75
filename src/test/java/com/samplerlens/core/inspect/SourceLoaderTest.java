package com.samplerlens.core.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.graph.ApiPromptLoader;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.graph.NodeDefinitions;
import com.samplerlens.core.graph.UiWorkflowConverter;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SourceLoaderTest {

    private static final NodeDefinitions DEFS = NodeDefinitions.bundled();
    private final SourceLoader loader = new SourceLoader(DEFS);

    static Stream<Path> imagesWithBothChunks() {
        List<Path> all = new ArrayList<>(Fixtures.bundledIn("images"));
        for (Path p : Fixtures.sharedIn("images")) {
            if (all.stream().noneMatch(b -> b.getFileName().equals(p.getFileName()))) all.add(p);
        }
        return all.stream().filter(p -> {
            try {
                var m = MetadataReaders.read(p);
                return m.text(MetadataKeys.PROMPT).isPresent() && m.text(MetadataKeys.WORKFLOW).isPresent();
            } catch (UnreadableFileException e) {
                return false;
            }
        });
    }

    @ParameterizedTest
    @MethodSource("imagesWithBothChunks")
    void workflowChunkAloneGivesThePromptChunksGraph(Path image) throws Exception {
        var m = MetadataReaders.read(image);
        Graph prompt = ApiPromptLoader.load(LenientJson.parse(m.text(MetadataKeys.PROMPT).orElseThrow()), new ArrayList<>());
        var converted = UiWorkflowConverter.convert(LenientJson.parse(m.text(MetadataKeys.WORKFLOW).orElseThrow()), DEFS);
        List<String> diffs = com.samplerlens.core.graph.GraphEquivalenceAccess.differences(prompt, converted.graph());
        assertEquals(List.of(), diffs, image.getFileName() + " warnings " + converted.warnings());
    }

    @Test
    void workflowConversionWarningsShowOnlyWhenTheWorkflowIsTraced() throws Exception {
        // a UI workflow with a class nobody defines; its conversion warns about it
        String workflow = """
                {"nodes": [{"id": 1, "type": "NoSuchNodeAnywhere", "mode": 0, "inputs": [], "outputs": [], "widgets_values": [1, 2]},
                           {"id": 2, "type": "EmptyLatentImage", "mode": 0, "inputs": [], "outputs": [], "widgets_values": [512, 512, 1]}],
                 "links": []}""";
        String prompt = """
                {"2": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 512, "batch_size": 1}}}""";
        var both = new com.samplerlens.core.container.EmbeddedMetadata(Path.of("both.png"), com.samplerlens.core.container.ContainerFormat.PNG, List.of(),
                List.of(new com.samplerlens.core.container.MetadataEntry(MetadataKeys.PROMPT, "tEXt", prompt, prompt.length()),
                        new com.samplerlens.core.container.MetadataEntry(MetadataKeys.WORKFLOW, "tEXt", workflow, workflow.length())), List.of());
        var onlyWorkflow = new com.samplerlens.core.container.EmbeddedMetadata(Path.of("ui.png"), com.samplerlens.core.container.ContainerFormat.PNG, List.of(),
                List.of(new com.samplerlens.core.container.MetadataEntry(MetadataKeys.WORKFLOW, "tEXt", workflow, workflow.length())), List.of());
        LoadedSource traced = loader.load(onlyWorkflow);
        assertEquals(LoadedSource.FROM_WORKFLOW, traced.graphSource());
        assertTrue(traced.warnings().stream().anyMatch(w -> w.startsWith("workflow: no definition for NoSuchNodeAnywhere")), traced.warnings().toString());
        LoadedSource fromPrompt = loader.load(both);
        assertEquals(LoadedSource.FROM_PROMPT, fromPrompt.graphSource());
        assertEquals(List.of(), fromPrompt.warnings());
    }

    @Test
    void promptIsTracedAndTheWorkflowLendsTitlesAndPositions() throws Exception {
        LoadedSource s = loader.load(Fixtures.bundled("images/ce_lora.png"));
        assertEquals(LoadedSource.FROM_PROMPT, s.graphSource());
        assertNotNull(s.prompt());
        assertNotNull(s.workflow());
        assertTrue(s.graph().nodes().values().stream().allMatch(n -> n.position() != null), "every prompt node has a UI position");
    }

    @Test
    void a1111ImageHasParametersAndNoGraph() throws Exception {
        LoadedSource s = loader.load(Fixtures.bundled("images/sdp_automatic1111_cropped.png"));
        assertNull(s.graph());
        assertTrue(s.parameters().contains("Steps:"), s.parameters());
    }

    @Test
    void uiWorkflowJsonIsConverted() throws Exception {
        LoadedSource s = loader.load(Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_14B.json"));
        assertEquals(LoadedSource.FROM_WORKFLOW, s.graphSource());
        assertEquals(14, s.graph().size());
    }

    @Test
    void novelAiAndFooocusAreRefusedWithTheReason() {
        var novel = assertThrows(UnreadableFileException.class, () -> loader.load(Fixtures.bundled("images/sdp_novelai1_cropped.png")));
        assertEquals("sdp_novelai1_cropped.png: no ComfyUI workflow or A1111 parameters found (NovelAI metadata)", novel.getMessage());
        var fooocus = assertThrows(UnreadableFileException.class, () -> loader.load(Fixtures.bundled("images/sdp_fooocus1_cropped.png")));
        assertEquals("sdp_fooocus1_cropped.png: parameters chunk holds JSON (Fooocus), not A1111 text", fooocus.getMessage());
    }
}
