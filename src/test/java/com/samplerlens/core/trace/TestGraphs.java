package com.samplerlens.core.trace;

import com.samplerlens.core.graph.ApiPromptLoader;
import com.samplerlens.core.graph.Graph;
import com.samplerlens.core.json.LenientJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.InflaterInputStream;

/** Graphs for tests: API JSON text, fixture files, and the prompt chunk of a PNG (read with a few lines here). */
public final class TestGraphs {
    private TestGraphs() {}

    public static Graph api(String json) {
        try {
            List<String> w = new ArrayList<>();
            Graph g = ApiPromptLoader.load(LenientJson.parse(json), w);
            if (!w.isEmpty()) throw new IllegalArgumentException(w.toString());
            return g;
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static Graph file(Path p) {
        try {
            return api(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A tEXt / iTXt / zTXt chunk of a PNG by keyword, or null. */
    public static String pngText(Path png, String keyword) throws IOException {
        byte[] d = Files.readAllBytes(png);
        int i = 8;
        while (i + 8 <= d.length) {
            int len = ((d[i] & 0xff) << 24) | ((d[i + 1] & 0xff) << 16) | ((d[i + 2] & 0xff) << 8) | (d[i + 3] & 0xff);
            String type = new String(d, i + 4, 4, StandardCharsets.ISO_8859_1);
            int body = i + 8;
            int nul = body;
            while (nul < body + len && d[nul] != 0) nul++;
            String key = new String(d, body, nul - body, StandardCharsets.ISO_8859_1);
            if (key.equals(keyword)) {
                switch (type) {
                    case "tEXt" -> { return new String(d, nul + 1, body + len - nul - 1, StandardCharsets.ISO_8859_1); }
                    case "zTXt" -> { return new String(inflate(d, nul + 2, body + len - nul - 2), StandardCharsets.ISO_8859_1); }
                    case "iTXt" -> {
                        boolean compressed = d[nul + 1] != 0;
                        int p = nul + 3;
                        while (d[p] != 0) p++;
                        p++;
                        while (d[p] != 0) p++;
                        p++;
                        byte[] text = compressed ? inflate(d, p, body + len - p) : java.util.Arrays.copyOfRange(d, p, body + len);
                        return new String(text, StandardCharsets.UTF_8);
                    }
                    default -> { }
                }
            }
            i += 12 + len;
        }
        return null;
    }

    private static byte[] inflate(byte[] d, int off, int len) throws IOException {
        try (var in = new InflaterInputStream(new java.io.ByteArrayInputStream(d, off, len))) {
            return in.readAllBytes();
        }
    }

    public static Graph png(Path p) throws IOException {
        return api(pngText(p, "prompt"));
    }
}
