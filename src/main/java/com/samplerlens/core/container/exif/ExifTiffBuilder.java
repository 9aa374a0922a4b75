package com.samplerlens.core.container.exif;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffImageParser;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.fieldtypes.AbstractFieldType;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfo;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputField;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * Builds the TIFF block for an {@link ExifPayload}, keeping every other tag of an existing block
 * (orientation, camera …). IFD layout is Commons Imaging's; the four values are encoded here
 * byte by byte, because:
 * <ul>
 *   <li>UserComment must be {@code UNICODE\0} + UTF-16 exactly as piexif writes it (big-endian in
 *       a big-endian block); Commons Imaging would pick {@code ASCII} for ASCII-only text.
 *       A little-endian block that we extend gets UTF-16LE, because ExifTool and metadata-extractor
 *       decode UNICODE in the block's byte order; our reader sniffs either way.</li>
 *   <li>The ASCII tags hold JSON that ComfyUI escapes to ASCII; should a non-ASCII character slip
 *       in, it is stored as UTF-8 (what ComfyUI's frontend, ExifTool and our reader decode),
 *       not replaced by '?'.</li>
 * </ul>
 * A new block is big-endian ("MM"), as piexif and Pillow write it. Existing maker notes are
 * re-laid out by the lossy writer, so maker-note-internal offsets may not survive.
 */
public final class ExifTiffBuilder {
    private ExifTiffBuilder() {}

    /**
     * @param existingTiff the target's current TIFF block (no "Exif\0\0"), or null for a new block
     * @throws IllegalArgumentException when the values cannot be laid out (e.g. too many bytes for TIFF)
     */
    public static byte[] tiff(byte[] existingTiff, ExifPayload payload) {
        refuseNul(payload.model(), "Model");
        refuseNul(payload.make(), "Make");
        refuseNul(payload.imageDescription(), "ImageDescription");
        refuseNul(payload.userComment(), "UserComment");
        try {
            TiffOutputSet set = existingTiff == null ? new TiffOutputSet(ByteOrder.BIG_ENDIAN) : readOrFresh(existingTiff);
            TiffOutputDirectory root = set.getOrCreateRootDirectory();
            putOrClearOurs(root, TiffTagConstants.TIFF_TAG_MODEL, payload.model());
            putOrClearOurs(root, TiffTagConstants.TIFF_TAG_MAKE, payload.make());
            putOrClearOurs(root, TiffTagConstants.TIFF_TAG_IMAGE_DESCRIPTION, payload.imageDescription());
            TiffOutputDirectory exif = set.getExifDirectory();
            if (exif != null) exif.removeField(ExifTagConstants.EXIF_TAG_USER_COMMENT);
            if (payload.userComment() != null) {
                exif = set.getOrCreateExifDirectory();
                byte[] value = userCommentBytes(payload.userComment(), set.byteOrder);
                exif.add(new TiffOutputField(ExifTagConstants.EXIF_TAG_USER_COMMENT, AbstractFieldType.UNDEFINED, value.length, value));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new TiffImageWriterLossy(set.byteOrder).write(out, set);
            return out.toByteArray();
        } catch (ImagingException e) {
            throw new IllegalArgumentException("EXIF cannot be written: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code UNICODE\0} + UTF-16 in the given byte order, no terminator (piexif's layout). No BOM,
     * except when readers would guess the byte order wrong: UTF-16 without a BOM is ambiguous
     * (U+0100 'Ā' in big-endian reads as U+0001 in little-endian; a leading U+FEFF looks like a
     * BOM), so when our own reader would not read back exactly this text, a real BOM goes first.
     * Found by fuzzing the writers.
     */
    public static byte[] userCommentBytes(String text, ByteOrder order) {
        byte[] plain = unicodeComment(text, order, false);
        ExifTextDecoder.Decoded back = ExifTextDecoder.userComment(plain);
        return text.equals(back.text()) ? plain : unicodeComment(text, order, true);
    }

    private static byte[] unicodeComment(String text, ByteOrder order, boolean bom) {
        String body = bom ? "\uFEFF" + text : text;
        byte[] utf16 = body.getBytes(order == ByteOrder.BIG_ENDIAN ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
        byte[] value = new byte[8 + utf16.length];
        System.arraycopy(ExifTextDecoder.UNICODE_PREFIX, 0, value, 0, 8);
        System.arraycopy(utf16, 0, value, 8, utf16.length);
        return value;
    }

    /** The existing block's tags, or a fresh big-endian set when the block is unreadable (it is replaced anyway). */
    private static TiffOutputSet readOrFresh(byte[] tiff) {
        if (TiffStructureCheck.problem(tiff) != null) return new TiffOutputSet(ByteOrder.BIG_ENDIAN);
        try {
            if (new TiffImageParser().getMetadata(tiff) instanceof TiffImageMetadata metadata) return metadata.getOutputSet();
            return new TiffOutputSet(ByteOrder.BIG_ENDIAN);
        } catch (IOException | RuntimeException | StackOverflowError unreadable) {
            return new TiffOutputSet(ByteOrder.BIG_ENDIAN);
        }
    }

    /**
     * EXIF ends an ASCII value at its first NUL, and readers drop a UserComment's trailing NULs,
     * so a text with a NUL would not read back as written (found by WriterRoundTripFuzzTest).
     * ComfyUI's JSON writes NUL as an escape sequence, so only a broken source has a raw one.
     */
    private static void refuseNul(String value, String tag) {
        if (value != null && value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the text for EXIF " + tag + " contains a NUL character, which EXIF cannot store");
        }
    }

    private static void putOrClearOurs(TiffOutputDirectory dir, TagInfo tag, String value) throws ImagingException {
        TiffOutputField existing = dir.findField(tag);
        if (value == null) {
            if (existing != null && isOurs(existing)) dir.removeField(tag);
            return;
        }
        dir.removeField(tag);
        byte[] bytes = (value + "\0").getBytes(StandardCharsets.UTF_8);
        dir.add(new TiffOutputField(tag, AbstractFieldType.ASCII, bytes.length, bytes));
    }

    private static boolean isOurs(TiffOutputField field) {
        return ExifPayload.isOurs(ExifTextDecoder.asciiValue(field.getData()));
    }
}
