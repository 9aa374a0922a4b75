package com.samplerlens.core.container;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Random access to the bytes of a file or of an array, for readers that look at chunk headers and
 * metadata only and skip the image data: a 1 GB PNG costs its chunk headers and text chunks, not
 * a 1 GB array. Reads go through a small window, so walking thousands of tiny chunks is not a
 * system call each; a read past the window moves it (a skip over image data is a seek).
 */
public final class ByteInput implements Closeable {
    /**
     * Window size: one read fetches this much, so headers that sit close together cost one read.
     * Small on purpose: after a skip over image data only the next header is wanted, and a larger
     * window would read (and a 60 KB IDAT run would re-read) image data for nothing.
     */
    static final int WINDOW = 8 * 1024;

    private final FileChannel channel;
    private final byte[] array;
    private final long size;
    private ByteBuffer window;
    private long windowStart = -1;
    private long bytesRead;

    private ByteInput(FileChannel channel, byte[] array, long size) {
        this.channel = channel;
        this.array = array;
        this.size = size;
        this.window = null;
    }

    /**
     * Files up to this size are read whole when opened, in one read: a small PNG is mostly its
     * text chunks anyway, and a window per header plus a read per text chunk cost a folder of
     * 2,800 small PNGs about a tenth of its time in system calls and buffers.
     */
    static final int WHOLE = 64 * 1024;

    public static ByteInput open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = ch.size();
            if (size > WHOLE) return new ByteInput(ch, null, size);
            ByteInput whole = new ByteInput(null, new byte[(int) size], size);
            ByteBuffer dst = ByteBuffer.wrap(whole.array);
            while (dst.hasRemaining()) {
                if (ch.read(dst) < 0) throw new EOFException("file shorter than " + size + " bytes (changed while read?)");
            }
            ch.close();
            whole.bytesRead = size;
            return whole;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public static ByteInput of(byte[] bytes) {
        return new ByteInput(null, bytes, bytes.length);
    }

    public long size() { return size; }

    /** Bytes fetched from the file so far (for tests and benchmarks: what "touch only metadata" means). */
    public long bytesRead() { return bytesRead; }

    /** Exactly {@code length} bytes from {@code pos}; an {@link EOFException} when the input is shorter. */
    public byte[] read(long pos, int length) throws IOException {
        if (pos < 0 || length < 0 || pos + length > size) throw new EOFException("read of " + length + " bytes at " + pos + " past the end (" + size + ")");
        if (array != null) return Arrays.copyOfRange(array, (int) pos, (int) pos + length);
        byte[] out = new byte[length];
        if (length <= WINDOW) {
            fill(pos, length);
            window.get((int) (pos - windowStart), out, 0, length);
            return out;
        }
        ByteBuffer dst = ByteBuffer.wrap(out);
        readFully(dst, pos);
        return out;
    }

    /** Adds {@code length} bytes from {@code pos} to {@code crc}, a window at a time. */
    public void updateCrc(CRC32 crc, long pos, long length) throws IOException {
        if (pos + length > size) throw new EOFException("CRC of " + length + " bytes at " + pos + " past the end (" + size + ")");
        if (array != null) {
            crc.update(array, (int) pos, (int) length);
            return;
        }
        long done = 0;
        while (done < length) {
            int n = (int) Math.min(WINDOW, length - done);
            fill(pos + done, n);
            crc.update(window.array(), (int) (pos + done - windowStart), n);
            done += n;
        }
    }

    /** Makes the window hold [pos, pos + length); length is at most WINDOW. */
    private void fill(long pos, int length) throws IOException {
        // no larger than the file: a folder of small PNGs allocated (and zeroed) 8 KB for each
        if (window == null) window = ByteBuffer.allocate((int) Math.min(WINDOW, size));
        if (windowStart >= 0 && pos >= windowStart && pos + length <= windowStart + window.limit()) return;
        window.clear();
        window.limit((int) Math.min(WINDOW, size - pos));
        readFully(window, pos);
        window.flip();
        windowStart = pos;
    }

    private void readFully(ByteBuffer dst, long pos) throws IOException {
        long p = pos;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, p);
            if (n < 0) throw new EOFException("file shorter than " + size + " bytes (changed while read?)");
            p += n;
            bytesRead += n;
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) channel.close();
    }
}
