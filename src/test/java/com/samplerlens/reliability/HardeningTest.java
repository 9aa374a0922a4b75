package com.samplerlens.reliability;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.cli.SamplerLensCommand;
import com.samplerlens.core.json.LenientJson;
import com.samplerlens.testing.Fixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, one test per case of its list: hostile structures (chained EXIF IFDs, deep JSON), paths
 * that are ways to lose a file (devices, FIFOs, folders, links, read-only files, an output that is
 * an input) and option files that never end. Every file is made by the test. Each case ends in one
 * line naming the file, or in the right result, and nothing the user did not name as output
 * changes (checked by hashing every file of the folder before and after).
 */
class HardeningTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final Path IMAGE = Fixtures.bundled("images/sdp_comfyui_img2img_cropped.png");
    private static final Path LORA_PNG = Fixtures.bundled("images/ce_lora.png");

    @TempDir Path dir;

    record Run(int code, String out, String err) {
        @Override
        public String toString() { return "exit " + code + "\nout: " + cut(out) + "\nerr: " + cut(err); }

        private static String cut(String s) { return s.length() > 1500 ? s.substring(0, 1500) + "…" : s; }
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = assertTimeoutPreemptively(HANG_GUARD,
                () -> SamplerLensCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true)));
        return new Run(code, out.toString(), err.toString());
    }

    // ---- item 1: hostile structures -------------------------------------------------------------

    /** A little-endian-free big-endian TIFF whose IFD0 starts a chain of {@code n} IFDs, one PageNumber tag each. */
    static byte[] chainedIfds(int n) {
        ByteBuffer b = ByteBuffer.allocate(8 + n * 18).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        for (int i = 0; i < n; i++) {
            int here = 8 + i * 18;
            b.putShort((short) 1).putShort((short) 0x0129).putShort((short) 3).putInt(2).putInt(0);
            b.putInt(i == n - 1 ? 0 : here + 18);
        }
        return b.array();
    }

    static byte[] webpWithExif(byte[] tiff) {
        byte[] vp8l = {0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, (byte) 0x88, (byte) 0x88, (byte) 0xfe, 0x07, 0};
        return HostileBytes.riff("VP8L", vp8l, "EXIF", tiff);
    }

    /** An API prompt whose sampler has one widget value nested {@code depth} arrays deep. */
    static String deepPrompt(int depth) {
        return "{\"1\": {\"class_type\": \"CheckpointLoaderSimple\", \"inputs\": {\"ckpt_name\": \"a.safetensors\"}},"
                + " \"2\": {\"class_type\": \"KSampler\", \"inputs\": {\"model\": [\"1\", 0], \"seed\": 5, \"steps\": 20, \"weird\": "
                + "[".repeat(depth) + "]".repeat(depth) + "}},"
                + " \"3\": {\"class_type\": \"SaveImage\", \"inputs\": {\"images\": [\"2\", 0]}}}";
    }

    @Test
    void aJpegWith3639ChainedIfdsIsOneLineInEveryCommand() throws Exception {
        Path jpg = Files.write(dir.resolve("ifd-chain.jpg"), HostileBytes.jpegWithExif(chainedIfds(3_639)));
        assertTrue(Files.size(jpg) < 70_000, "the issue's 65 KB file");
        Run inspect = cli("inspect", jpg.toString());
        assertOneLine(inspect, "ifd-chain.jpg: ");
        assertTrue(inspect.err().contains("more than 64 IFDs"), inspect.toString());
        assertOneLine(cli("stages", jpg.toString()), "ifd-chain.jpg: ");
        // strip and write need no walk of the hostile block: it is dropped / replaced, the pixels kept
        Run strip = cli("strip", jpg.toString(), "--out", dir.resolve("clean.jpg").toString());
        assertEquals(0, strip.code(), strip.toString());
        Run write = cli("write", LORA_PNG.toString(), "--into", jpg.toString(), "--out", dir.resolve("written.jpg").toString());
        assertEquals(0, write.code(), write.toString());
        assertTrue(cli("inspect", dir.resolve("written.jpg").toString()).out().contains("Steps: "));
    }

    @Test
    void aWebpWith6000ChainedIfdsIsOneLine() throws Exception {
        Path webp = Files.write(dir.resolve("ifd-chain.webp"), webpWithExif(chainedIfds(6_000)));
        Run r = cli("inspect", webp.toString());
        assertOneLine(r, "ifd-chain.webp: ");
        Run strip = cli("strip", webp.toString(), "--out", dir.resolve("clean.webp").toString());
        assertEquals(0, strip.code(), strip.toString());
    }

    @Test
    void sixtyFourChainedIfdsAreStillRead() throws Exception {
        // the cap refuses hostile chains, not real files: a 64-IFD block is walked by the library as before
        Path jpg = Files.write(dir.resolve("ifd-64.jpg"), HostileBytes.jpegWithExif(chainedIfds(64)));
        Run r = cli("inspect", jpg.toString());
        assertFalse(r.err().contains("IFDs"), r.toString());
        assertTrue(r.err().contains("ifd-64.jpg: "), r.toString());
    }

    @Test
    void aFolderOfHostileFilesGoesOnToTheGoodOnes() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Files.write(folder.resolve("a-ifd-chain.jpg"), HostileBytes.jpegWithExif(chainedIfds(3_639)));
        Files.write(folder.resolve("b-ifd-chain.webp"), webpWithExif(chainedIfds(6_000)));
        Files.writeString(folder.resolve("c-deep-1990.json"), deepPrompt(1_990));
        Files.writeString(folder.resolve("d-deep-2100.json"), deepPrompt(2_100));
        Files.copy(LORA_PNG, folder.resolve("e-good.png"));
        for (String format : List.of("text", "json")) {
            Run r = format.equals("json") ? cli("inspect", "--json", folder.toString()) : cli("inspect", folder.toString());
            assertNoTrace(r);
            assertEquals(SamplerLensCommand.FILE_FAILED, r.code(), r.toString());
            List<String> lines = r.err().lines().toList();
            assertEquals(3, lines.size(), r.toString());
            assertTrue(lines.get(0).contains("a-ifd-chain.jpg: "), lines.get(0));
            assertTrue(lines.get(1).contains("b-ifd-chain.webp: "), lines.get(1));
            assertTrue(lines.get(2).contains("d-deep-2100.json: invalid JSON: ") && lines.get(2).contains("nesting depth"), lines.get(2));
            assertTrue(r.out().contains("c-deep-1990.json"), "1,990 levels are within the limit and shown");
            assertTrue(r.out().contains("e-good.png") && r.out().contains("Steps: "), "the file after the bad ones is shown");
        }
    }

    // ---- item 2: the atomic writer's targets ----------------------------------------------------

    @Test
    void devicesFifosAndFoldersAreNeverReplaced() throws Exception {
        Path fifo = special("mkfifo", "fifo.png");
        Path device = special("mknod", "dev.png");
        Path folder = Files.createDirectories(dir.resolve("folder.png"));
        List<Path> targets = new ArrayList<>(List.of(fifo, folder));
        if (device != null) targets.add(device);
        Map<String, String> before = snapshot();
        for (Path t : targets) {
            String kind = t == fifo ? "is a FIFO" : t == folder ? "is a folder" : "is a character device";
            Run write = cli("write", LORA_PNG.toString(), "--into", IMAGE.toString(), "--out", t.toString(), "--force");
            assertOneLine(write, t.getFileName() + ": " + kind);
            if (t != folder) { // strip --out FOLDER writes NAME_clean.EXT into it, as documented
                Run strip = cli("strip", LORA_PNG.toString(), "--out", t.toString(), "--force");
                assertOneLine(strip, t.getFileName() + ": " + kind);
            }
            assertFalse(write.err().contains("Is a directory") || write.err().contains("samplerlens-"), write.toString());
        }
        // inspect --export writes NAME.txt beside the image: make that name a FIFO
        Path photo = Files.copy(LORA_PNG, dir.resolve("photo.png"));
        special("mkfifo", "photo.txt");
        before = snapshot();
        Run export = cli("inspect", "--export", "txt", "--force", photo.toString());
        assertEquals(SamplerLensCommand.FILE_FAILED, export.code(), export.toString());
        assertTrue(export.err().contains("photo.txt: is a FIFO"), export.toString());
        assertEquals(before, snapshot());
        assertTrue(Files.isDirectory(folder) && !Files.isRegularFile(fifo));
        if (device != null) assertFalse(Files.isRegularFile(device, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void inPlaceOnAFileWithAnotherHardLinkSaysTheOtherNameKeepsTheOldContent() throws Exception {
        Path image = Files.copy(IMAGE, dir.resolve("image.png"));
        Path other = Files.createLink(dir.resolve("same-file.png"), image);
        byte[] before = Files.readAllBytes(image);
        Run r = cli("write", LORA_PNG.toString(), "--into", image.toString(), "--in-place");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.err().contains("note: " + image + " has 1 other hard link; replaced under this name only, the other name keeps the old content"), r.toString());
        assertArrayEquals(before, Files.readAllBytes(other), "the other name still leads to the old file");
        assertTrue(cli("inspect", image.toString()).out().contains("Steps: "), "the name given has the new metadata");
    }

    @Test
    void aBadRulesFileIsOneLineNamingTheOptionAndTheFile() throws Exception {
        Path typo = Files.writeString(dir.resolve("typo.json"), "{\"rule\": {}}");
        Run r = cli("inspect", IMAGE.toString(), "--rules", typo.toString());
        assertOneLine(r, "--rules " + typo + ": unknown top-level key 'rule'");
        Path folder = Files.createDirectories(dir.resolve("rules"));
        Path broken = Files.writeString(folder.resolve("broken.json"), "{\"rules\": ");
        Run inFolder = cli("inspect", IMAGE.toString(), "--rules", folder.toString());
        assertOneLine(inFolder, "--rules " + broken + ": invalid JSON");
        Run missing = cli("inspect", IMAGE.toString(), "--rules", dir.resolve("nope.json").toString());
        assertOneLine(missing, "--rules " + dir.resolve("nope.json") + ": does not exist");
    }

    @Test
    void anUnlistableRulesFolderIsOneLine() throws Exception {
        // root may list any folder, so this needs an ordinary user
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "runs as root: every folder can be listed");
        Path folder = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("-wx------"));
        try {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> com.samplerlens.core.inspect.UserRules.inspector(Map.of("SAMPLERLENS_RULES", folder.toString()), List.of()));
            assertEquals("rules folder " + folder + ": cannot list the folder (permission denied)", e.getMessage());
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void inPlaceOnASymlinkRewritesTheRealFileAndKeepsTheLink() throws Exception {
        Path real = Files.copy(IMAGE, dir.resolve("real.png"));
        Path link = Files.createSymbolicLink(dir.resolve("link.png"), real.getFileName());
        Run r = cli("write", LORA_PNG.toString(), "--into", link.toString(), "--in-place");
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertTrue(r.err().contains("link.png is a symbolic link; wrote the file it points to"), r.toString());
        assertTrue(r.out().contains("wrote " + real.toRealPath()), r.toString());
        assertTrue(cli("inspect", real.toString()).out().contains("Steps: "), "the real file has the new metadata");
        Run strip = cli("strip", link.toString(), "--in-place");
        assertEquals(0, strip.code(), strip.toString());
        assertTrue(Files.isSymbolicLink(link));
        assertFalse(cli("inspect", real.toString()).out().contains("Steps: "), "the real file was stripped");
    }

    @Test
    void aSymlinkGivenAsOutputIsReplacedNeverFollowed() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("out.png"), victim.getFileName());
        Run r = cli("write", LORA_PNG.toString(), "--into", IMAGE.toString(), "--out", link.toString(), "--force");
        assertEquals(0, r.code(), r.toString());
        assertEquals("keep me", Files.readString(victim));
        assertTrue(Files.isRegularFile(link, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void readOnlyTargetsNeedForceAndKeepTheirModeOwnerAndGroup() throws Exception {
        Path image = Files.copy(IMAGE, dir.resolve("ro.png"));
        Files.setPosixFilePermissions(image, PosixFilePermissions.fromString("r--r--r--"));
        byte[] before = Files.readAllBytes(image);
        Run refused = cli("write", LORA_PNG.toString(), "--into", image.toString(), "--in-place");
        assertOneLine(refused, "ro.png: is read-only; not replaced (add --force");
        assertArrayEquals(before, Files.readAllBytes(image));
        Run strip = cli("strip", image.toString(), "--in-place");
        assertOneLine(strip, "ro.png: is read-only");
        Run forced = cli("write", LORA_PNG.toString(), "--into", image.toString(), "--in-place", "--force");
        assertEquals(0, forced.code(), forced.toString());
        assertTrue(forced.err().contains("ro.png was read-only; replaced because of --force"), forced.toString());
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(image)));

        Path shared = Files.copy(IMAGE, dir.resolve("shared.png"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r-----"));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            // as root a new file would be root's: the replaced file must keep its owner and group
            var nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(shared, nobody);
        }
        PosixFileAttributes was = Files.readAttributes(shared, PosixFileAttributes.class);
        Run r = cli("write", LORA_PNG.toString(), "--into", shared.toString(), "--in-place");
        assertEquals(0, r.code(), r.toString());
        PosixFileAttributes now = Files.readAttributes(shared, PosixFileAttributes.class);
        assertEquals(was.owner(), now.owner());
        assertEquals(was.group(), now.group());
        assertEquals(was.permissions(), now.permissions());
        assertNotEquals(was.fileKey(), now.fileKey(), "it was replaced by a new file");
    }

    // ---- item 3: never over an input ------------------------------------------------------------

    @Test
    void aBatchNeverWritesIntoItsFromOrIntoFolder() throws Exception {
        Path from = Files.createDirectories(dir.resolve("A"));
        Path into = Files.createDirectories(dir.resolve("B"));
        Files.copy(LORA_PNG, from.resolve("x.png"));
        Files.copy(IMAGE, into.resolve("x.png"));
        Path fromLink = Files.createSymbolicLink(dir.resolve("A-link"), from.getFileName());
        Map<String, String> before = snapshot();
        for (String out : List.of(from.toString(), into.toString(), fromLink.toString(), fromLink + "/", dir.resolve("B/../B").toString())) {
            Run r = cli("write", "--from-dir", from.toString(), "--into-dir", into.toString(), "--out-dir", out, "--force");
            assertEquals(SamplerLensCommand.USAGE, r.code(), out + ": " + r);
            assertTrue(r.err().contains("never writes over its inputs"), r.toString());
        }
        assertEquals(before, snapshot());
        Run ok = cli("write", "--from-dir", from.toString(), "--into-dir", into.toString(), "--out-dir", dir.resolve("C").toString());
        assertEquals(0, ok.code(), ok.toString());
    }

    @Test
    void writeStripAndExportRefuseAnOutputThatIsAnInput() throws Exception {
        Path source = Files.copy(LORA_PNG, dir.resolve("source.png"));
        Path image = Files.copy(IMAGE, dir.resolve("image.png"));
        Path hardLink = Files.createLink(dir.resolve("hard.png"), image);
        Map<String, String> before = snapshot();
        assertEquals(SamplerLensCommand.USAGE, cli("write", source.toString(), "--into", image.toString(), "--out", source.toString(), "--force").code());
        assertEquals(SamplerLensCommand.USAGE, cli("write", source.toString(), "--into", image.toString(), "--out", image.toString(), "--force").code());
        assertEquals(SamplerLensCommand.USAGE, cli("write", source.toString(), "--into", image.toString(), "--out", hardLink.toString(), "--force").code());
        assertEquals(before, snapshot());
        Path metaSource = Files.copy(LORA_PNG, dir.resolve("image_meta.png"));
        before = snapshot();
        Run byDefault = cli("write", metaSource.toString(), "--into", image.toString(), "--force");
        assertEquals(SamplerLensCommand.USAGE, byDefault.code(), byDefault.toString());
        assertTrue(byDefault.err().contains("is SOURCE"), byDefault.toString());
        Run strip = cli("strip", image.toString(), "--out", image.toString(), "--force");
        assertOneLine(strip, "image.png: is the file being stripped");
        assertEquals(before, snapshot());
        // photo.png exports photo.json: when photo.json is an input of the same run, it is not replaced
        Path photo = Files.copy(LORA_PNG, dir.resolve("photo.png"));
        Path photoJson = Files.writeString(dir.resolve("photo.json"), deepPrompt(3));
        before = snapshot();
        Run export = cli("inspect", "--export", "json", "--force", photo.toString(), photoJson.toString());
        assertTrue(export.err().contains("photo.json: is one of the inputs"), export.toString());
        assertEquals(before.get("photo.json"), snapshot().get("photo.json"));
    }

    @Test
    void aSymlinkedSidecarIsReplacedNotWrittenThrough() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.createDirectories(models.resolve("checkpoints"));
        Files.createDirectories(models.resolve("loras"));
        Files.write(models.resolve("checkpoints/v1-5-pruned-emaonly.ckpt"), new byte[] {1, 2, 3});
        Files.write(models.resolve("loras/epiNoiseoffset_v2.safetensors"), new byte[] {4, 5, 6});
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me");
        Path sidecar = Files.createSymbolicLink(models.resolve("checkpoints/v1-5-pruned-emaonly.sha256"), victim);
        Run r = cli("inspect", "--models", models.toString(), LORA_PNG.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals("keep me", Files.readString(victim));
        assertTrue(Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS), "the link was replaced by the sidecar");
        assertEquals(sha256(new byte[] {1, 2, 3}), Files.readString(sidecar).strip());
    }

    // ---- item 5: option files, terminal output, messages ----------------------------------------

    @Test
    void optionFilesThatNeverEndAreOneLine() throws Exception {
        Path fifo = special("mkfifo", "edits.fifo");
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        Path big = dir.resolve("big.json");
        HostileFiles.sparse(big, 40L << 20);
        Path zero = Path.of("/dev/zero");
        String src = LORA_PNG.toString();
        for (Path f : List.of(fifo, zero, folder, big)) {
            for (String[] args : List.of(
                    new String[] {"write", src, "--into", IMAGE.toString(), "--out", dir.resolve("o.png").toString(), "--edits", f.toString()},
                    new String[] {"inspect", src, "--rules", f.toString()},
                    new String[] {"inspect", src, "--node-defs", f.toString()})) {
                if (args[args.length - 2].equals("--rules") && f == folder) continue; // a rules folder is a folder of rule files
                Run r = cli(args);
                assertNotEquals(0, r.code(), String.join(" ", args) + ": " + r);
                assertNoTrace(r);
                String first = r.err().lines().findFirst().orElse("");
                assertTrue(first.contains(f.toString() + ": is "), first);
                assertFalse(r.err().contains("Is a directory"), r.toString());
                assertFalse(Files.exists(dir.resolve("o.png")));
            }
        }
    }

    @Test
    void inputsThatAreFoldersOrFifosAreOneLineWithoutIoJargon() throws Exception {
        Path fifo = special("mkfifo", "input.png");
        Path folder = Files.createDirectories(dir.resolve("input-folder.png"));
        Run fromFolder = cli("write", folder.toString(), "--into", IMAGE.toString(), "--out", dir.resolve("o.png").toString());
        assertOneLine(fromFolder, "input-folder.png: is a folder, not a file");
        Run intoFifo = cli("write", LORA_PNG.toString(), "--into", fifo.toString(), "--out", dir.resolve("o.png").toString());
        assertOneLine(intoFifo, "input.png: is not a regular file");
        Run stripFifo = cli("strip", fifo.toString());
        assertOneLine(stripFifo, "input.png: ");
        for (Run r : List.of(fromFolder, intoFifo, stripFifo)) assertFalse(r.err().contains("Is a directory") || r.err().contains("IOException"), r.toString());
        assertFalse(Files.exists(dir.resolve("o.png")));
    }

    @Test
    void aLineBreakQuotedFromAFileStaysOnTheErrorsOneLine() throws Exception {
        // found by the ContainerReader fuzzer: a chunk keyword with a line feed split the error in two
        byte[] png = HostileBytes.concat(HostileBytes.PNG_SIGNATURE, HostileBytes.ihdr(),
                HostileBytes.pngChunk("tEXt", HostileBytes.latin1("two\nlines\u0000x")), HostileBytes.iend());
        Path file = Files.write(dir.resolve("keyword.png"), png);
        Run r = cli("inspect", file.toString(), dir.resolve("missing.png").toString());
        assertEquals(2, r.err().lines().count(), r.toString());
        assertTrue(r.err().contains("two\\nlines"), r.toString());
    }

    @Test
    void controlCharactersAreEscapedInTextAndJsonOutput() throws Exception {
        String prompt = "red \u001b[31mcat\u001b]0;pwned\u0007 \u009b2J end";
        String json = "{\"1\": {\"class_type\": \"CheckpointLoaderSimple\", \"inputs\": {\"ckpt_name\": \"a.safetensors\"}},"
                + "\"2\": {\"class_type\": \"CLIPTextEncode\", \"inputs\": {\"text\": " + LenientJson.mapper().writeValueAsString(prompt) + ", \"clip\": [\"1\", 1]}},"
                + "\"3\": {\"class_type\": \"KSampler\", \"inputs\": {\"model\": [\"1\", 0], \"positive\": [\"2\", 0], \"seed\": 1, \"steps\": 20}},"
                + "\"4\": {\"class_type\": \"SaveImage\", \"inputs\": {\"images\": [\"3\", 0]}}}";
        Path file = Files.writeString(dir.resolve("esc.json"), json);
        Run text = cli("inspect", file.toString());
        assertEquals(0, text.code(), text.toString());
        assertTrue(text.out().contains("red \\u001B[31mcat\\u001B]0;pwned\\u0007 \\u009B2J end"), text.toString());
        for (char c : (text.out() + text.err()).toCharArray()) assertFalse(c < 0x20 && c != '\n' && c != '\t' || c >= 0x7F && c <= 0x9F, "raw control " + (int) c);
        Run asJson = cli("inspect", "--json", file.toString());
        for (char c : asJson.out().toCharArray()) assertFalse(c < 0x20 && c != '\n' || c >= 0x7F && c <= 0x9F, "raw control " + (int) c);
        JsonNode parsed = LenientJson.parse(asJson.out());
        assertTrue(parsed.path("parameters").asText().startsWith(prompt + "\n"), "the JSON still means the same text");
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** A FIFO ({@code mkfifo}) or character device 1,3 ({@code mknod}, root only: null otherwise). */
    private Path special(String tool, String name) throws Exception {
        Path p = dir.resolve(name);
        List<String> cmd = tool.equals("mkfifo") ? List.of("mkfifo", p.toString()) : List.of("mknod", p.toString(), "c", "1", "3");
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = proc.waitFor();
        if (tool.equals("mknod") && code != 0) {
            System.out.println("HardeningTest: mknod unavailable (" + out.strip() + "); the device case runs as root only");
            return null;
        }
        assertEquals(0, code, out);
        return p;
    }

    /** Every regular file under the test folder with its SHA-256 (links and special files by kind). */
    private Map<String, String> snapshot() throws Exception {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                String key = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p)) m.put(key, "link→" + Files.readSymbolicLink(p));
                else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) m.put(key, sha256(Files.readAllBytes(p)));
                else m.put(key, Files.isDirectory(p) ? "dir" : "special");
            }
        }
        return m;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static void assertOneLine(Run r, String start) {
        assertNoTrace(r);
        assertNotEquals(0, r.code(), r.toString());
        List<String> lines = r.err().lines().filter(l -> !l.startsWith("Try 'samplerlens")).toList();
        assertEquals(1, lines.size(), r.toString());
        assertTrue(lines.getFirst().contains(start), "expected '" + start + "' in " + r);
    }

    private static void assertNoTrace(Run r) {
        for (String s : List.of(r.out(), r.err())) {
            assertFalse(s.contains("\tat ") || s.contains("Exception") || s.contains("Error:") || s.contains("StackOverflow"), r.toString());
        }
    }
}
