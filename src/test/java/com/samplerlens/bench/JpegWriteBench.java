package com.samplerlens.bench;

import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.fallback.FallbackSettings;
import com.samplerlens.core.write.MetadataWriter;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Benchmark for scripts/bench-jpeg-write.sh (not a unit test): warm, in-process writes of a
 * parameters text into a large JPEG through the whole write path (plan, splice, atomic write,
 * read-back check).
 *
 * <p>Usage: {@code JpegWriteBench make OUT.jpg WIDTH HEIGHT} makes the test image;
 * {@code JpegWriteBench write IN.jpg PARAMETERS.txt OUT.jpg ROUNDS} prints the median and best
 * time per write in milliseconds.
 */
public final class JpegWriteBench {
    private JpegWriteBench() {}

    private static final int WARM_UP_ROUNDS = 10;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "make" -> make(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "write" -> write(Path.of(args[1]), Files.readString(Path.of(args[2])), Path.of(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("make | write");
        }
    }

    /** A photo-sized JPEG with detail in every block, so its scan data is as large as a real one's. */
    private static void make(Path out, int width, int height) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        long seed = 42;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                int noise = (int) (seed >>> 59);
                row[x] = ((x / 7 + noise) & 0xFF) << 16 | ((y / 5 + noise) & 0xFF) << 8 | ((x + y) / 11 & 0xFF);
            }
            img.setRGB(0, y, width, 1, row, 0, width);
        }
        ImageIO.write(img, "jpeg", out.toFile());
    }

    private static void write(Path in, String parameters, Path out, int rounds) throws Exception {
        MetadataBundle bundle = new MetadataBundle(parameters, null, null, null);
        var request = new MetadataWriter.Request(in, out, null, FallbackSettings.of(null, Map.of()), false, true);
        for (int i = 0; i < WARM_UP_ROUNDS; i++) MetadataWriter.write(bundle, request);
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            MetadataWriter.write(bundle, request);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("median_ms=%.1f best_ms=%.1f%n", ms[rounds / 2], ms[0]);
    }
}
