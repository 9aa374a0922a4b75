package com.samplerlens.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

    /** What may be replaced: nothing, a file we may write, or also a read-only file (the user said so). */
    public enum Replace { NEVER, WRITABLE, EVEN_READ_ONLY }

    /** The file written (the link's target when a link was followed) and what the user should be told. */
    public record Written(Path path, List<String> notices) {}

    /**
     * @param replaceExisting false: fail with {@link FileAlreadyExistsException} when {@code target} exists
     *                        (also when it appears while writing); true: replace it if it is writable,
     *                        keeping its owner, group and permissions. A link at {@code target} is
     *                        replaced as a name, never followed.
     */
    public static void write(Path target, byte[] bytes, boolean replaceExisting, Verifier verifier) throws IOException {
        write(target, bytes, replaceExisting ? Replace.WRITABLE : Replace.NEVER, false, verifier);
    }

    /**
     * Writes {@code bytes} as {@code target}. Refused with {@link UnsafeTargetException}: a target
     * that is a folder, device, FIFO or socket; a read-only one unless {@link Replace#EVEN_READ_ONLY};
     * one whose owner or group cannot be kept.
     *
     * @param followLink true (in-place edits): a symbolic link at {@code target} is resolved and its
     *                   target file rewritten, the link kept (a notice says so); false: the link
     *                   itself is replaced by the new file and what it pointed to is not touched
     */
    public static Written write(Path target, byte[] bytes, Replace replace, boolean followLink, Verifier verifier) throws IOException {
        List<String> notices = new ArrayList<>();
        Path absolute = target.toAbsolutePath();
        Path shown = target;
        if (followLink && Files.isSymbolicLink(absolute)) {
            Path real;
            try {
                real = absolute.toRealPath();
            } catch (IOException e) {
                throw new UnsafeTargetException(target + ": is a symbolic link to a file that does not exist; not written");
            }
            notices.add(target + " is a symbolic link; wrote the file it points to, " + real);
            absolute = real;
            shown = real;
        }
        BasicFileAttributes existing = attributesOf(absolute);
        if (existing != null) {
            if (replace == Replace.NEVER) throw new FileAlreadyExistsException(target.toString(), null, "already exists");
            if (!existing.isRegularFile() && !existing.isSymbolicLink()) {
                throw new UnsafeTargetException(target + ": is " + kindOf(absolute, existing) + ", not a regular file; not replaced");
            }
            if (existing.isRegularFile() && isReadOnly(absolute)) {
                if (replace != Replace.EVEN_READ_ONLY) {
                    throw new UnsafeTargetException(target + ": is read-only; not replaced (add --force to replace it anyway)");
                }
                notices.add(target + " was read-only; replaced because of --force (its permissions are kept)");
            }
            int links = linkCount(absolute);
            if (existing.isRegularFile() && links > 1) {
                // the new file takes the name; the other names still lead to the old content
                notices.add(shown + " has " + (links - 1) + (links == 2 ? " other hard link" : " other hard links")
                        + "; replaced under this name only, the other " + (links == 2 ? "name keeps" : "names keep") + " the old content");
            }
        }
        removeLeftovers(absolute);
        Path temp;
        synchronized (LIVE_TEMPS) {
            // after the shutdown hook has run, no new temporary file may appear
            if (shuttingDown) throw new IOException(target + ": not written, the program is stopping");
            try {
                temp = createTemp(absolute);
            } catch (FileSystemException e) {
                // the user knows the target, not our temporary name
                throw new UnsafeTargetException(target + ": cannot write in its folder (" + reason(e) + ")");
            }
            LIVE_TEMPS.add(temp);
        }
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) channel.write(buffer);
                channel.force(true);
            }
            long size = Files.size(temp);
            if (size != bytes.length) throw new IOException(target.getFileName() + ": wrote " + bytes.length + " bytes but " + size + " are on disk");
            verifier.verify(temp);
            if (existing != null) {
                if (existing.isRegularFile()) keepOwnerAndPermissions(target, absolute, temp);
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } else {
                moveWithoutReplacing(temp, absolute);
            }
        } catch (FileSystemException e) {
            Files.deleteIfExists(temp);
            if (e instanceof FileAlreadyExistsException) throw e;
            throw new IOException(target + ": cannot be written (" + reason(e) + ")", e);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        } finally {
            LIVE_TEMPS.remove(temp);
        }
        syncFolder(absolute.getParent());
        return new Written(shown, List.copyOf(notices));
    }

    /**
     * Temporary files being written right now; a shutdown hook deletes them, so Ctrl-C (SIGINT) or
     * SIGTERM during a write leaves none behind (SIGKILL cannot be caught: see removeLeftovers).
     */
    private static final Set<Path> LIVE_TEMPS = ConcurrentHashMap.newKeySet();
    private static boolean shuttingDown; // guarded by LIVE_TEMPS

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (LIVE_TEMPS) {
                shuttingDown = true;
                for (Path p : LIVE_TEMPS) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException | RuntimeException e) {
                        // the next write to the same name removes it (removeLeftovers)
                    }
                }
            }
        }, "samplerlens-temp-cleanup"));
    }

    /**
     * No write permission for us, or (as root, who may write anything) no write bit for its owner:
     * a 0444 file says "keep me" whoever runs the program.
     */
    private static boolean isReadOnly(Path p) throws IOException {
        if (!Files.isWritable(p)) return true;
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        return view != null && !view.readAttributes().permissions().contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    /** How many names the file has (1 where the file system cannot say). */
    private static int linkCount(Path p) {
        try {
            return ((Number) Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).intValue();
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    /** The target's own attributes (a link's, not its target's), or null when nothing is there. */
    private static BasicFileAttributes attributesOf(Path p) throws IOException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** What a non-regular file is, in words ("a character device"); public for the CLI's path checks. */
    public static String kindOf(Path p, BasicFileAttributes a) {
        if (a.isDirectory()) return "a folder";
        try {
            int type = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
            return switch (type) {
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0010000 -> "a FIFO (named pipe)";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | RuntimeException e) {
            return "a special file";
        }
    }

    /** A file system error in words, without the paths it names (the caller names the target). */
    private static String reason(FileSystemException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "the folder does not exist";
        String r = e.getReason();
        return r != null ? r : e.getClass().getSimpleName();
    }

    /**
     * Deletes temporary files that killed runs left (SIGKILL, power loss: no hook runs) before
     * this write makes its own: in the target's folder, every {@code .NAME.samplerlens-PID-START-XXXXXXXX.tmp}
     * whose process is gone (no process with that id, or one started at another time: the id was
     * reused). Files of a process still running are never touched, so two runs writing in one
     * folder cannot delete each other's files. (A listing per write: a batch of 10,000 files into
     * one folder reads 10⁸ names in all, about a second.) Temporary files of
     * the older unnamed form ({@code .NAME.samplerlens-XXXXXXXX.tmp}) are removed when their name is written.
     */
    private static void removeLeftovers(Path target) {
        Path folder = target.getParent();
        String legacyPrefix = "." + target.getFileName() + TEMP_MARK;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, p -> p.getFileName().toString().startsWith("."))) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (isLegacyTempName(name, legacyPrefix) || isStaleTemp(name)) Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable folder fails the write itself a moment later, with a clearer message
        }
    }

    private static final String TEMP_MARK = ".samplerlens-";

    /** {@code .NAME.samplerlens-PID-START-XXXXXXXX.tmp}: the writing process's id and start time (base 36 ms), 8 random hex digits. */
    private static final java.util.regex.Pattern TEMP_NAME =
            java.util.regex.Pattern.compile("\\..+\\.samplerlens-(\\d{1,10})-([0-9a-z]{1,13})-[0-9a-f]{8}\\.tmp");

    /** This process's part of the temporary names. */
    private static final String OWNER = ProcessHandle.current().pid() + "-" + startKey(ProcessHandle.current());

    private static String startKey(ProcessHandle p) {
        return p.info().startInstant().map(i -> Long.toString(i.toEpochMilli(), 36)).orElse("0");
    }

    /** A temporary file of ours whose process has ended (an unknown start time counts as still running). */
    static boolean isStaleTemp(String name) {
        var m = TEMP_NAME.matcher(name);
        if (!m.matches()) return false;
        var process = ProcessHandle.of(Long.parseLong(m.group(1)));
        if (process.isEmpty() || !process.get().isAlive()) return true;
        String start = startKey(process.get());
        return !start.equals("0") && !m.group(2).equals("0") && !start.equals(m.group(2));
    }

    private static boolean isLegacyTempName(String name, String prefix) {
        return name.startsWith(prefix) && name.endsWith(".tmp") && name.length() == prefix.length() + 8 + 4
                && name.substring(prefix.length(), prefix.length() + 8).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** The hidden temporary name beside the target, made with the default permissions of a new file. */
    private static Path createTemp(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            byte[] id = new byte[4];
            RANDOM.nextBytes(id);
            Path temp = target.resolveSibling("." + target.getFileName() + TEMP_MARK + OWNER + "-" + HexFormat.of().formatHex(id) + ".tmp");
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

    /**
     * The new file takes the old one's owner, group and mode (as root, a new file would be root's);
     * when the owner or group cannot be kept (we may not give files away), the old file stays.
     */
    private static void keepOwnerAndPermissions(Path shown, Path from, Path to) throws IOException {
        PosixFileAttributeView source = Files.getFileAttributeView(from, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView dest = Files.getFileAttributeView(to, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (source == null || dest == null) return;
        PosixFileAttributes old = source.readAttributes();
        PosixFileAttributes now = dest.readAttributes();
        try {
            if (!old.owner().equals(now.owner())) dest.setOwner(old.owner());
            if (!old.group().equals(now.group())) dest.setGroup(old.group());
        } catch (IOException e) {
            throw new UnsafeTargetException(shown + ": belongs to " + old.owner().getName() + ":" + old.group().getName()
                    + " and the new file could not be given that owner and group; not replaced");
        }
        dest.setPermissions(old.permissions());
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
