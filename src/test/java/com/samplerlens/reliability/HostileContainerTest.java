package com.samplerlens.reliability;

import static org.junit.jupiter.api.Assertions.*;

import com.samplerlens.core.container.DecodeProblem;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataReaders;
import com.samplerlens.core.container.UnreadableFileException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every hostile file through {@link MetadataReaders#read(Path)}: a fatal one ends in one line
 * naming the file and the problem, the others are read with the problem noted; none hangs
 * (the timeout is a hang guard only) and none makes the reader allocate without bound.
 */
class HostileContainerTest {

    static Path dir;
    static List<HostileFiles> cases;

    @BeforeAll
    static void write() {
        dir = HostileFiles.folder();
        cases = HostileFiles.cases();
    }

    @TestFactory
    Stream<DynamicTest> eachFileIsReadOrRejectedWithOneLine() {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path file = dir.resolve(c.name());
            if (c.fatal()) {
                var e = assertThrows(UnreadableFileException.class,
                        () -> assertTimeoutPreemptively(Duration.ofSeconds(60), () -> MetadataReaders.read(file)));
                assertTrue(e.getMessage().startsWith(c.name() + ": "), e.getMessage());
                assertTrue(e.getMessage().contains(c.expected()), e.getMessage());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
            } else {
                EmbeddedMetadata m = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> MetadataReaders.read(file));
                if (c.expected() != null) assertTrue(m.problems().stream().map(DecodeProblem::toString).anyMatch(p -> p.contains(c.expected())),
                        () -> c.name() + " problems: " + m.problems());
                m.problems().forEach(p -> assertFalse(p.toString().contains("\n"), p.toString()));
            }
        }));
    }

    @Test
    void aHundredMegabyteFileThatIsNoImageIsNotReadIntoMemory() throws Exception {
        Path file = dir.resolve("zeros-100mb.png");
        long before = allocatedByThisThread();
        assertThrows(UnreadableFileException.class, () -> MetadataReaders.read(file));
        long allocated = allocatedByThisThread() - before;
        assertTrue(allocated < HostileFiles.HUNDRED_MB / 10, "allocated " + allocated + " bytes to reject a 100 MB non-image");
    }

    @Test
    void aDecompressionBombIsStoppedNearTheCap() throws Exception {
        long before = allocatedByThisThread();
        EmbeddedMetadata m = MetadataReaders.read(dir.resolve("ztxt-bomb.png"));
        long allocated = allocatedByThisThread() - before;
        assertTrue(m.entries().isEmpty(), "the bomb's text must not become an entry");
        // the chunk inflates to 1 GiB; the reader may hold at most a few times the 64 MiB cap
        assertTrue(allocated < 320L << 20, "allocated " + allocated + " bytes for a 1 GiB zTXt bomb");
    }

    @Test
    void manyBombsTogetherStayWithinTheFileBudget() throws Exception {
        EmbeddedMetadata m = MetadataReaders.read(dir.resolve("many-ztxt-bombs.png"));
        long inflated = m.entries().stream().mapToLong(e -> e.text().length()).sum();
        assertTrue(inflated <= com.samplerlens.core.container.png.PngMetadataReader.MAX_INFLATED_PER_FILE, "inflated " + inflated);
        assertEquals(2, m.entries().size(), "two 60 MiB chunks fit in the 128 MiB budget, the third does not");
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
