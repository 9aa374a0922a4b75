package com.samplerlens.core.container.exif;

import com.samplerlens.core.container.MetadataBundle;
import com.samplerlens.core.container.MetadataKeys;

/**
 * The four EXIF values SamplerLens writes, as full tag values (prefixes included). A null value
 * is not written: a UserComment already in the target is then removed, and a Make / Model /
 * ImageDescription is removed only when it holds one of our prefixed texts (a camera's "Canon"
 * stays).
 *
 * @param userComment      Exif UserComment (0x9286): A1111 parameters
 * @param model            IFD0 Model (0x0110): {@code prompt:} + API prompt JSON
 * @param make             IFD0 Make (0x010F): {@code workflow:} + UI workflow JSON
 * @param imageDescription IFD0 ImageDescription (0x010E): {@code Samplers detail:} + JSON array
 */
public record ExifPayload(String userComment, String model, String make, String imageDescription) {

    public static final String PROMPT_PREFIX = MetadataKeys.PROMPT + ":";
    public static final String WORKFLOW_PREFIX = MetadataKeys.WORKFLOW + ":";
    public static final String SAMPLERS_DETAIL_PREFIX = MetadataKeys.SAMPLERS_DETAIL + ":";

    /** Every text of the bundle, in the tags ComfyUI and the SaveImage extensions use. */
    public static ExifPayload of(MetadataBundle b) {
        return new ExifPayload(b.parameters(),
                b.prompt() == null ? null : PROMPT_PREFIX + b.prompt(),
                b.workflow() == null ? null : WORKFLOW_PREFIX + b.workflow(),
                b.samplersDetail() == null ? null : SAMPLERS_DETAIL_PREFIX + b.samplersDetail());
    }

    /** Whether an IFD0 string value is one of ours (so it may be replaced or removed). */
    public static boolean isOurs(String value) {
        return value.startsWith(PROMPT_PREFIX) || value.startsWith(WORKFLOW_PREFIX) || value.startsWith(SAMPLERS_DETAIL_PREFIX);
    }
}
