package com.samplerlens.core.container.exif;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The IFD count taken before a library walks a TIFF block (issue 14: 3,639 chained IFDs overflowed the stack). */
class TiffStructureCheckTest {

    /** n IFDs chained by their next-IFD offsets, one PageNumber entry each, in the given byte order. */
    private static byte[] chain(int n, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(8 + n * 18).order(order);
        b.put(order == ByteOrder.BIG_ENDIAN ? new byte[] {'M', 'M'} : new byte[] {'I', 'I'}).putShort((short) 42).putInt(8);
        for (int i = 0; i < n; i++) {
            b.putShort((short) 1).putShort((short) 0x0129).putShort((short) 3).putInt(2).putInt(0);
            b.putInt(i == n - 1 ? 0 : 8 + (i + 1) * 18);
        }
        return b.array();
    }

    @Test
    void chainsUpToTheCapPassAndLongerOnesAreRefusedInEitherByteOrder() {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            assertNull(TiffStructureCheck.problem(chain(TiffStructureCheck.MAX_IFDS, order)));
            String p = TiffStructureCheck.problem(chain(TiffStructureCheck.MAX_IFDS + 1, order));
            assertEquals("EXIF holds more than 64 IFDs (chained or nested); not read", p);
            assertNotNull(TiffStructureCheck.problem(chain(3_639, order)));
        }
    }

    @Test
    void aLoopIsCountedOnceAndLeftToTheLibrary() {
        byte[] loop = chain(2, ByteOrder.BIG_ENDIAN);
        ByteBuffer.wrap(loop).putInt(8 + 18 + 14, 8); // the second IFD's next points back at the first
        assertNull(TiffStructureCheck.problem(loop));
    }

    @Test
    void subIfdListsAndPointersCount() {
        // IFD0 with SubIFDs (0x014A) listing 100 offsets: refused before any is followed
        ByteBuffer b = ByteBuffer.allocate(8 + 18).order(ByteOrder.BIG_ENDIAN);
        b.put(new byte[] {'M', 'M'}).putShort((short) 42).putInt(8);
        b.putShort((short) 1).putShort((short) 0x014A).putShort((short) 4).putInt(100).putInt(26).putInt(0);
        assertNotNull(TiffStructureCheck.problem(b.array()));
        // 70 IFDs, each an Exif-IFD pointer to the next: nested, not chained
        int n = 70;
        ByteBuffer c = ByteBuffer.allocate(8 + n * 18).order(ByteOrder.BIG_ENDIAN);
        c.put(new byte[] {'M', 'M'}).putShort((short) 42).putInt(8);
        for (int i = 0; i < n; i++) {
            c.putShort((short) 1).putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(i == n - 1 ? 0 : 8 + (i + 1) * 18).putInt(0);
        }
        assertNotNull(TiffStructureCheck.problem(c.array()));
    }

    @Test
    void notTiffOrTruncatedIsLeftToTheLibrary() {
        assertNull(TiffStructureCheck.problem(new byte[] {1, 2, 3}));
        assertNull(TiffStructureCheck.problem("XX*\0\0\0\0\b".getBytes()));
        assertNull(TiffStructureCheck.problem(new byte[] {'M', 'M', 0, 42, 0x7F, 0, 0, 0}));
    }
}
