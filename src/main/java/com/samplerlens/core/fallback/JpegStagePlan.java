package com.samplerlens.core.fallback;

import com.samplerlens.core.container.exif.ExifPayload;
import java.util.OptionalLong;

/**
 * One JPEG fallback stage, ready to write: either an EXIF APP1 payload or a COM text.
 *
 * @param stage         which stage
 * @param exif          the EXIF tags of an EXIF stage; null for com-marker
 * @param app1Payload   the exact APP1 payload ({@code Exif\0\0} included) an EXIF stage writes; null for com-marker
 * @param comText       the COM segment text of com-marker; null otherwise
 * @param metadataBytes APP1 payload length, or COM payload length (UTF-8)
 * @param fileBytes     size of the file written with this stage, when a target was given and the stage
 *                      fits in a JPEG segment at all
 * @param fits          whether the stage is within the limits
 * @param note          why it does not fit or what was given up, for people; empty when nothing to say
 */
public record JpegStagePlan(FallbackStage stage, ExifPayload exif, byte[] app1Payload, String comText,
                            long metadataBytes, OptionalLong fileBytes, boolean fits, String note) implements PlanEntry {

    @Override
    public String name() { return stage.label(); }

    /** The parameters text this stage writes (UserComment or COM). */
    public String parameters() { return exif != null ? exif.userComment() : comText; }

    @Override
    public String content() {
        return exif == null ? "COM: " + comText : describe(exif);
    }

    /** The EXIF tags, one per line, for people. */
    public static String describe(ExifPayload exif) {
        StringBuilder sb = new StringBuilder("UserComment: ").append(exif.userComment());
        if (exif.model() != null) sb.append("\nModel: ").append(exif.model());
        if (exif.make() != null) sb.append("\nMake: ").append(exif.make());
        if (exif.imageDescription() != null) sb.append("\nImageDescription: ").append(exif.imageDescription());
        return sb.toString();
    }
}
