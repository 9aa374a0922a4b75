package com.samplerlens.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {

    @TempDir Path dir;

    @Test
    void writesAndVerifiesTheTemporaryFileBeforeItTakesTheName() throws IOException {
        Path target = dir.resolve("out.png");
        byte[] bytes = "new bytes".getBytes();
        Path[] seen = new Path[1];
        AtomicFileWriter.write(target, bytes, false, written -> {
            seen[0] = written;
            assertFalse(Files.exists(target), "the target name is taken only after the check");
            assertTrue(written.getFileName().toString().matches("\\.out\\.png\\.samplerlens-" + ProcessHandle.current().pid() + "-[0-9a-z]+-[0-9a-f]{8}\\.tmp"));
            assertArrayEquals(bytes, Files.readAllBytes(written));
        });
        assertArrayEquals(bytes, Files.readAllBytes(target));
        assertFalse(Files.exists(seen[0]));
        assertEquals(List.of(target), files());
    }

    @Test
    void aWriteRemovesTheTemporaryFilesOfEndedRunsInItsFolderAndKeepsThoseOfRunningOnes() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        String endedStart = ended.info().startInstant().map(i -> Long.toString(i.toEpochMilli(), 36)).orElse("1");
        ProcessHandle me = ProcessHandle.current();
        String myStart = Long.toString(me.info().startInstant().orElseThrow().toEpochMilli(), 36);
        Path deadRun = Files.writeString(dir.resolve(".a.png.samplerlens-" + ended.pid() + "-" + endedStart + "-0123abcd.tmp"), "x");
        Path reusedId = Files.writeString(dir.resolve(".b.png.samplerlens-" + me.pid() + "-1-0123abcd.tmp"), "x");
        Path running = Files.writeString(dir.resolve(".c.png.samplerlens-" + me.pid() + "-" + myStart + "-0123abcd.tmp"), "x");
        Path notOurs = Files.writeString(dir.resolve(".d.png.samplerlens-notours.tmp"), "x");
        AtomicFileWriter.write(dir.resolve("other.png"), "new".getBytes(), false, AtomicFileWriter.Verifier.NONE);
        assertFalse(Files.exists(deadRun), "the file of an ended run stays");
        assertFalse(Files.exists(reusedId), "a file whose process id now belongs to a later process stays");
        assertTrue(Files.exists(running), "the file of a running write was deleted");
        assertTrue(Files.exists(notOurs), "a file not named as ours was deleted");
    }

    @Test
    void aFileWithOtherHardLinksIsReplacedUnderItsNameOnlyAndTheNoteSaysSo() throws IOException {
        Path target = Files.writeString(dir.resolve("image.png"), "old");
        Path other = Files.createLink(dir.resolve("other-name.png"), target);
        var written = AtomicFileWriter.write(target, "new".getBytes(), AtomicFileWriter.Replace.WRITABLE, true, AtomicFileWriter.Verifier.NONE);
        assertEquals("new", Files.readString(target));
        assertEquals("old", Files.readString(other));
        assertEquals(List.of(target + " has 1 other hard link; replaced under this name only, the other name keeps the old content"),
                written.notices());
        var again = AtomicFileWriter.write(target, "newer".getBytes(), AtomicFileWriter.Replace.WRITABLE, true, AtomicFileWriter.Verifier.NONE);
        assertEquals(List.of(), again.notices(), "once replaced, the name has one link");
    }

    @Test
    void aFailedCheckLeavesNoFileBehind() throws IOException {
        Path target = dir.resolve("out.jpg");
        IOException refused = assertThrows(IOException.class,
                () -> AtomicFileWriter.write(target, new byte[1000], false, w -> { throw new IOException("read back differs"); }));
        assertEquals("read back differs", refused.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void aFailedCheckInPlaceLeavesTheTargetUntouched() throws IOException {
        Path target = Files.writeString(dir.resolve("image.jpg"), "original");
        assertThrows(IllegalStateException.class,
                () -> AtomicFileWriter.write(target, "replacement".getBytes(), true, w -> { throw new IllegalStateException("boom"); }));
        assertEquals("original", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void neverReplacesAnExistingFileUnlessAsked() throws IOException {
        Path target = Files.writeString(dir.resolve("taken.png"), "keep me");
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFileWriter.write(target, new byte[3], false, AtomicFileWriter.Verifier.NONE));
        assertEquals("keep me", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void aFileThatAppearsWhileWritingIsNotReplaced() throws IOException {
        Path target = dir.resolve("race.png");
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFileWriter.write(target, new byte[3], false,
                w -> Files.writeString(target, "someone else's")));
        assertEquals("someone else's", Files.readString(target));
        assertEquals(List.of(target), files());
    }

    @Test
    void replacingKeepsTheTargetsPermissions() throws IOException {
        Path target = Files.writeString(dir.resolve("shared.png"), "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFileWriter.write(target, "new".getBytes(), true, AtomicFileWriter.Verifier.NONE);
        assertEquals("new", Files.readString(target));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
