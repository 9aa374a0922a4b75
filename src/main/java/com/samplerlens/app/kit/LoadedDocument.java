package com.samplerlens.app.kit;

import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.graph.Graph;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A file opened in the app: its graph and the metadata texts it carried, and its bytes, read once
 * when it was opened: previews (the write plan, the JPEG stages' sizes) and the thumbnail work from
 * them, so a retrace or an edit never reads the file again.
 *
 * @param file       the file opened
 * @param format     what it really is
 * @param graph      the graph the tracer works on (node positions set when the UI workflow gave them)
 * @param texts      the metadata texts found, by key ("prompt", "workflow", "parameters" …), in file order
 * @param structure  one line per chunk / segment, for the Raw tab (empty for JSON files)
 * @param warnings   problems met while loading (decode problems, skipped entries …)
 * @param source     the core's loaded source, which the core's pipeline traces and writes from
 * @param imageBytes the image file's bytes as opened; null for a JSON file, or when they could not be read
 * @param saveNodes  the output nodes the save node picker offers, in id order, the core's default marked
 */
public record LoadedDocument(Path file, ContainerFormat format, Graph graph, Map<String, String> texts,
                             List<String> structure, List<String> warnings, com.samplerlens.core.inspect.LoadedSource source,
                             byte[] imageBytes, List<SaveNodeOption> saveNodes) {

    public LoadedDocument {
        texts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(texts));
        structure = List.copyOf(structure);
        warnings = List.copyOf(warnings);
        saveNodes = List.copyOf(saveNodes);
    }

    /** The file name without its extension: the stem of proposed output names. */
    public String baseName() {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The save node the core chooses when the user names none; null without an output node. */
    public SaveNodeOption defaultSaveNode() {
        return saveNodes.stream().filter(SaveNodeOption::isDefault).findFirst().orElse(null);
    }

    /** The picker's row for output node {@code id}; null when it is not one. */
    public SaveNodeOption saveNode(String id) {
        return saveNodes.stream().filter(o -> o.id().equals(id)).findFirst().orElse(null);
    }
}
