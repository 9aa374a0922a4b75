package com.samplerlens.app.settings;

import com.samplerlens.core.trace.TraceOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the app remembers between runs, in one {@link Preferences} node (tests pass a fresh one).
 * Values are read defensively: a hand-edited or stale preference never stops the app starting.
 */
public final class AppPreferences {

    public static final int MAX_RECENT = 10;

    private static final String DARK = "theme.dark";
    private static final String MAX_SAMPLERS = "trace.maxSamplers";
    private static final String MAX_JPEG_KB = "output.maxJpegExifKb";
    private static final String FORMAT = "output.format";
    private static final String MULTILINE = "output.multiline";
    private static final String CIVITAI = "output.civitaiNames";
    private static final String RECENT = "recent.";
    private static final String WINDOW = "window.";
    private static final String MODELS = "hash.modelsFolder";

    private final Preferences node;

    public AppPreferences(Preferences node) {
        this.node = node;
    }

    /**
     * The user's real preferences; {@code -Dsamplerlens.prefs=<node path>} puts them elsewhere (tests
     * that start the whole app use a throwaway node, so they never change a developer's settings).
     */
    public static AppPreferences user() {
        return new AppPreferences(Preferences.userRoot().node(System.getProperty("samplerlens.prefs", "com/samplerlens/app")));
    }

    public boolean darkTheme() { return node.getBoolean(DARK, false); }
    public void setDarkTheme(boolean dark) { node.putBoolean(DARK, dark); }

    /** Max samplers, 1 … 16; starts at 1 (the seed's default). */
    public int maxSamplers() {
        return Math.clamp(node.getInt(MAX_SAMPLERS, 1), 1, TraceOptions.MAX_SAMPLERS_LIMIT);
    }
    public void setMaxSamplers(int n) { node.putInt(MAX_SAMPLERS, n); }

    public int maxJpegExifKb(int fallback) { return node.getInt(MAX_JPEG_KB, fallback); }
    public void setMaxJpegExifKb(int kb) { node.putInt(MAX_JPEG_KB, kb); }

    public String outputFormat() { return node.get(FORMAT, "png"); }
    public void setOutputFormat(String id) { node.put(FORMAT, id); }

    public boolean multiline() { return node.getBoolean(MULTILINE, false); }
    public void setMultiline(boolean b) { node.putBoolean(MULTILINE, b); }

    public boolean civitaiNames() { return node.getBoolean(CIVITAI, false); }
    public void setCivitaiNames(boolean b) { node.putBoolean(CIVITAI, b); }

    /** The models folder the user picked for hashing, or null. */
    public Path modelsFolder() {
        String s = node.get(MODELS, null);
        return s == null || s.isBlank() ? null : Path.of(s);
    }
    public void setModelsFolder(Path folder) { node.put(MODELS, folder.toAbsolutePath().normalize().toString()); }

    /** Recent files, newest first. */
    public List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String s = node.get(RECENT + i, null);
            if (s != null && !s.isBlank()) out.add(Path.of(s));
        }
        return out;
    }

    /** Puts the file first in the recent list, without duplicates, keeping at most {@link #MAX_RECENT}. */
    public void addRecentFile(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(recentFiles());
        list.remove(abs);
        list.addFirst(abs);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < list.size()) node.put(RECENT + i, list.get(i).toString()); else node.remove(RECENT + i);
        }
    }

    /** Saved window bounds {x, y, width, height}, or null when none were saved. */
    public double[] windowBounds() {
        double w = node.getDouble(WINDOW + "w", -1);
        double h = node.getDouble(WINDOW + "h", -1);
        if (w < 400 || h < 300) return null;
        return new double[] {node.getDouble(WINDOW + "x", 0), node.getDouble(WINDOW + "y", 0), w, h};
    }

    public void setWindowBounds(double x, double y, double w, double h) {
        node.putDouble(WINDOW + "x", x);
        node.putDouble(WINDOW + "y", y);
        node.putDouble(WINDOW + "w", w);
        node.putDouble(WINDOW + "h", h);
    }

    /** Writes pending changes; a store that cannot be written only loses this session's settings. */
    public void flush() {
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException ignored) {
            // preferences are a convenience: failing to store them must never stop the app
        }
    }
}
