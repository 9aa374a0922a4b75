package com.samplerlens.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Hostile graphs as workflow JSON files: cycles, dangling links, very long chains, odd ids. */
final class HostileGraphs {
    private HostileGraphs() {}

    static final int CHAIN_LENGTH = 60_000;

    /** Writes every graph file into {@code dir} and returns their names. */
    static List<String> writeAll(Path dir) {
        write(dir, "cycle.json", """
                {"3": {"class_type": "KSampler", "inputs": {"model": ["4", 0], "seed": 1, "steps": 20, "cfg": 7.0,
                       "sampler_name": "euler", "scheduler": "normal", "denoise": 1.0,
                       "positive": ["6", 0], "negative": ["6", 0], "latent_image": ["3", 0]}},
                 "4": {"class_type": "LoraLoader", "inputs": {"model": ["5", 0], "clip": ["5", 1], "lora_name": "a.safetensors", "strength_model": 1.0, "strength_clip": 1.0}},
                 "5": {"class_type": "LoraLoader", "inputs": {"model": ["4", 0], "clip": ["4", 1], "lora_name": "b.safetensors", "strength_model": 1.0, "strength_clip": 1.0}},
                 "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "a cat", "clip": ["5", 1]}},
                 "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["8", 0]}},
                 "9": {"class_type": "SaveImage", "inputs": {"images": ["8", 0], "filename_prefix": "x"}}}
                """);
        write(dir, "missing-node.json", """
                {"3": {"class_type": "KSampler", "inputs": {"model": ["404", 0], "seed": 1, "steps": 20, "cfg": 7.0,
                       "sampler_name": "euler", "scheduler": "normal", "denoise": 1.0, "positive": ["77", 0],
                       "negative": ["78", 0], "latent_image": ["79", 0]}},
                 "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["80", 0]}},
                 "9": {"class_type": "SaveImage", "inputs": {"images": ["8", 0], "filename_prefix": "x"}}}
                """);
        write(dir, "sampler-without-inputs.json", """
                {"3": {"class_type": "KSampler"},
                 "4": {"class_type": "KSamplerAdvanced", "inputs": {}},
                 "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0]}},
                 "9": {"class_type": "SaveImage", "inputs": {"images": ["8", 0]}}}
                """);
        write(dir, "non-string-ids.json", """
                {"3": {"class_type": "KSampler", "inputs": {"model": [4, 0], "positive": [6.5, 0], "negative": [null, 0],
                       "latent_image": [true, 0], "seed": [[1], 0], "steps": {"id": 4}, "cfg": NaN, "denoise": -Infinity}},
                 "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": 12}},
                 "9": {"class_type": "SaveImage", "inputs": {"images": [3.0, 0]}}}
                """);
        write(dir, "not-nodes.json", """
                {"1": "KSampler", "2": [1, 2], "3": {"class_type": 42}, "4": {"class_type": "SaveImage", "inputs": "x"}}
                """);
        write(dir, "ui-link-cycle.json", """
                {"nodes": [{"id": 1, "type": "LoraLoader", "inputs": [{"name": "model", "type": "MODEL", "link": 1}], "outputs": [{"type": "MODEL"}]},
                           {"id": 2, "type": "KSampler", "inputs": [{"name": "model", "type": "MODEL", "link": 2}], "outputs": [{"type": "LATENT"}],
                            "widgets_values": [1, "fixed", 20, 8.0, "euler", "normal", 1.0]},
                           {"id": "x", "type": "Reroute", "inputs": [{"name": "", "type": "*", "link": 3}], "outputs": [{"type": "*"}]}],
                 "links": [[1, 2, 0, 1, 0, "MODEL"], [2, 1, 0, 2, 0, "MODEL"], [3, "x", 0, "x", 0, "*"], [4, 1, 0, 999, 0, "MODEL"], "junk", null]}
                """);
        writeChain(dir.resolve("chain-60000.json"));
        writeUiChain(dir.resolve("ui-chain-60000.json"));
        writeSubgraphBomb(dir.resolve("subgraph-bomb.json"));
        return List.of("cycle.json", "missing-node.json", "sampler-without-inputs.json", "non-string-ids.json", "not-nodes.json",
                "ui-link-cycle.json", "chain-60000.json", "ui-chain-60000.json", "subgraph-bomb.json");
    }

