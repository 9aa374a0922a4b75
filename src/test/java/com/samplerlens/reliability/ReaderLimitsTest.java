package com.samplerlens.reliability;

import static com.samplerlens.core.container.TestBytes.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.container.DecodeProblem;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.png.PngMetadataReader;
import com.samplerlens.core.container.webp.RiffChunk;
import com.samplerlens.core.container.webp.RiffChunkReader;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.testing.CliRun;
import com.samplerlens.testing.Fixtures;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's limits on hostile and on merely large files (issues 14 and 16), each on a file the
 * test makes (large ones sparse, nothing committed). Memory is checked by what the reading thread
 * allocates, or by running the command in a JVM with a small heap: deterministic, unlike timing.
 */
class ReaderLimitsTest {

    @TempDir Path dir;

    private static final byte[] SIG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] IHDR = pngChunk("IHDR", new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0});
    private static final byte[] IEND = pngChunk("IEND", new byte[0]);

    @Test
    void threeHundredRefusedZtxtBombsCostOneInflationBudgetNotThreeHundred() throws Exception {
        byte[] bomb = deflate(new byte[65 << 20]); // 65 MiB of zeros: over the 64 MiB per-chunk limit
        Path file = dir.resolve("bombs.png");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(SIG);
            out.write(IHDR);
            for (int i = 0; i < 300; i++) out.write(pngChunk("zTXt", concat(latin1("bomb" + i), new byte[] {0, 0}, bomb)));
            out.write(IEND);
        }
        long before = allocatedByThisThread();
        EmbeddedMetadata m = MetadataReaders.read(file);
        long allocated = allocatedByThisThread() - before;
        assertEquals(List.of(), m.entries());
        assertEquals(300, m.problems().size(), m.problems().subList(0, 3).toString());
        assertTrue(m.problems().get(0).message().contains("decompression bomb"), m.problems().get(0).toString());
        assertTrue(m.problems().get(299).message().contains("budget for compressed text is used up"), m.problems().get(299).toString());
        // charged, the refused ones add up to the 128 MiB file budget; uncharged they inflated 300 x 64 MiB
        assertTrue(allocated < 1L << 30, "allocated " + (allocated >> 20) + " MiB for 300 refused bombs");
    }

    @Test
    void eightMillionTinyTextChunksAreCappedNotHeld() throws Exception {
        Path file = dir.resolve("tiny-chunks.png");
        byte[] one = pngChunk("tEXt", latin1("k\0v"));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(SIG);
            out.write(IHDR);
            for (int i = 0; i < 8_000_000; i++) out.write(one);
            out.write(IEND);
        }
        assertTrue(Files.size(file) > 120_000_000L);
        long before = allocatedByThisThread();
        EmbeddedMetadata m = MetadataReaders.read(file);
        long allocated = allocatedByThisThread() - before;
        assertEquals(PngMetadataReader.MAX_TEXT_CHUNKS, m.entries().size());
        List<String> problems = m.problems().stream().map(DecodeProblem::toString).toList();
        assertTrue(problems.stream().anyMatch(p -> p.contains("more than 1000 text chunks")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("more than 1000000 chunks")), problems.toString());
        // a line per decoded chunk, then the rest folded into one
        assertTrue(m.structure().size() <= PngMetadataReader.MAX_TEXT_CHUNKS + 3, "structure lines: " + m.structure().size());
        assertTrue(m.structure().getLast().startsWith("tEXt (not decoded) ×998999"), m.structure().getLast());
        // whole, the file and a record per chunk took 4.4 GB; walked, garbage only, and bounded by the chunk cap
        assertTrue(allocated < 512L << 20, "allocated " + (allocated >> 20) + " MiB");
    }

    @Test
    void aGigabytePngCostsItsMetadataAndVerifyChecksEveryCrc() throws Exception {
        Path file = dir.resolve("huge.png");
        long idat = 1L << 30;
        writeSparsePng(file, idat, pngChunk("tEXt", latin1("prompt\0{\"1\": {\"class_type\": \"KSampler\", \"inputs\": {}}}")));
        long before = allocatedByThisThread();
        EmbeddedMetadata m = MetadataReaders.read(file);
        long allocated = allocatedByThisThread() - before;
        assertTrue(m.text("prompt").orElseThrow().contains("KSampler"));
        assertEquals(List.of(), m.problems());
        assertTrue(m.structure().contains("IDAT 1.1 GB") || m.structure().stream().anyMatch(l -> l.startsWith("IDAT ")), m.structure().toString());
        assertTrue(allocated < 4L << 20, "allocated " + (allocated >> 10) + " KiB to read a 1 GiB PNG's metadata");

        EmbeddedMetadata verified = MetadataReaders.read(file, true);
        assertEquals(List.of(), verified.problems(), "the IDAT CRC is right");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(Files.size(file) - IEND.length - 4 - 1000);
            f.write(1); // one byte of image data changed: only --verify can see it
        }
        assertEquals(List.of(), MetadataReaders.read(file).problems());
        List<DecodeProblem> problems = MetadataReaders.read(file, true).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().toString().startsWith("IDAT at offset"), problems.toString());
        assertTrue(problems.getFirst().message().contains("CRC mismatch"), problems.toString());
    }

    /** {@code inspect --verify}: a damaged byte of image data is reported only when asked for. */
    @Test
    void verifyOptionReportsABadImageDataCrc() throws Exception {
        byte[] png = read(Fixtures.bundled("images/ce_lora.png"));
        int idat = indexOf(png, latin1("IDAT"), 0);
        png[idat + 4 + 100] ^= 1;
        Path file = dir.resolve("damaged.png");
        Files.write(file, png);
        CliRun plain = CliRun.run("inspect", "--json", file.toString());
        assertEquals(0, plain.code(), plain.err());
        assertEquals(0, LenientJson.parse(plain.out()).get("warnings").size(), plain.out());
        CliRun verified = CliRun.run("inspect", "--verify", "--json", file.toString());
        assertEquals(0, verified.code(), verified.err());
        JsonNode warnings = LenientJson.parse(verified.out()).get("warnings");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).asText().matches("IDAT at offset \\d+: CRC mismatch.*"), warnings.toString());
        assertEquals(LenientJson.parse(plain.out()).get("parameters"), LenientJson.parse(verified.out()).get("parameters"));
    }

    @Test
    void aJpegIsReadUpToItsImageDataOnly() throws Exception {
        byte[] real = read(Fixtures.bundled("images/sdp_automatic1111_cropped.jpg"));
        Path file = dir.resolve("big.jpg");
        Files.write(file, real);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(real.length + (200L << 20)); // 200 MB more scan data (zeros, sparse)
        }
        long before = allocatedByThisThread();
        EmbeddedMetadata m = MetadataReaders.read(file);
        long allocated = allocatedByThisThread() - before;
        assertTrue(m.text("parameters").isPresent(), m.entries().toString());
        assertTrue(m.structure().getLast().startsWith("scan data 2"), m.structure().toString());
        assertTrue(allocated < 4L << 20, "allocated " + (allocated >> 10) + " KiB");
    }

    @Test
    void aWebpIsReadAsItsChunkListAndExif() throws Exception {
        byte[] real = read(Fixtures.bundled("images/ce_flux_kontext_example_comic.webp"));
        List<RiffChunk> chunks = RiffChunkReader.read(real).chunks();
        Path file = dir.resolve("big.webp");
        long frame = 300L << 20;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(Arrays.copyOf(real, 12));
            for (RiffChunk c : chunks) {
                if (!c.fourCc().startsWith("VP8 ") && !c.fourCc().equals("VP8L")) f.write(real, c.offset(), c.totalLength());
            }
            f.write(latin1("VP8L"));
            f.write(le32(frame));
            f.setLength(f.getFilePointer() + frame); // the frame: 300 MB of zeros, sparse
            f.seek(4);
            f.write(le32(f.length() - 8));
        }
        long before = allocatedByThisThread();
        EmbeddedMetadata m = MetadataReaders.read(file);
        long allocated = allocatedByThisThread() - before;
        EmbeddedMetadata original = MetadataReaders.read(file.resolveSibling("x.webp"), real);
        assertEquals(original.text("prompt"), m.text("prompt"));
        assertTrue(m.text("prompt").isPresent());
        assertEquals(List.of(), m.problems());
        assertTrue(allocated < 8L << 20, "allocated " + (allocated >> 10) + " KiB");
    }

    /**
     * 64 valid 63 MB PNGs (hard links to one sparse file) in a JVM with a 96 MB heap: read whole,
     * 64 at a time, they needed 4 GB; now each costs its metadata and the run prints all 64 in order.
     */
    @Test
    void aFolderOfSixtyFourLargePngsRunsInASmallHeap() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("large"));
        byte[] prompt = Files.readAllBytes(Fixtures.bundled("images/ce_lora.png"));
        EmbeddedMetadata real = MetadataReaders.read(Fixtures.bundled("images/ce_lora.png"), prompt);
        byte[] text = pngChunk("tEXt", concat(latin1("prompt\0"), real.text("prompt").orElseThrow().getBytes(StandardCharsets.ISO_8859_1)));
        Path first = folder.resolve("big_00.png");
        writeSparsePng(first, 63L << 20, text);
        for (int i = 1; i < 64; i++) Files.createLink(folder.resolve(String.format("big_%02d.png", i)), first);
        Run r = cli(96, "inspect", "--json", folder.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode results = LenientJson.parse(r.out());
        assertEquals(64, results.size());
        for (int i = 0; i < 64; i++) {
            assertTrue(results.get(i).get("file").asText().endsWith(String.format("big_%02d.png", i)), "file order");
            assertTrue(results.get(i).get("parameters").asText().contains("Steps: "), results.get(i).toString());
        }
    }

    /** Results are printed as they are done, not gathered: 4,000 files in a 40 MB heap. */
    @Test
    void aFolderOfFourThousandFilesRunsInASmallHeapInFileOrder() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("many"));
        Path first = folder.resolve("f_0000.png");
        Files.copy(Fixtures.bundled("images/sdp_comfyui_img2img_cropped.png"), first);
        for (int i = 1; i < 4000; i++) Files.createLink(folder.resolve(String.format("f_%04d.png", i)), first);
        Run r = cli(40, "inspect", "--json", folder.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode results = LenientJson.parse(r.out());
        assertEquals(4000, results.size());
        for (int i = 0; i < 4000; i += 397) {
            assertTrue(results.get(i).get("file").asText().endsWith(String.format("f_%04d.png", i)), "file order at " + i);
        }
    }

    private record Run(int code, String out, String err) {}

    /** The CLI in its own JVM with a heap of {@code heapMb}; stdout and stderr through files. */
    private Run cli(int heapMb, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "com.samplerlens.Main"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("the CLI did not finish (hang guard)");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Signature, IHDR, the given chunk, one IDAT of {@code idatBytes} zeros (a hole) with its right CRC, IEND. */
    private static void writeSparsePng(Path file, long idatBytes, byte[] textChunk) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(latin1("IDAT"));
        byte[] zeros = new byte[1 << 20];
        for (long done = 0; done < idatBytes; done += zeros.length) crc.update(zeros, 0, (int) Math.min(zeros.length, idatBytes - done));
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(SIG);
            f.write(IHDR);
            f.write(textChunk);
            f.writeInt((int) idatBytes);
            f.write(latin1("IDAT"));
            f.seek(f.getFilePointer() + idatBytes);
            f.writeInt((int) crc.getValue());
            f.write(IEND);
        }
    }

    private static byte[] le32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
