package com.samplerlens.core.fallback;

import com.samplerlens.core.container.ContainerFormat;
import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.container.exif.ExifPayload;
import com.samplerlens.core.container.jpeg.JpegExifWriter;
import com.samplerlens.core.json.CompactJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The anchor's JPEG size policy (anchor-behaviour.md §7.3) as a pure function: every stage is
 * built and measured, and the first that fits is chosen. Differences from the anchor, per SPEC §4:
 * <ul>
 *   <li>sizes include the fallback marker, and every EXIF stage is checked against the segment
 *       limit too, so a chosen stage always fits the segment it is written to;</li>
 *   <li>the minimal stage keeps the {@code Hashes} JSON valid ({@link MinimalParametersTrimmer});</li>
 *   <li>com-marker never re-encodes the image; its text is cut (at a character) only when it would
 *       not fit a JPEG segment at all, and the marker is kept.</li>
 * </ul>
 * The sizes come from the very bytes {@link JpegExifWriter} produces, which the writer then reuses.
 */
public final class JpegFallbackPlanner {
    private JpegFallbackPlanner() {}

    static final String NO_PARAMETERS = "no parameters to fall back to";

    /**
     * @param target the JPEG the metadata goes into (its other EXIF tags are kept and counted), or
     *               null to plan without one (then no file sizes)
     */
    public static WritePlan plan(MetadataBundle bundle, FallbackSettings settings, byte[] target) {
        byte[] base = target != null ? target : BlankImages.jpeg();
        String parameters = bundle.parameters() != null ? bundle.parameters() : "";
        int budget = settings.exifBudget();
        List<JpegStagePlan> stages = new ArrayList<>();

        stages.add(exifStage(FallbackStage.FULL, fullExif(bundle), base, target, budget, true, ""));

        // Without parameters the fallback stages would write nothing but their marker.
        boolean hasParameters = !parameters.isBlank();
        String noParameters = hasParameters ? "" : NO_PARAMETERS;
        ExifPayload reduced = userCommentOnly(FallbackMarker.mark(parameters, FallbackStage.REDUCED_EXIF));
        stages.add(exifStage(FallbackStage.REDUCED_EXIF, reduced, base, target, budget, hasParameters, noParameters));

        String trimmed = MinimalParametersTrimmer.trim(parameters);
        String whyNotMinimal = !hasParameters ? NO_PARAMETERS
                : trimmed.isBlank() ? "trimming left nothing"
                : trimmed.equals(normalised(parameters)) ? "trimming removed nothing" : "";
        boolean minimalUsable = whyNotMinimal.isEmpty();
        ExifPayload minimal = userCommentOnly(FallbackMarker.mark(trimmed, FallbackStage.MINIMAL));
        stages.add(exifStage(FallbackStage.MINIMAL, minimal, base, target, budget, minimalUsable, whyNotMinimal));

        stages.add(comStage(minimalUsable ? trimmed : parameters, target));

        JpegStagePlan chosen = stages.stream().filter(JpegStagePlan::fits).findFirst().orElse(stages.getLast());
        byte[] written = target == null ? null : JpegExifWriter.write(target, chosen.app1Payload(), chosen.comText());
        return new WritePlan(ContainerFormat.JPEG, OptionalInt.of(settings.maxExifBytes()), List.copyOf(stages), Optional.of(chosen), written);
    }

    /**
     * Everything in EXIF, as the anchor writes it for JPEG and WebP: UserComment = parameters,
     * Model = {@code prompt:} + JSON, Make = {@code workflow:} + JSON, ImageDescription =
     * {@code Samplers detail:} + JSON (JSON compact and ASCII-only, as the anchor stores it).
     */
    public static ExifPayload fullExif(MetadataBundle bundle) {
        return new ExifPayload(bundle.parameters(),
                prefixed(ExifPayload.PROMPT_PREFIX, bundle.prompt()), prefixed(ExifPayload.WORKFLOW_PREFIX, bundle.workflow()),
                prefixed(ExifPayload.SAMPLERS_DETAIL_PREFIX, bundle.samplersDetail()));
    }

    private static JpegStagePlan exifStage(FallbackStage stage, ExifPayload exif, byte[] base, byte[] target,
                                           int budget, boolean allowed, String reason) {
        byte[] app1 = JpegExifWriter.app1Payload(base, exif);
        boolean withinBudget = app1.length <= budget;
        String note = !allowed ? reason : withinBudget ? "" : "EXIF of " + app1.length + " bytes is over the limit of " + budget;
        // A payload over one segment's capacity cannot be written at all, so there is no file size to give.
        boolean writable = app1.length <= JpegExifWriter.MAX_SEGMENT_PAYLOAD;
        OptionalLong fileBytes = target == null || !writable ? OptionalLong.empty() : OptionalLong.of(JpegExifWriter.writtenSize(target, app1, null));
        return new JpegStagePlan(stage, exif, app1, null, app1.length, fileBytes, allowed && withinBudget, note);
    }

    /**
     * The last resort: the parameters in a COM segment and no EXIF at all, as the anchor writes it
     * (a UserComment left in the target would also hide the COM text from readers).
     */
    private static JpegStagePlan comStage(String parameters, byte[] target) {
        String text = FallbackMarker.mark(parameters, FallbackStage.COM_MARKER);
        String note = parameters.isBlank() ? NO_PARAMETERS : "";
        byte[] utf8 = JpegExifWriter.comPayload(text);
        if (utf8.length > JpegExifWriter.MAX_SEGMENT_PAYLOAD) {
            text = cutToFit(parameters);
            utf8 = JpegExifWriter.comPayload(text);
            note = "parameters cut to fit one COM segment";
        }
        OptionalLong fileBytes = target == null ? OptionalLong.empty() : OptionalLong.of(JpegExifWriter.writtenSize(target, null, text));
        return new JpegStagePlan(FallbackStage.COM_MARKER, null, null, text, utf8.length, fileBytes, note.isEmpty(), note);
    }

    /** The longest start of the parameters (whole characters) that, marked, fits one COM segment. */
    private static String cutToFit(String parameters) {
        int markerBytes = FallbackMarker.mark("", FallbackStage.COM_MARKER).getBytes(StandardCharsets.UTF_8).length;
        int room = JpegExifWriter.MAX_SEGMENT_PAYLOAD - markerBytes;
        int used = 0;
        int end = 0;
        while (end < parameters.length()) {
            int cp = parameters.codePointAt(end);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (used + size > room) break;
            used += size;
            end += Character.charCount(cp);
        }
        return FallbackMarker.mark(parameters.substring(0, end), FallbackStage.COM_MARKER);
    }

    private static ExifPayload userCommentOnly(String parameters) {
        return new ExifPayload(parameters, null, null, null);
    }

    /** The anchor stores JSON in EXIF compact (separators "," and ":") and ASCII-only. */
    private static String prefixed(String prefix, String json) {
        return json == null ? null : prefix + CompactJson.of(json);
    }

    private static String normalised(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replaceFirst("\\n+$", "");
    }
}
