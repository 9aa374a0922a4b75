package com.samplerlens.core.container.exif;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffImageParser;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.fieldtypes.AbstractFieldType;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputField;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * An EXIF block without generation data, every other tag kept (Orientation, camera, GPS …).
 * Removed: UserComment (A1111 parameters), ImageDescription and the Windows XP text tags
 * (XPTitle, XPComment, XPKeywords, XPSubject — tools put prompts there), and any IFD0 text that
 * carries a ComfyUI prefix ({@code prompt:}, {@code workflow:}, {@code Samplers detail:}, in
 * Make, Model or a tag below them, as SaveAnimatedWEBP numbers its keys). A Make such as
 * "Canon" is a camera's, not a generator's, and stays.
 */
public final class ExifStripper {
    private ExifStripper() {}

    private static final int IMAGE_DESCRIPTION = 0x010E;
    private static final Set<Integer> ALWAYS_IFD0 = Set.of(IMAGE_DESCRIPTION, 0x9C9B, 0x9C9C, 0x9C9D, 0x9C9E, 0x9C9F);
    /** Offsets to other directories: a block holding only these holds nothing. */
    private static final Set<Integer> POINTERS = Set.of(0x8769, 0x8825, 0xA005, 0x0201, 0x0202);

    /**
     * @param tiff a TIFF block ("MM"/"II" first, no "Exif\0\0")
     * @return the block without generation tags, or empty when nothing else is left or the block
     *         cannot be read (a block we cannot read is one we cannot vouch for)
     */
    public static Optional<byte[]> strip(byte[] tiff) {
        TiffOutputSet set;
        if (TiffStructureCheck.problem(tiff) != null) return Optional.empty();
        try {
            if (!(new TiffImageParser().getMetadata(tiff) instanceof TiffImageMetadata metadata)) return Optional.empty();
            set = metadata.getOutputSet();
        } catch (IOException | RuntimeException | StackOverflowError unreadable) {
            return Optional.empty();
        }
        TiffOutputDirectory root = set.getRootDirectory();
        if (root != null) {
            for (TiffOutputField f : List.copyOf(root.getFields())) {
                if (ALWAYS_IFD0.contains(f.tag) || (f.abstractFieldType == AbstractFieldType.ASCII && ExifPayload.isOurs(ExifTextDecoder.asciiValue(f.getData())))) {
                    root.removeField(f.tag);
                }
            }
        }
        TiffOutputDirectory exif = set.getExifDirectory();
        if (exif != null) exif.removeField(ExifTagConstants.EXIF_TAG_USER_COMMENT);
        boolean anythingLeft = set.getDirectories().stream().flatMap(d -> d.getFields().stream()).anyMatch(f -> !POINTERS.contains(f.tag));
        if (!anythingLeft) return Optional.empty();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(tiff.length);
            new TiffImageWriterLossy(set.byteOrder).write(out, set);
            return Optional.of(out.toByteArray());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
