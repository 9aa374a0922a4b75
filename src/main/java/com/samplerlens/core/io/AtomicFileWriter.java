package com.samplerlens.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes a file so that it is either complete and checked or not there at all: the bytes go to a
 * hidden temporary file in the target's folder ({@code .name.samplerlens-XXXXXXXX.tmp}), are forced
 * to disk, read back and checked, and only then moved over the target name in one step. On any
 * failure the temporary file is deleted and the target is left as it was.
 */
public final class AtomicFileWriter {
    private AtomicFileWriter() {}

    /** A check of the file as written, before it takes the target's name; throws to refuse it. */
    @FunctionalInterface
    public interface Verifier {
        Verifier NONE = written -> {};

        void verify(Path written) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @param replaceExisting false: fail with {@link FileAlreadyExistsException} when {@code target} exists
     *                        (also when it appears while writing); true: replace it, keeping its permissions
     */
    public static void write(Path target, byte[] bytes, boolean replaceExisting, Verifier verifier) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (!replaceExisting && Files.exists(absolute)) throw new FileAlreadyExistsException(target.toString(), null, "already exists");
        removeLeftovers(absolute);
        Path temp = createTemp(absolute);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) channel.write(buffer);
                channel.force(true);
            }
            long size = Files.size(temp);
            if (size != bytes.length) throw new IOException(target.getFileName() + ": wrote " + bytes.length + " bytes but " + size + " are on disk");
            verifier.verify(temp);
            if (replaceExisting) {
                copyPermissions(absolute, temp);
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } else {
                moveWithoutReplacing(temp, absolute);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncFolder(absolute.getParent());
    }

    /**
     * Deletes the temporary files of earlier writes to this name that were killed (SIGKILL, power
     * loss) before they could delete their own. Only this name's files are touched; two programs
     * writing the same file at once is a race the user has already lost either way, and the
     * loser then fails cleanly on its move.
     */
    private static void removeLeftovers(Path target) {
        String prefix = "." + target.getFileName() + TEMP_MARK;
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(target.getParent(),
                p -> isTempName(p.getFileName().toString(), prefix))) {
            for (Path p : leftovers) Files.deleteIfExists(p);
        } catch (IOException e) {
            // an unreadable folder fails the write itself a moment later, with a clearer message
        }
    }

    private static final String TEMP_MARK = ".samplerlens-";

    private static boolean isTempName(String name, String prefix) {
        return name.startsWith(prefix) && name.endsWith(".tmp") && name.length() == prefix.length() + 8 + 4
                && name.substring(prefix.length(), prefix.length() + 8).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** The hidden temporary name beside the target, made with the default permissions of a new file. */
    private static Path createTemp(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            byte[] id = new byte[4];
            RANDOM.nextBytes(id);
            Path temp = target.resolveSibling("." + target.getFileName() + TEMP_MARK + HexFormat.of().formatHex(id) + ".tmp");
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 9) throw e;
            }
        }
    }

    /**
     * A hard link takes the name only if it is free, in one step, so a file that appeared since the
     * check is never replaced; where links are not supported, the check and an atomic move do.
     */
    private static void moveWithoutReplacing(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
            Files.delete(temp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(target)) throw new FileAlreadyExistsException(target.toString(), null, "already exists");
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class);
        PosixFileAttributeView dest = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (source != null && dest != null && Files.exists(from)) dest.setPermissions(source.readAttributes().permissions());
    }

    /** Makes the new name durable too; folders cannot be opened for this on every system, which is fine. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Windows cannot open a folder as a channel; the move itself is still atomic.
        }
    }
}
