package com.samplerlens.core.container.jpeg;

import com.samplerlens.core.container.ByteSizes;
import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.DecodeProblem;
import com.samplerlens.core.container.EmbeddedMetadata;
import com.samplerlens.core.container.MetadataEntry;
import com.samplerlens.core.container.MetadataKeys;
import com.samplerlens.core.container.StructureLines;
import com.samplerlens.core.container.UnreadableFileException;
import com.samplerlens.core.container.exif.ExifMetadataDecoder;
import com.samplerlens.core.container.exif.ExifTextDecoder;
import com.samplerlens.core.container.ByteInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The metadata of a JPEG: the EXIF APP1 (ComfyUI prefixes in the 0th IFD, UserComment) and COM
 * segments. A COM text counts as "parameters" only when there is no UserComment and it looks like
 * parameters ({@link JpegExifWriter#isParametersComment}, the rule the writer replaces COMs by),
 * which is how the com-marker fallback stores it; other COMs are plain comments.
 */
public final class JpegMetadataReader {
    private JpegMetadataReader() {}

    public static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};
    static final byte[] XMP_HEADER = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);

    public static EmbeddedMetadata read(Path file, byte[] jpeg) throws UnreadableFileException {
        return read(file, jpeg, jpeg.length);
    }

    /**
     * Reads the segments before the image data of a JPEG of {@code fileLength} bytes whose first
     * bytes are {@code head}: everything up to and including SOS, or the whole file when it has none.
     * The scan data itself is never needed (see {@link #head}).
     */
    public static EmbeddedMetadata read(Path file, byte[] head, long fileLength) throws UnreadableFileException {
        byte[] jpeg = head;
        if (!JpegSegmentReader.hasSignature(jpeg)) throw new UnreadableFileException(file, "not a JPEG file (no SOI marker)");
        JpegSegmentReader.Result result = JpegSegmentReader.read(jpeg);
        List<DecodeProblem> problems = new ArrayList<>(result.problems());
        if (result.segments().size() == 1) {
            throw new UnreadableFileException(file, "truncated JPEG before any segment"
                    + (problems.isEmpty() ? "" : ": " + problems.getFirst().message()));
        }
        List<MetadataEntry> exifEntries = new ArrayList<>();
        List<MetadataEntry> comEntries = new ArrayList<>();
        StructureLines structure = new StructureLines();
        int exifSegments = 0;
        for (JpegSegment seg : result.segments()) {
            if (seg.marker() == JpegSegment.APP1 && seg.payloadStartsWith(jpeg, EXIF_HEADER)) {
                String where = "APP1 EXIF at offset " + seg.offset();
                if (++exifSegments > 1) {
                    problems.add(new DecodeProblem(where, "more than one EXIF segment; the first one's values win"));
                }
                byte[] tiff = Arrays.copyOfRange(jpeg, seg.payloadOffset() + EXIF_HEADER.length, seg.payloadOffset() + seg.payloadLength());
                ExifMetadataDecoder.Result exif = ExifMetadataDecoder.decode(tiff, where);
                exifEntries.addAll(exif.entries());
                problems.addAll(exif.problems());
                structure.add("APP1 EXIF (" + exif.tagCount() + (exif.tagCount() == 1 ? " tag)" : " tags)"), seg.payloadLength());
            } else if (seg.marker() == JpegSegment.APP1 && seg.payloadStartsWith(jpeg, XMP_HEADER)) {
                structure.add("APP1 XMP", seg.payloadLength());
            } else if (seg.marker() == JpegSegment.APP1) {
                problems.add(new DecodeProblem("APP1 at offset " + seg.offset(), "neither EXIF nor XMP (starts with "
                        + printable(jpeg, seg.payloadOffset(), Math.min(8, seg.payloadLength())) + "); ignored"));
                structure.add("APP1 (unknown)", seg.payloadLength());
            } else if (seg.marker() == JpegSegment.COM) {
                byte[] payload = seg.payload(jpeg);
                String text = ExifTextDecoder.asciiValue(payload);
                // the writer's rule: only a COM that looks like parameters is parameters; others are plain comments
                comEntries.add(new MetadataEntry(JpegExifWriter.isParametersComment(text) ? MetadataKeys.PARAMETERS : "comment", "COM", text, payload.length));
                structure.add("COM", seg.payloadLength());
            } else if (seg.marker() == JpegSegment.SOI) {
                structure.addLine("SOI");
            } else {
                structure.addRepeatable(seg.name(), seg.payloadLength());
            }
        }
        if (result.scanDataOffset() >= 0) structure.addLine("scan data " + ByteSizes.human(fileLength - result.scanDataOffset()));
        List<MetadataEntry> entries = new ArrayList<>(exifEntries);
        boolean hasUserComment = exifEntries.stream().anyMatch(e -> e.key().equals(MetadataKeys.PARAMETERS));
        if (!hasUserComment) entries.addAll(comEntries);
        else comEntries.forEach(c -> entries.add(new MetadataEntry("comment", "COM", c.text(), c.bytes())));
        return new EmbeddedMetadata(file, ContainerFormat.JPEG, structure.lines(), entries, problems);
    }

    /**
     * The bytes of a JPEG up to the end of its SOS segment (the metadata segments, never the scan
     * data), read in growing steps: most files need one 64 KB read, a file with no SOS is read to
     * where its segment walk stops.
     */
    public static byte[] head(ByteInput in) throws IOException {
        long size = in.size();
        int n = (int) Math.min(size, 64 * 1024);
        while (true) {
            byte[] head = in.read(0, n);
            JpegSegmentReader.Result r = JpegSegmentReader.read(head);
            if (!r.ranOut() || n == size) return head;
            n = (int) Math.min(size, Math.min(Integer.MAX_VALUE - 8, n * 4L));
        }
    }

    private static String printable(byte[] b, int from, int len) {
        StringBuilder sb = new StringBuilder("'");
        for (int i = from; i < from + len; i++) {
            int c = b[i] & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
        }
        return sb.append('\'').toString();
    }
}
