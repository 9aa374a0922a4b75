package com.samplerlens.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.UnreadableFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes given to the container readers either read (with problems noted) or fail with an
 * {@link UnreadableFileException} naming the file; nothing else escapes, and no input takes
 * longer than the timeout (JUnit's {@code @Timeout} becomes libFuzzer's {@code -timeout} when
 * fuzzing, so a hang is a finding).
 *
 * <p>One target per format so each fuzzes from its own seeds (ContainerReaderFuzzTestInputs/,
 * made by scripts/make-fuzz-seeds.py). The file name carries the format's extension, so the
 * extension check runs too. Fuzz one with
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=ContainerReaderFuzzTest#png} (see docs/reliability.md).
 */
class ContainerReaderFuzzTest {

    @FuzzTest(maxDuration = "10m")
    @Timeout(10)
    void png(byte[] data) {
        readOrReject(Path.of("fuzz.png"), data);
    }

    @FuzzTest(maxDuration = "10m")
    @Timeout(10)
    void jpeg(byte[] data) {
        readOrReject(Path.of("fuzz.jpg"), data);
    }

    @FuzzTest(maxDuration = "10m")
    @Timeout(10)
    void webp(byte[] data) {
        readOrReject(Path.of("fuzz.webp"), data);
    }

    static void readOrReject(Path name, byte[] data) {
        EmbeddedMetadata m;
        try {
            m = MetadataReaders.read(name, data);
        } catch (UnreadableFileException e) {
            String msg = e.getMessage();
            if (msg == null || !msg.startsWith(name.getFileName() + ": ") || msg.contains("\n")) {
                throw new AssertionError("message must be one line naming the file: " + msg);
            }
            return;
        }
        if (!m.file().equals(name)) throw new AssertionError("result names another file: " + m.file());
        for (MetadataEntry e : m.entries()) {
            if (e.key() == null || e.text() == null) throw new AssertionError("entry without key or text: " + e);
        }
        m.problems().forEach(p -> {
            if (p.message() == null || p.message().contains("\n")) throw new AssertionError("problem is not one line: " + p);
        });
    }
}
