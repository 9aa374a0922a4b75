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
            assertTrue(written.getFileName().toString().matches("\\.out\\.png\\.samplerlens-[0-9a-f]{8}\\.tmp"));
            assertArrayEquals(bytes, Files.readAllBytes(written));
        });
        assertArrayEquals(bytes, Files.readAllBytes(target));
        assertFalse(Files.exists(seen[0]));
        assertEquals(List.of(target), files());
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
