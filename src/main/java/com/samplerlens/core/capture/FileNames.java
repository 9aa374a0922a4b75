package com.samplerlens.core.capture;

import java.util.Locale;

/** Model file names as nodes write them: folders with / or \, an extension or none. */
public final class FileNames {
    private FileNames() {}

    private static final String[] MODEL_EXTENSIONS = {".safetensors", ".st", ".ckpt", ".pt", ".bin", ".pth", ".gguf", ".sft", ".onnx"};

    /** The name without folders, extension kept. */
    public static String basename(String name) {
        String t = name.trim();
        int i = Math.max(t.lastIndexOf('/'), t.lastIndexOf('\\'));
        return t.substring(i + 1);
    }

    /** The name without folders and without a model-file extension. */
    public static String stem(String name) {
        String b = basename(name);
        String lower = b.toLowerCase(Locale.ROOT);
        for (String ext : MODEL_EXTENSIONS) if (lower.endsWith(ext)) return b.substring(0, b.length() - ext.length());
        return b;
    }

    public static boolean hasModelExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : MODEL_EXTENSIONS) if (lower.endsWith(ext)) return true;
        return false;
    }
}
