package com.samplerlens.app.write;

import com.samplerlens.app.kit.OutputNames;
import java.nio.file.Path;
import java.util.List;

/**
 * What a drop on the window means. A dropped image or JSON opens it; an image dropped on the
 * re-embed area (or anywhere with Alt held) while a document is open becomes the target that
 * receives the current metadata.
 */
public sealed interface DropDecision {

    record Open(Path file) implements DropDecision {}

    record Reembed(Path target) implements DropDecision {}

    record Reject(String reason) implements DropDecision {}

    static DropDecision decide(List<Path> files, boolean onReembedArea, boolean altDown, boolean documentOpen) {
        if (files.isEmpty()) return new Reject("nothing to open in what was dropped");
        if (files.size() > 1) return new Reject("drop one file at a time");
        Path file = files.getFirst();
        boolean image = OutputNames.imageFormatOf(file).isPresent();
        if (onReembedArea || altDown) {
            if (!image) return new Reject(file.getFileName() + ": only a PNG, JPEG or WebP image can receive metadata");
            if (!documentOpen) return new Reject("open a workflow or image first: its metadata is what gets re-embedded");
            return new Reembed(file);
        }
        if (image || OutputNames.isJson(file)) return new Open(file);
        return new Reject(file.getFileName() + ": not an image or a JSON workflow");
    }
}
