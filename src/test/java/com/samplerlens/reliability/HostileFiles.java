package com.samplerlens.reliability;

import static com.samplerlens.reliability.HostileBytes.*;

import com.samplerlens.testing.Fixtures;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Hostile and broken container files, written into a folder. Each knows what a reader must say
 * about it: {@code fatal} files end in an UnreadableFileException, the others are read with a
 * DecodeProblem; {@code expected} is a phrase the message must contain (null: the file must
 * only be read, a problem is optional, as metadata-extractor skips some damage silently).
 */
record HostileFiles(String name, String expected, boolean fatal) {

    static final long HUNDRED_MB = 100L << 20;

    private static Path folder;
    private static List<HostileFiles> cases;
    private static List<String> graphs;

    /**
     * One folder with every hostile container and graph file, written once per test JVM (the
     * bomb and the big files take a few seconds to make) and deleted when the JVM exits.
     */
    static synchronized Path folder() {
        if (folder == null) {
            try {
                Path dir = Files.createTempDirectory("samplerlens-hostile");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteAll(dir)));
                cases = writeAll(dir);
                graphs = HostileGraphs.writeAll(dir);
                folder = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }

    /** The container cases in {@link #folder()}. */
    static List<HostileFiles> cases() {
        folder();
        return cases;
    }

    /** The graph files in {@link #folder()}. */
    static List<String> graphs() {
        folder();
        return graphs;
    }

