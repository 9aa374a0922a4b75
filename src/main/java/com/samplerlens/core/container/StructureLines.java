package com.samplerlens.core.container;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the {@link EmbeddedMetadata#structure()} lines of a file. Runs of the same unnamed
 * chunk (IDAT, ANMF …) are folded into one line, "IDAT ×12 1.2 MB", so a video WebP does not
 * print hundreds of lines.
 */
public final class StructureLines {
    private final List<String> lines = new ArrayList<>();
    private String runName;
    private int runCount;
    private long runBytes;

    /** A chunk that folds with its neighbours of the same name. */
    public void addRepeatable(String name, long bytes) {
        if (name.equals(runName)) {
            runCount++;
            runBytes += bytes;
            return;
        }
        flush();
        runName = name;
        runCount = 1;
        runBytes = bytes;
    }

    /** A chunk shown on its own line, e.g. "tEXt prompt 1,234 B". */
    public void add(String description, long bytes) {
        flush();
        lines.add(description + " " + ByteSizes.human(bytes));
    }

    /** A free-form line, e.g. "scan data 1.2 MB" or "3 B after IEND". */
    public void addLine(String line) {
        flush();
        lines.add(line);
    }

    public List<String> lines() {
        flush();
        return List.copyOf(lines);
    }

    private void flush() {
        if (runName == null) return;
        lines.add(runName + (runCount > 1 ? " ×" + runCount : "") + " " + ByteSizes.human(runBytes));
        runName = null;
    }
}
