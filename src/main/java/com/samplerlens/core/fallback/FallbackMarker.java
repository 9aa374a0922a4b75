package com.samplerlens.core.fallback;

import java.util.regex.Pattern;

/**
 * The {@code , Metadata Fallback: <stage>} note that tells a reader the parameters were written in
 * a reduced form. It follows {@code Metadata generator version} (the last key), also in multiline
 * mode, where it goes on the last line, still after {@code , }.
 */
public final class FallbackMarker {
    private FallbackMarker() {}

    public static final String KEY = com.samplerlens.core.render.ParametersRenderer.FALLBACK_KEY;

    /** A marker left by an earlier write (ours or the anchor's), wherever it sits. */
    private static final Pattern EARLIER_MARKER =
            Pattern.compile("(?:, ?|\\n)" + KEY + ": (?:none|full|reduced-exif|minimal|com-marker)(?=$|[,\\n])");

    /**
     * The parameters with the marker for {@code stage} appended exactly once: trailing line breaks
     * are dropped and a marker from an earlier write is replaced, so that the label is always the
     * stage really written. {@link FallbackStage#FULL} carries no marker and returns the text unchanged.
     */
    public static String mark(String parameters, FallbackStage stage) {
        if (stage == FallbackStage.FULL) return parameters;
        return without(parameters).replaceFirst("[\\r\\n]+$", "") + ", " + KEY + ": " + stage.label();
    }

    /** The parameters without a marker an earlier write left: a rewrite says only what it wrote itself. */
    public static String without(String parameters) {
        return parameters == null ? null : EARLIER_MARKER.matcher(parameters).replaceAll("");
    }
}