    /** SaveImage ← VAEDecode ← KSampler ← 60,000 LoraLoaders ← CheckpointLoaderSimple, as an API prompt. */
    static void writeChain(Path file) {
        StringBuilder sb = new StringBuilder("{\"ckpt\": {\"class_type\": \"CheckpointLoaderSimple\", \"inputs\": {\"ckpt_name\": \"m.safetensors\"}}");
        String prev = "ckpt";
        for (int i = 0; i < CHAIN_LENGTH; i++) {
            String id = String.valueOf(i + 100);
            sb.append(",\n\"").append(id).append("\": {\"class_type\": \"LoraLoader\", \"inputs\": {\"model\": [\"").append(prev)
                    .append("\", 0], \"clip\": [\"").append(prev).append("\", 1], \"lora_name\": \"l").append(i)
                    .append(".safetensors\", \"strength_model\": 0.5, \"strength_clip\": 0.5}}");
            prev = id;
        }
        sb.append(",\n\"3\": {\"class_type\": \"KSampler\", \"inputs\": {\"model\": [\"").append(prev).append("\", 0], \"seed\": 1, \"steps\": 20, \"cfg\": 7.0,"
                + " \"sampler_name\": \"euler\", \"scheduler\": \"normal\", \"denoise\": 1.0, \"positive\": [\"6\", 0], \"negative\": [\"6\", 0], \"latent_image\": [\"5\", 0]}}");
        sb.append(",\n\"5\": {\"class_type\": \"EmptyLatentImage\", \"inputs\": {\"width\": 512, \"height\": 512, \"batch_size\": 1}}");
        sb.append(",\n\"6\": {\"class_type\": \"CLIPTextEncode\", \"inputs\": {\"text\": \"a cat\", \"clip\": [\"").append(prev).append("\", 1]}}");
        sb.append(",\n\"8\": {\"class_type\": \"VAEDecode\", \"inputs\": {\"samples\": [\"3\", 0], \"vae\": [\"ckpt\", 2]}}");
        sb.append(",\n\"9\": {\"class_type\": \"SaveImage\", \"inputs\": {\"images\": [\"8\", 0], \"filename_prefix\": \"x\"}}}");
        write(file, sb.toString());
    }

    /** 60,000 Reroute nodes in a row between a checkpoint loader and a sampler, as a UI workflow. */
    static void writeUiChain(Path file) {
        StringBuilder nodes = new StringBuilder("{\"id\": 1, \"type\": \"CheckpointLoaderSimple\", \"outputs\": [{\"type\": \"MODEL\"}], \"widgets_values\": [\"m.safetensors\"]}");
        StringBuilder links = new StringBuilder();
        int prev = 1;
        for (int i = 0; i < CHAIN_LENGTH; i++) {
            int id = i + 10;
            nodes.append(",\n{\"id\": ").append(id).append(", \"type\": \"Reroute\", \"inputs\": [{\"name\": \"\", \"type\": \"*\", \"link\": ").append(id)
                    .append("}], \"outputs\": [{\"type\": \"MODEL\"}]}");
            if (i > 0) links.append(",\n");
            links.append("[").append(id).append(", ").append(prev).append(", 0, ").append(id).append(", 0, \"MODEL\"]");
            prev = id;
        }
        nodes.append(",\n{\"id\": 2, \"type\": \"KSampler\", \"inputs\": [{\"name\": \"model\", \"type\": \"MODEL\", \"link\": 2}], \"outputs\": [{\"type\": \"LATENT\"}],"
                + " \"widgets_values\": [1, \"fixed\", 20, 8.0, \"euler\", \"normal\", 1.0]}");
        links.append(",\n[2, ").append(prev).append(", 0, 2, 0, \"MODEL\"]");
        write(file, "{\"nodes\": [" + nodes + "], \"links\": [" + links + "]}");
    }

    /**
     * Subgraph "s0" holds ten instances of "s1", which holds ten of "s2" … to "s9": a small file
     * whose full expansion would be ten billion nodes.
     */
    static void writeSubgraphBomb(Path file) {
        StringBuilder defs = new StringBuilder();
        for (int level = 0; level < 10; level++) {
            StringBuilder inner = new StringBuilder();
            for (int k = 0; k < 10; k++) {
                if (k > 0) inner.append(", ");
                String type = level < 9 ? "s" + (level + 1) : "CLIPTextEncode";
                inner.append("{\"id\": ").append(k + 1).append(", \"type\": \"").append(type).append("\", \"widgets_values\": [\"x\"]}");
            }
            if (level > 0) defs.append(",\n");
            defs.append("{\"id\": \"s").append(level).append("\", \"nodes\": [").append(inner).append("], \"links\": [], \"inputs\": [], \"outputs\": []}");
        }
        write(file, "{\"nodes\": [{\"id\": 1, \"type\": \"s0\"}], \"links\": [], \"definitions\": {\"subgraphs\": [" + defs + "]}}");
    }

    private static void write(Path dir, String name, String text) { write(dir.resolve(name), text); }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
