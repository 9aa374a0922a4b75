package com.samplerlens.core.container;

import com.samplerlens.core.container.jpeg.JpegMetadataReader;
import com.samplerlens.core.container.jpeg.JpegSegmentReader;
import com.samplerlens.core.container.json.JsonFileReader;
import com.samplerlens.core.container.png.PngChunkReader;
import com.samplerlens.core.container.png.PngMetadataReader;
import com.samplerlens.core.container.webp.RiffChunkReader;
import com.samplerlens.core.container.webp.WebpMetadataReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;

/**
 * The one entry point for reading a file's metadata. The format comes from the bytes; an
 * extension that says otherwise is only noted as a {@link DecodeProblem}.
 */
public final class MetadataReaders {
    private MetadataReaders() {}

    /** Files larger than this are not read into memory for writing (no ComfyUI image comes close); reading metadata has no such limit. */
    public static final long MAX_FILE_BYTES = 1L << 30;

    /** JSON files larger than this are not read: real workflows are a few MB at most. */
    public static final long MAX_JSON_FILE_BYTES = 128L << 20;

    /** Bytes read first to learn the format, so a file that is none of ours is never read whole. */
    static final int DETECT_BYTES = 4096;

    /** Reads the file's metadata; see {@link #read(Path, boolean)}. */
    public static EmbeddedMetadata read(Path file) throws UnreadableFileException {
        return read(file, false);
    }

    /**
     * Reads the file's metadata, touching only the bytes that hold it: the chunk or segment
     * headers and the metadata chunks of an image (its image data is skipped over, so memory
     * follows the metadata, not the file size); a JSON file whole.
     *
     * @param verify PNG: check the CRC of every chunk, image data included (read, not kept), not
     *               only of the chunks decoded
     */
    public static EmbeddedMetadata read(Path file, boolean verify) throws UnreadableFileException {
        try {
            regularFileSize(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException(file, "no such file");
        } catch (IOException e) {
            throw new UnreadableFileException(file, "cannot read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        try (ByteInput in = ByteInput.open(file)) {
            long size = in.size();
            if (size == 0) throw new UnreadableFileException(file, "empty file");
            byte[] head = in.read(0, (int) Math.min(size, DETECT_BYTES));
            ContainerFormat format = detect(head).orElseThrow(() -> notOurs(file, head));
            EmbeddedMetadata read = switch (format) {
                case PNG -> PngMetadataReader.read(file, in, BoundedInflater.DEFAULT_LIMIT, verify);
                case JPEG -> JpegMetadataReader.read(file, JpegMetadataReader.head(in), size);
                case WEBP -> WebpMetadataReader.read(file, in);
                case JSON -> {
                    if (size > MAX_JSON_FILE_BYTES) throw tooLarge(file, format, size, MAX_JSON_FILE_BYTES);
                    yield JsonFileReader.read(file, in.read(0, (int) size));
                }
            };
            return withExtensionCheck(read);
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException(file, "no such file");
        } catch (IOException e) {
            throw new UnreadableFileException(file, "cannot read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    private static UnreadableFileException tooLarge(Path file, ContainerFormat format, long size, long max) {
        return new UnreadableFileException(file, format.id().toUpperCase(Locale.ROOT) + " file of "
                + ByteSizes.human(size) + " is larger than the " + ByteSizes.human(max) + " read limit");
    }

    /**
     * The whole file, for the writers, which copy every byte they do not own, once its first bytes show it is one of our formats and it is within that
     * format's size limit; anything else is refused without reading the file whole.
     */
    public static byte[] readBytes(Path file) throws UnreadableFileException {
        try {
            long size = regularFileSize(file);
            if (size == 0) throw new UnreadableFileException(file, "empty file");
            byte[] head = readHead(file, (int) Math.min(size, DETECT_BYTES));
            ContainerFormat format = detect(head).orElseThrow(() -> notOurs(file, head));
            long max = format == ContainerFormat.JSON ? MAX_JSON_FILE_BYTES : MAX_FILE_BYTES;
            if (size > max) throw tooLarge(file, format, size, max);
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException(file, "no such file");
        } catch (IOException e) {
            throw new UnreadableFileException(file, "cannot read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /** The size of a regular file; anything else is refused before it is opened. */
    private static long regularFileSize(Path file) throws IOException, UnreadableFileException {
        var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        // a FIFO or device would block or never end; a folder reads as "Is a directory"
        if (attributes.isDirectory()) throw new UnreadableFileException(file, "is a folder, not a file");
        if (!attributes.isRegularFile()) throw new UnreadableFileException(file, "is not a regular file (a device, FIFO or socket)");
        return attributes.size();
    }

    /** Reads bytes already in memory; {@code file} names them in messages and in the result. */
    public static EmbeddedMetadata read(Path file, byte[] bytes) throws UnreadableFileException {
        if (bytes.length == 0) throw new UnreadableFileException(file, "empty file");
        ContainerFormat format = detect(bytes).orElseThrow(() -> notOurs(file, bytes));
        EmbeddedMetadata read = switch (format) {
            case PNG -> PngMetadataReader.read(file, bytes);
            case JPEG -> JpegMetadataReader.read(file, bytes);
            case WEBP -> WebpMetadataReader.read(file, bytes);
            case JSON -> JsonFileReader.read(file, bytes);
        };
        return withExtensionCheck(read);
    }

    /** The format the bytes are in, from their first bytes. */
    public static Optional<ContainerFormat> detect(byte[] bytes) {
        if (PngChunkReader.hasSignature(bytes)) return Optional.of(ContainerFormat.PNG);
        if (JpegSegmentReader.hasSignature(bytes)) return Optional.of(ContainerFormat.JPEG);
        if (RiffChunkReader.hasSignature(bytes)) return Optional.of(ContainerFormat.WEBP);
        int i = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) i++;
        if (i < bytes.length && (bytes[i] == '{' || bytes[i] == '[')) return Optional.of(ContainerFormat.JSON);
        return Optional.empty();
    }

    private static EmbeddedMetadata withExtensionCheck(EmbeddedMetadata m) {
        String name = m.file().getFileName() == null ? "" : m.file().getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0) return m;
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        ContainerFormat named;
        try {
            named = ContainerFormat.parse(ext);
        } catch (IllegalArgumentException unknownExtension) {
            return m;
        }
        if (named == m.format()) return m;
        var problems = new ArrayList<>(m.problems());
        problems.add(new DecodeProblem("file name", "named ." + ext + " but the bytes are " + m.format().id().toUpperCase(Locale.ROOT)));
        return new EmbeddedMetadata(m.file(), m.format(), m.structure(), m.entries(), problems);
    }

    private static UnreadableFileException notOurs(Path file, byte[] head) {
        return new UnreadableFileException(file, "not a PNG, JPEG, WebP or JSON file (starts with " + describeStart(head) + ")");
    }

    private static byte[] readHead(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    private static String describeStart(byte[] b) {
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < Math.min(4, b.length); i++) {
            int c = b[i] & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
        }
        return sb.append('\'').toString();
    }
}
