package com.samplerlens.app.graph;

import javafx.scene.paint.Color;

/**
 * Sampler colours: the Okabe–Ito palette (distinguishable with the common colour-vision
 * deficiencies), without its black, which would read as "no colour". More than seven samplers
 * reuse colours; the S-number badge tells them apart.
 */
public final class SamplerPalette {
    private SamplerPalette() {}

    private static final Color[] OKABE_ITO = {
        Color.web("#E69F00"), // orange
        Color.web("#56B4E9"), // sky blue
        Color.web("#009E73"), // bluish green
        Color.web("#CC79A7"), // reddish purple
        Color.web("#0072B2"), // blue
        Color.web("#D55E00"), // vermillion
        Color.web("#F0E442"), // yellow
    };

    /** The colour of the sampler with this colour index (0-based). */
    public static Color colour(int index) {
        return OKABE_ITO[Math.floorMod(index, OKABE_ITO.length)];
    }

    /** The muted form used for samplers that were found but are not written. */
    public static Color muted(Color c) {
        return c.desaturate().desaturate().interpolate(Color.gray(0.6), 0.35);
    }

    /** Black or white, whichever reads better on the colour. */
    public static Color textOn(Color c) {
        double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return luminance > 0.5 ? Color.web("#1f2328") : Color.WHITE;
    }
}
