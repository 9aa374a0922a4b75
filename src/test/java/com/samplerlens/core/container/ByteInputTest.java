package com.samplerlens.core.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.testing.Fixtures;
import java.io.EOFException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * A file up to ByteInput.WHOLE bytes is read whole when opened, a larger one through the window;
 * both give every range and CRC exactly as the file's bytes do, and only a large file is read in part.
 */
class ByteInputTest {

    @Test
    void smallAndLargeRealFilesReadAsTheirBytes() throws Exception {
        Path small = Fixtures.bundled("images/sdp_comfyui_img2img_cropped.png");
        Path large = Fixtures.bundled("images/ce_sdxl_refiner_prompt_example.png");
        assertTrue(Files.size(small) <= ByteInput.WHOLE && Files.size(large) > 4 * ByteInput.WHOLE, "one file of each kind");
        for (Path f : new Path[] {small, large}) {
            byte[] bytes = Files.readAllBytes(f);
            SplittableRandom r = new SplittableRandom(f.getFileName().toString().hashCode());
            try (ByteInput in = ByteInput.open(f)) {
                assertEquals(bytes.length, in.size());
                for (int i = 0; i < 300; i++) {
                    int pos = r.nextInt(bytes.length);
                    int len = r.nextInt(Math.min(bytes.length - pos, 3 * ByteInput.WINDOW) + 1);
                    assertArrayEquals(Arrays.copyOfRange(bytes, pos, pos + len), in.read(pos, len), f + " at " + pos + "+" + len);
                }
                CRC32 expected = new CRC32();
                expected.update(bytes, 100, bytes.length - 100);
                CRC32 got = new CRC32();
                in.updateCrc(got, 100, bytes.length - 100);
                assertEquals(expected.getValue(), got.getValue(), f + ": CRC");
                assertThrows(EOFException.class, () -> in.read(bytes.length - 1, 2), "a read past the end");
            }
        }
        try (ByteInput in = ByteInput.open(small)) {
            assertEquals(Files.size(small), in.bytesRead(), "a small file is read whole, once");
        }
        try (ByteInput in = ByteInput.open(large)) {
            in.read(0, 33);
            assertTrue(in.bytesRead() <= ByteInput.WINDOW, "a large one only as far as asked: " + in.bytesRead());
        }
    }
}
