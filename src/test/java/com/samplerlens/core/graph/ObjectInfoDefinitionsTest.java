package com.samplerlens.core.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's object_info export laid on top of the bundled definitions (--node-defs), read as the generator reads the dumps. */
class ObjectInfoDefinitionsTest {

    private static Path dump(String name) {
        Path root = Fixtures.sharedRoot();
        if (root == null) throw new AssertionError("../shared is missing: the object_info dumps are read from there");
        return root.getParent().resolve("data/object-info").resolve(name);
    }

    @Test
    void aRealExportGivesTheFrontendWidgetOrderAndKeepsTheBundledKinds() throws Exception {
        NodeDefinitions defs = NodeDefinitions.bundled().withObjectInfo(dump("2025-10_orchestrator-v3.json"));
        assertEquals(List.of("seed", "control_after_generate", "steps", "cfg", "sampler_name", "scheduler", "denoise"),
                defs.find("KSampler").orElseThrow().widgets());
        assertEquals(List.of("image", "$upload"), defs.find("LoadImage").orElseThrow().widgets());
        assertEquals(List.of("noise_seed", "control_after_generate"), defs.find("RandomNoise").orElseThrow().widgets());
        assertTrue(defs.find("KSampler").orElseThrow().core());
        assertEquals(NodeDefinitions.Kind.REROUTE, defs.kindOf("Reroute"), "frontend-only kinds stay bundled");
        // the export's classes replace the bundled ones: the same facts the generator derived
        for (String c : List.of("KSampler", "CLIPTextEncode", "CFGGuider", "LTXVScheduler")) {
            assertEquals(NodeDefinitions.bundled().find(c).orElseThrow().widgets(), defs.find(c).orElseThrow().widgets(), c);
        }
    }

    @Test
    void anUploadButtonClosesTheSectionOfItsCombo(@TempDir Path dir) throws Exception {
        // SDPromptReader's INPUT_TYPES (receyuki/comfyui-prompt-reader-node): its saved workflows store
        // ["00067-2302238556.png", "image", 0, …], the upload value before the optional parameter_index
        Path export = Files.writeString(dir.resolve("object_info.json"), """
                {"SDPromptReader": {"input": {"required": {"image": [["a.png"], {"image_upload": true}]},
                                              "optional": {"parameter_index": ["INT", {"default": 0}]}},
                                    "input_order": {"required": ["image"], "optional": ["parameter_index"]},
                                    "output": ["IMAGE"], "python_module": "custom_nodes.comfyui-prompt-reader-node"}}""");
        NodeDefinitions defs = NodeDefinitions.bundled().withObjectInfo(export);
        assertEquals(List.of("image", "$upload", "parameter_index"), defs.find("SDPromptReader").orElseThrow().widgets());
        assertEquals(NodeDefinitions.bundled().find("SDPromptReader").orElseThrow().widgets(),
                defs.find("SDPromptReader").orElseThrow().widgets(), "the generator places it the same way");
    }

    @Test
    void somethingElseIsRefusedWithTheFileName(@TempDir Path dir) throws Exception {
        Path notInfo = Files.writeString(dir.resolve("x.json"), "{\"a\": 1}");
        IOException e = assertThrows(IOException.class, () -> NodeDefinitions.bundled().withObjectInfo(notInfo));
        assertTrue(e.getMessage().startsWith("x.json: not a ComfyUI object_info export"), e.getMessage());
    }
}
