package com.samplerlens.core.container;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** zlib inflation with a ceiling, so a small compressed chunk cannot expand into gigabytes. */
public final class BoundedInflater {
    private BoundedInflater() {}

    /** Per-chunk ceiling on inflated text: far above any real workflow, far below a heap. */
    public static final int DEFAULT_LIMIT = 64 * 1024 * 1024;

    /** How the message of a too-large inflation starts. */
    public static final String TOO_LARGE = "inflates to more than ";

    /** Thrown when the data inflates past the limit or is not valid zlib data. */
    public static final class InflateException extends Exception {
        public InflateException(String message) { super(message); }
    }

    public static byte[] inflate(byte[] data, int offset, int length, int limit) throws InflateException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, Math.max(64, length * 4)));
            byte[] buf = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0) {
                    if (inflater.needsInput()) throw new InflateException("compressed data ends early");
                    if (inflater.needsDictionary()) throw new InflateException("compressed data needs a preset dictionary");
                }
                if (out.size() + n > limit) {
                    throw new InflateException(TOO_LARGE + ByteSizes.human(limit) + "; not decompressed (possible decompression bomb)");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new InflateException("corrupt compressed data (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }
}
