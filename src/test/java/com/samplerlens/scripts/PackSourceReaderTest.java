package com.samplerlens.scripts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.json.LenientJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/node-definitions/extract-pack-sources.py on a small pack written here, in a git
 * repository made for the test: the ways real packs declare their inputs that the reader follows
 * (a dict filled by a loop, ** of a classmethod, inherited INPUT_TYPES, names imported from
 * another module, locals bound in an if, NODE_CLASS_MAPPINGS["…"] =, @comfy_node) and reading
 * several commits.
 */
class PackSourceReaderTest {

    private static final String NODES = """
            from .lists import mode_list

            LIMIT = 3


            class Base:
                @classmethod
                def INPUT_TYPES(cls):
                    return {"required": {"text": ("STRING", {"multiline": True}), "seed": ("INT", {"default": 0})}}

                RETURN_TYPES = ("STRING",)


            class Child(Base):
                RETURN_TYPES = ("STRING", "INT")


            class Looped:
                @classmethod
                def INPUT_TYPES(cls):
                    names = ["None"] + list_names()
                    inputs = {"required": {"mode": (mode_list,), "count": ("INT", {"default": LIMIT})}}
                    for i in range(1, LIMIT + 1):
                        key = f"name_{i}"
                        inputs["required"][key] = (names,)
                        inputs["required"][f"weight_{i}"] = ("FLOAT", {"default": 1.0})
                    inputs["optional"] = {"stack": ("STACK",)}
                    return inputs

                RETURN_TYPES = ("XY",)


            class Pairs:
                COUNT = 2

                @classmethod
                def _pairs(cls, first, last):
                    cls._check()
                    out = {}
                    for n in range(first, last + 1):
                        out[f"key{n}"] = ("STRING", {"default": ""})
                    return out

                @classmethod
                def INPUT_TYPES(cls):
                    return {"required": {**cls._pairs(first=1, last=1)},
                            "optional": {**cls._pairs(first=2, last=cls.COUNT), "extra": ("EXTRA",)}}

                RETURN_TYPES = ("EXTRA",)


            class Branchy:
                @classmethod
                def INPUT_TYPES(s):
                    if gpu_ok():
                        choices = ["a"]
                    else:
                        choices = ["a", "b"]
                    s.files = list_files()
                    return {"required": {"choice": (choices,), "file": (s.files, {"image_upload": True})},
                            "optional": {"index": ("INT",)}}

                RETURN_TYPES = ("IMAGE",)


            @comfy_node(description="registered under its class name")
            class Decorated:
                @classmethod
                def INPUT_TYPES(cls):
                    return {"required": {"strength": ("FLOAT",)}}

                RETURN_TYPES = ("MODEL",)


            NODE_CLASS_MAPPINGS = {}
            try:
                NODE_CLASS_MAPPINGS["Child Node"] = Child
            except ImportError:
                pass
            NODE_CLASS_MAPPINGS["Looped"] = Looped
            NODE_CLASS_MAPPINGS["Pairs"] = Pairs
            NODE_CLASS_MAPPINGS["Branchy"] = Branchy
            """;

    @Test
    void theWaysRealPacksDeclareInputsAreFollowed(@TempDir Path dir) throws Exception {
        Path repo = pack(dir);
        JsonNode out = extract(dir, repo, "HEAD");
        assertEquals(List.of("Branchy", "Child Node", "Decorated", "Looped", "Pairs"), names(out));

        JsonNode child = out.get("Child Node");
        assertEquals(List.of("text", "seed"), strings(child.path("input_order").path("required")));
        assertEquals(List.of("STRING", "INT"), strings(child.path("output")), "its own RETURN_TYPES, the base's inputs");

        JsonNode looped = out.get("Looped");
        assertEquals(List.of("mode", "count", "name_1", "weight_1", "name_2", "weight_2", "name_3", "weight_3"),
                strings(looped.path("input_order").path("required")));
        assertEquals("COMBO", looped.path("input").path("required").path("mode").get(0).asText(), "a list imported from lists.py");
        assertEquals("COMBO", looped.path("input").path("required").path("name_3").get(0).asText());
        assertEquals("FLOAT", looped.path("input").path("required").path("weight_2").get(0).asText());
        assertEquals(List.of("stack"), strings(looped.path("input_order").path("optional")));

        JsonNode pairs = out.get("Pairs");
        assertEquals(List.of("key1"), strings(pairs.path("input_order").path("required")));
        assertEquals(List.of("key2", "extra"), strings(pairs.path("input_order").path("optional")));

        JsonNode branchy = out.get("Branchy");
        assertEquals("COMBO", branchy.path("input").path("required").path("choice").get(0).asText());
        assertTrue(branchy.path("input").path("required").path("file").get(1).path("image_upload").asBoolean());

        assertEquals(List.of("strength"), strings(out.get("Decorated").path("input_order").path("required")));
    }

    @Test
    void severalCommitsKeepOnlyTheClassesThatChanged(@TempDir Path dir) throws Exception {
        Path repo = pack(dir);
        Files.writeString(repo.resolve("nodes.py"), NODES.replace("LIMIT = 3", "LIMIT = 2"));
        git(repo, "commit", "-q", "-am", "two pairs");
        JsonNode out = extract(dir, repo, "HEAD", "HEAD~1");
        JsonNode versions = out.path("_versions");
        assertEquals(2, versions.size());
        assertEquals(5, versions.get(0).size(), "the first commit gives every class");
        assertEquals(List.of("Looped"), names(versions.get(1)), "the older commit adds only the class that differs");
        assertEquals(8, versions.get(1).path("Looped").path("input_order").path("required").size());
        assertEquals(6, versions.get(0).path("Looped").path("input_order").path("required").size());
        assertFalse(versions.get(0).path("Looped").path("python_module").asText()
                .equals(versions.get(1).path("Looped").path("python_module").asText()), "each version names its commit");
    }

    private static Path pack(Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("pack"));
        int init;
        try {
            init = run(repo, "git", "init", "-q");
        } catch (java.io.IOException e) {
            init = -1;
        }
        Assumptions.assumeTrue(init == 0, "git is not installed");
        git(repo, "config", "user.name", "test");
        git(repo, "config", "user.email", "test@example.invalid");
        Files.writeString(repo.resolve("nodes.py"), NODES);
        Files.writeString(repo.resolve("lists.py"), "mode_list = [\"fast\", \"slow\"]\n");
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "pack");
        return repo;
    }

    private static JsonNode extract(Path dir, Path repo, String... revs) throws Exception {
        Path script = Path.of("scripts/node-definitions/extract-pack-sources.py").toAbsolutePath();
        Path out = dir.resolve("out.json");
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString(), repo.resolve(".git").toString(), "test/pack", out.toString()));
        cmd.addAll(List.of(revs));
        int rc;
        try {
            rc = run(dir, cmd.toArray(String[]::new));
        } catch (java.io.IOException e) {
            Assumptions.assumeTrue(false, "python3 is not installed");
            return null;
        }
        assertEquals(0, rc, "extract-pack-sources.py exit code");
        return LenientJson.mapper().readTree(out.toFile());
    }

    private static void git(Path repo, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        assertEquals(0, run(repo, cmd.toArray(String[]::new)), String.join(" ", cmd));
    }

    private static int run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", cmd) + " finished");
        return p.exitValue();
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
