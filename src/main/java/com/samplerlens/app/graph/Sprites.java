package com.samplerlens.app.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * Small round shapes and badges drawn once into images and then copied: the software renderer
 * rasterises every oval or rounded rectangle as a path (its dearest operation, most of a frame's
 * time on a big graph), while copying a small image is a plain blit. Discs and rings are made
 * pixel by pixel (coverage sampled 4×4 per pixel, so their edges are smoothed as a rasterised
 * shape's are); badges, which hold text, are drawn once on a canvas and snapshotted.
 *
 * <p>A snapshot is a render job the FX thread waits for. Made while the first graph was drawn, one
 * per badge, they held that frame back by about 70 ms on a 2-core machine (docs/benchmarks.md).
 * So a badge not seen before is drawn straight onto the frame's canvas, and its image is made once
 * the frames have settled, for the frames after (zooming and panning redraw every badge).
 */
final class Sprites {

    /** Diameters are kept to a quarter pixel: finer steps give no visible difference and far more images. */
    private static final double STEP = 0.25;
    /** Beyond this many images the cache starts again: a long session of zooming never grows without bound. */
    private static final int MAX = 4_000;
    private static final int SAMPLES = 4;

    private record Round(int argb, int quarters, int ringQuarters, int part) {}
    private record BadgeKey(String label, int fill, int stroke, int text, int width, int height, double font) {}

    /** Which part of a disc: the whole of it, or its left or right half (the caps of a pill). */
    static final int WHOLE = 0;
    static final int LEFT_HALF = 1;
    static final int RIGHT_HALF = 2;

    private final Map<Round, Image> rounds = new HashMap<>();
    private final Map<BadgeKey, Image> badges = new HashMap<>();
    /** Badges drawn straight onto a canvas whose images are still to be made, in the order first drawn. */
    private final Map<BadgeKey, Runnable> unmade = new LinkedHashMap<>();
    /** How long after the last new badge its image is made: past the first frames, before a user's first zoom. */
    static final Duration SETTLE = Duration.millis(400);
    private PauseTransition settle;

    /** Snaps a diameter to the step the images are kept at. */
    static double snap(double diameter) {
        return Math.max(STEP, Math.round(diameter / STEP) * STEP);
    }

    /**
     * A disc of {@code diameter} pixels (a ring of {@code ring} pixels when ring > 0), centred in an
     * image of {@link #side(double)} pixels; a half disc for {@code part} LEFT_HALF or RIGHT_HALF,
     * the image then being half as wide (rounded up), flat side at its inner edge.
     */
    Image round(Color colour, double diameter, double ring, int part) {
        Round key = new Round(argb(colour), (int) Math.round(snap(diameter) / STEP), ring <= 0 ? 0 : (int) Math.round(snap(ring) / STEP), part);
        if (rounds.size() > MAX) rounds.clear();
        return rounds.computeIfAbsent(key, k -> paintRound(colour, k.quarters() * STEP, k.ringQuarters() * STEP, k.part()));
    }

    /** The side of the square image {@link #round} draws a whole disc in. */
    static int side(double diameter) {
        return (int) Math.ceil(snap(diameter)) + 2;
    }

    private static Image paintRound(Color colour, double d, double ring, int part) {
        int side = side(d);
        double c = side / 2.0, r = d / 2, inner = ring > 0 ? Math.max(0, r - ring) : -1;
        int x0 = part == RIGHT_HALF ? (int) Math.floor(c) : 0;
        int x1 = part == LEFT_HALF ? (int) Math.ceil(c) : side;
        WritableImage image = new WritableImage(x1 - x0, side);
        PixelWriter out = image.getPixelWriter();
        for (int py = 0; py < side; py++) {
            for (int px = x0; px < x1; px++) {
                int hits = 0;
                for (int sy = 0; sy < SAMPLES; sy++) {
                    for (int sx = 0; sx < SAMPLES; sx++) {
                        double dx = px + (sx + 0.5) / SAMPLES - c, dy = py + (sy + 0.5) / SAMPLES - c;
                        // a half disc is flat at the centre line: the samples past it on its own side count in full
                        if (part == LEFT_HALF && dx > 0 || part == RIGHT_HALF && dx < 0) dx = 0;
                        double dist = Math.sqrt(dx * dx + dy * dy);
                        if (dist <= r && dist >= inner) hits++;
                    }
                }
                double a = colour.getOpacity() * hits / (SAMPLES * SAMPLES);
                out.setColor(px - x0, py, Color.color(colour.getRed(), colour.getGreen(), colour.getBlue(), a));
            }
        }
        return image;
    }

    /** A sampler or SAVE badge: a pill of {@code width}×{@code height} pixels with its label, drawn once per look. */
    Image badge(String label, Color fill, Color stroke, Color text, Font font, double width, double height) {
        BadgeKey key = badgeKey(label, fill, stroke, text, font, width, height);
        if (badges.size() > MAX) badges.clear();
        return badges.computeIfAbsent(key, k -> {
            Canvas canvas = new Canvas(k.width(), k.height());
            paintBadge(canvas.getGraphicsContext2D(), 1, 1, label, fill, stroke, text, font, width, height);
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(Color.TRANSPARENT);
            return canvas.snapshot(p, null);
        });
    }

    /**
     * Draws a badge ({@link #badge}) with its pill's top-left corner at (x, y), on whole pixels: a
     * copy of its image when that has been made, else drawn on {@code g} itself, its image then made
     * {@link #SETTLE} after the last new badge.
     */
    void drawBadge(GraphicsContext g, double x, double y, String label, Color fill, Color stroke, Color text, Font font,
                   double width, double height) {
        BadgeKey key = badgeKey(label, fill, stroke, text, font, width, height);
        Image made = badges.get(key);
        if (made != null) {
            g.drawImage(made, x - 1, y - 1);
            return;
        }
        g.save();
        paintBadge(g, x, y, label, fill, stroke, text, font, width, height);
        g.restore();
        if (unmade.putIfAbsent(key, () -> badge(label, fill, stroke, text, font, width, height)) == null) {
            if (settle == null) {
                settle = new PauseTransition(SETTLE);
                settle.setOnFinished(e -> makeUnmade());
            }
            settle.playFromStart();
        }
    }

    /** True once the image of this badge has been made (tests). */
    boolean hasBadgeImage(String label, Color fill, Color stroke, Color text, Font font, double width, double height) {
        return badges.containsKey(badgeKey(label, fill, stroke, text, font, width, height));
    }

    private void makeUnmade() {
        List<Runnable> make = new ArrayList<>(unmade.values());
        unmade.clear();
        make.forEach(Runnable::run);
    }

    private static BadgeKey badgeKey(String label, Color fill, Color stroke, Color text, Font font, double width, double height) {
        int w = (int) Math.ceil(width) + 2, h = (int) Math.ceil(height) + 2;
        return new BadgeKey(label, argb(fill), argb(stroke), argb(text), w, h, font.getSize());
    }

    /** The pill and its label with the pill's top-left corner at (x, y): the same drawing on a badge's own canvas or a frame's. */
    private static void paintBadge(GraphicsContext g, double x, double y, String label, Color fill, Color stroke, Color text,
                                   Font font, double width, double height) {
        g.setFill(fill);
        g.fillRoundRect(x, y, width, height, height, height);
        g.setStroke(stroke);
        g.setLineWidth(1);
        g.strokeRoundRect(x, y, width, height, height, height);
        g.setFill(text);
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(label, x + width / 2, y + height / 2 + 0.5);
    }

    private static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }
}
