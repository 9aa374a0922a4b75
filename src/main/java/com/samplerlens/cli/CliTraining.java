package com.samplerlens.cli;

import com.samplerlens.core.container.png.PngChunkRewriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.Deflater;

/**
 * The workload the command line's start-up cache is recorded from (JDK 25 AOT cache, see
 * {@code ./samplerlens} and {@code packaging/build-package.sh}): each command once, in process, on
 * files made here from the bundled sample workflow, so the cache holds the classes and profiles of
 * every command, not only of the one a user happened to run first. Everything it writes goes to a
 * temporary folder that is deleted after; its output is discarded.
 *
 * <p>Usage: {@code java -XX:AOTCacheOutput=cli.aot -cp samplerlens.jar com.samplerlens.cli.CliTraining}
 */
public final class CliTraining {
    private CliTraining() {}

    private static final String SAMPLE = "/samples/ce_wan22_text_to_video_wan22_14B.json";

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("samplerlens-training");
        try {
            Path workflow = dir.resolve("workflow.json");
            try (InputStream in = CliTraining.class.getResourceAsStream(SAMPLE)) {
                if (in == null) throw new IOException("bundled sample missing: " + SAMPLE);
                Files.write(workflow, in.readAllBytes());
            }
            Path blank = dir.resolve("blank.png");
            Files.write(blank, tinyPng());
            Path folder = Files.createDirectory(dir.resolve("folder"));
            Path image = folder.resolve("a.png");
            run("write", workflow.toString(), "--into", blank.toString(), "--out", image.toString());
            Files.copy(image, folder.resolve("b.png"));
            for (int i = 0; i < 3; i++) {
                run("inspect", "--json", image.toString());
                run("inspect", image.toString());
                run("inspect", "--json", folder.toString());
                run("inspect", "--json", workflow.toString());
            }
            run("stages", image.toString(), "--into", blank.toString());
            run("stages", workflow.toString(), "--into", blank.toString(), "--json");
            run("strip", image.toString(), "--out", dir.resolve("clean.png").toString());
            run("--help");
            run("inspect", "--json", dir.resolve("missing.png").toString());
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(String... args) {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        SamplerLensCommand.run(args, discard, discard);
    }

    /** A valid 1×1 grey PNG: signature, IHDR, IDAT, IEND. */
    private static byte[] tinyPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0});
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[] {0, (byte) 0x80});
        deflater.finish();
        byte[] buf = new byte[64];
        int n = deflater.deflate(buf);
        deflater.end();
        chunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(PngChunkRewriter.chunk(type, data));
    }
}