    private static void deleteAll(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // the temp folder is the system's to clean then
        }
    }

    /** Writes every case's file into {@code dir}; the file is {@code dir/name}. */
    private static List<HostileFiles> writeAll(Path dir) {
        try {
            byte[] lora = Files.readAllBytes(Fixtures.bundled("images/ce_lora.png"));
            byte[] text = concat(latin1("prompt\0"), latin1("{\"1\": {\"class_type\": \"KSampler\", \"inputs\": {}}}"));
            byte[] idat = pngChunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x63, 0, 0, 0, 1, 0, 1});
            byte[] badCrcText = pngChunk("tEXt", text, text.length, 0x12345678);
            byte[] bomb = zlibZeros(1L << 30);
            byte[] sixtyMb = zlibZeros(60L << 20);
            byte[] manyBombs = PNG_SIGNATURE;
            manyBombs = concat(manyBombs, ihdr());
            for (int i = 0; i < 6; i++) manyBombs = concat(manyBombs, pngChunk("zTXt", concat(latin1("k" + i + "\0\0"), sixtyMb)));
            manyBombs = concat(manyBombs, idat, iend());

            IfdEntry make = new IfdEntry(TAG_MAKE, ASCII, 4, 0x61620000); // "ab\0\0" inline
            write(dir, "empty.png", new byte[0]);
            write(dir, "truncated-header.png", Arrays.copyOf(lora, 20));
            write(dir, "truncated-idat.png", Arrays.copyOf(lora, lora.length / 2));
            write(dir, "png-named.jpg", lora);
            write(dir, "text-named.png", "just some notes\n".getBytes(StandardCharsets.UTF_8));
            write(dir, "bad-crc.png", concat(PNG_SIGNATURE, ihdr(), badCrcText, idat, iend()));
            write(dir, "absurd-length.png", concat(PNG_SIGNATURE, ihdr(), pngChunk("tEXt", text, 0x7FFFFFF0, 0), iend()));
            write(dir, "length-over-2g.png", concat(PNG_SIGNATURE, ihdr(), pngChunk("zTXt", text, 0xFFFFFFF0, 0), iend()));
            write(dir, "ztxt-bomb.png", concat(PNG_SIGNATURE, ihdr(), pngChunk("zTXt", concat(latin1("prompt\0\0"), bomb)), idat, iend()));
            write(dir, "itxt-bomb.png", concat(PNG_SIGNATURE, ihdr(), pngChunk("iTXt", concat(latin1("workflow\0\1\0\0\0"), bomb)), idat, iend()));
            write(dir, "many-ztxt-bombs.png", manyBombs);
            write(dir, "exif-ifd-loop.jpg", jpegWithExif(tiff(8, new IfdEntry[] {make, new IfdEntry(TAG_EXIF_IFD, LONG, 1, 8)}, 8, new byte[0])));
            write(dir, "exif-ifd0-out-of-range.jpg", jpegWithExif(tiff(0x7FFFFFF0, new IfdEntry[0], 0, new byte[0])));
            write(dir, "exif-value-out-of-range.jpg", jpegWithExif(tiff(8, new IfdEntry[] {
                    new IfdEntry(TAG_MAKE, ASCII, 0x00FFFFFF, 0x7FFFFF00), new IfdEntry(TAG_USER_COMMENT, UNDEFINED, 1 << 30, 26)}, 0, new byte[0])));
            write(dir, "jpeg-absurd-length.jpg", concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, (byte) 0xFF, (byte) 0xFF}, new byte[100]));
            write(dir, "jpeg-truncated.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            byte[] webp = riff("VP8X", new byte[10], "EXIF", new byte[16]);
            System.arraycopy(new byte[] {(byte) 0xF0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, 0, webp, 34, 4); // EXIF length
            write(dir, "webp-absurd-chunk.webp", webp);
            write(dir, "json-syntax-error.json", "{\"1\": {\"class_type\": \"KSampler\", \"inputs\": {\"seed\": 1,,}}".getBytes(StandardCharsets.UTF_8));
            write(dir, "json-not-comfy.json", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8));
            sparse(dir.resolve("zeros-100mb.png"), HUNDRED_MB);
            sparse(dir.resolve("zeros-2gb.bin"), 2L << 30);
            try (RandomAccessFile f = new RandomAccessFile(dir.resolve("png-2gb.png").toFile(), "rw")) {
                f.write(PNG_SIGNATURE);
                f.setLength(2L << 30);
            }
            hugeJsonString(dir.resolve("json-huge-string.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of(
                new HostileFiles("empty.png", "empty file", true),
                new HostileFiles("truncated-header.png", "truncated PNG", true),
                new HostileFiles("truncated-idat.png", "file truncated or length corrupt", false),
                new HostileFiles("png-named.jpg", "named .jpg but the bytes are PNG", false),
                new HostileFiles("text-named.png", "not a PNG, JPEG, WebP or JSON file", true),
                new HostileFiles("bad-crc.png", "CRC mismatch", false),
                new HostileFiles("absurd-length.png", "file truncated or length corrupt", false),
                new HostileFiles("length-over-2g.png", "file truncated or length corrupt", false),
                new HostileFiles("ztxt-bomb.png", "decompression bomb", false),
                new HostileFiles("itxt-bomb.png", "decompression bomb", false),
                new HostileFiles("many-ztxt-bombs.png", "budget for compressed text is used up", false),
                new HostileFiles("exif-ifd-loop.jpg", null, false),
                new HostileFiles("exif-ifd0-out-of-range.jpg", null, false),
                new HostileFiles("exif-value-out-of-range.jpg", null, false),
                new HostileFiles("jpeg-absurd-length.jpg", "truncated JPEG", true),
                new HostileFiles("jpeg-truncated.jpg", "truncated JPEG", true),
                new HostileFiles("webp-absurd-chunk.webp", "file truncated or length corrupt", false),
                new HostileFiles("json-syntax-error.json", "invalid JSON", true),
                new HostileFiles("json-not-comfy.json", "not a ComfyUI workflow or prompt", true),
                new HostileFiles("zeros-100mb.png", "not a PNG, JPEG, WebP or JSON file", true),
                new HostileFiles("zeros-2gb.bin", "not a PNG, JPEG, WebP or JSON file", true),
                new HostileFiles("png-2gb.png", "truncated PNG before any chunk", true),
                new HostileFiles("json-huge-string.json", "String value length", true));
    }

    private static void write(Path dir, String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name), bytes);
    }

    /** A file of {@code size} zero bytes that takes no disk space where the file system allows. */
    static void sparse(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    /** An API prompt whose one string value is longer than the JSON reader accepts. */
    private static void hugeJsonString(Path file) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            out.write("{\"1\": {\"class_type\": \"CLIPTextEncode\", \"inputs\": {\"text\": \"".getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[1 << 20];
            Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 65; i++) out.write(block);
            out.write("\"}}}".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
