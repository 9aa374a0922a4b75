package com.samplerlens.core.container.exif;

import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.StringValue;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.samplerlens.core.container.DecodeProblem;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.MetadataKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * The ComfyUI meaning of an EXIF block, shared by JPEG APP1 and the WebP EXIF chunk. IFD parsing
 * is metadata-extractor's (it survives IFD loops and bad offsets; its complaints become
 * {@link DecodeProblem}s); the text values are decoded here from their raw bytes.
 *
 * <p>0th IFD Model / Make / ImageDescription carry {@code prompt:}, {@code workflow:} and
 * {@code Samplers detail:} + JSON (ComfyUI's SaveAnimatedWEBP numbers its extra keys down from
 * Make, so any of the three tags is accepted for any of the three prefixes). Other values of
 * these tags are ordinary camera strings and not entries. UserComment is "parameters".
 */
public final class ExifMetadataDecoder {
    private ExifMetadataDecoder() {}

    /** The entries found, the problems met, and how many tags were read, for the structure line. */
    public record Result(List<MetadataEntry> entries, List<DecodeProblem> problems, int tagCount) {}

    private static final String[] PREFIXED_KEYS = {MetadataKeys.PROMPT, MetadataKeys.WORKFLOW, MetadataKeys.SAMPLERS_DETAIL};
    /** In tag-number order, which is the order they sit in the IFD. */
    private static final int[] PREFIX_TAGS = {ExifIFD0Directory.TAG_IMAGE_DESCRIPTION, ExifIFD0Directory.TAG_MAKE, ExifIFD0Directory.TAG_MODEL};

    /**
     * Decodes TIFF bytes ("MM"/"II" header first, no "Exif\0\0").
     *
     * @param where label for problems and entry locations, e.g. "APP1 EXIF" or "EXIF chunk"
     */
    public static Result decode(byte[] tiff, String where) {
        Metadata metadata = new Metadata();
        List<DecodeProblem> problems = new ArrayList<>();
        String tooDeep = TiffStructureCheck.problem(tiff);
        if (tooDeep != null) return new Result(List.of(), List.of(new DecodeProblem(where, tooDeep)), 0);
        try {
            new ExifReader().extract(new ByteArrayReader(tiff), metadata, 0);
        } catch (StackOverflowError e) {
            // backstop for recursion the structure check cannot see (IFDs inside maker notes)
            problems.add(new DecodeProblem(where, "EXIF unreadable: its IFDs nest too deep to walk"));
        } catch (RuntimeException e) {
            problems.add(new DecodeProblem(where, "EXIF unreadable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage())));
        }
        int tags = 0;
        for (Directory d : metadata.getDirectories()) {
            tags += d.getTagCount();
            for (String error : d.getErrors()) problems.add(new DecodeProblem(where + " " + d.getName(), error));
        }
        List<MetadataEntry> entries = new ArrayList<>();
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        if (ifd0 != null) {
            for (int tag : PREFIX_TAGS) {
                byte[] raw = rawBytes(ifd0, tag);
                if (raw == null) continue;
                String value = ExifTextDecoder.asciiValue(raw);
                for (String key : PREFIXED_KEYS) {
                    if (value.startsWith(key + ":")) {
                        // metadata-extractor hands over ASCII values without their NUL terminator; count it back
                        long stored = raw.length + (ifd0.getObject(tag) instanceof StringValue ? 1 : 0);
                        entries.add(new MetadataEntry(key, "EXIF " + tagName(tag), value.substring(key.length() + 1), stored));
                        break;
                    }
                }
            }
        }
        ExifSubIFDDirectory sub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        if (sub != null) {
            byte[] raw = rawBytes(sub, ExifSubIFDDirectory.TAG_USER_COMMENT);
            if (raw != null) {
                String text = ExifTextDecoder.userComment(raw).text();
                if (!text.isEmpty()) entries.add(new MetadataEntry(MetadataKeys.PARAMETERS, "EXIF UserComment", text, raw.length));
            }
        }
        return new Result(entries, problems, tags);
    }

    /** The value's bytes as stored, whatever type metadata-extractor gave it. */
    private static byte[] rawBytes(Directory d, int tag) {
        Object v = d.getObject(tag);
        return switch (v) {
            case null -> null;
            case byte[] b -> b;
            case StringValue s -> s.getBytes();
            case String s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            default -> d.getByteArray(tag);
        };
    }

    private static String tagName(int tag) {
        return switch (tag) {
            case ExifIFD0Directory.TAG_MODEL -> "Model";
            case ExifIFD0Directory.TAG_MAKE -> "Make";
            case ExifIFD0Directory.TAG_IMAGE_DESCRIPTION -> "ImageDescription";
            default -> String.format("0x%04X", tag);
        };
    }
}
