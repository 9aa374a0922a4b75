package com.samplerlens.core.io;

import java.io.IOException;

/**
 * A write refused to protect what is at the target name (a device, FIFO, folder, read-only file,
 * another user's file) or because the folder cannot be written. The message is one line that
 * names the target the user gave, never our temporary file.
 */
public final class UnsafeTargetException extends IOException {
    public UnsafeTargetException(String message) {
        super(message);
    }
}
