package com.samplerlens.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.json.LenientJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/** The ComfyUI core classes named by the object_info dumps in ../shared/data (python_module nodes, comfy_extras, comfy_api_nodes). */
public final class CoreClasses {
    private CoreClasses() {}

    public static Set<String> of(Path objectInfoDir) throws Exception {
        if (!Files.isDirectory(objectInfoDir)) throw new IllegalStateException("missing " + objectInfoDir + " (the shared object_info dumps)");
        Set<String> core = new HashSet<>();
        try (Stream<Path> files = Files.list(objectInfoDir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode root = LenientJson.mapper().readTree(p.toFile());
                for (var it = root.properties().iterator(); it.hasNext(); ) {
                    var e = it.next();
                    String module = e.getValue().path("python_module").asText("");
                    if (module.equals("nodes") || module.startsWith("comfy_extras") || module.startsWith("comfy_api")) core.add(e.getKey());
                }
            }
        }
        return core;
    }
}
