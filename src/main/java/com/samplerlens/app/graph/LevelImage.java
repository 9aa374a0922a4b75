package com.samplerlens.app.graph;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.paint.ImagePattern;

/**
 * A whole level drawn once into an image, for frames zoomed out so far that titles are gone: such
 * a frame then costs one scaled image instead of every node and link of the graph, which on a
 * graph of hundreds of nodes is most of the frame for the software renderer. What does not scale
 * with the zoom (badges, the selection) is drawn over it live by {@link CanvasPainter#paintOverlay}.
 * The image is redrawn when the level, its colours, the theme or the highlighted sampler change.
 */
final class LevelImage {

    /** Below this scale frames may come from the image: the scale below which titles are not drawn. */
    static final double MAX_SCALE = CanvasPainter.TITLE_MIN_SCALE;
    /** The image's size in pixels at most (16 MB). */
    static final double PIXEL_BUDGET = 4_000_000;
    /** The image is never enlarged more than this: past it, frames are drawn directly. */
    private static final double MAX_ENLARGEMENT = 1.25;
    /** Graph units around the level's bounds: the attribution frames lie outside the nodes. */
    private static final double PAD = 60;

    private record Key(CanvasScene.Level level, LevelLooks looks, boolean dark, String highlighted) {}

    private Key key;
    /** The level at {@link #scale}, then copies of half the size each: the renderer's cost of a scaled image grows with its source. */
    private final java.util.List<Image> images = new java.util.ArrayList<>();
    private double scale;
    private double x0;
    private double y0;

    /** The scale the level is drawn at into the image: the largest that keeps within the pixel budget. */
    static double imageScale(double[] bounds) {
        double area = (bounds[2] + 2 * PAD) * (bounds[3] + 2 * PAD);
        return Math.min(MAX_SCALE, Math.sqrt(PIXEL_BUDGET / area));
    }

    /** Whether a frame at scale {@code s} may be drawn from the image of a level with these bounds. */
    static boolean usable(double s, double[] bounds) {
        return s < MAX_SCALE && s <= imageScale(bounds) * MAX_ENLARGEMENT;
    }

    /**
     * Draws the level from its image (drawing the image first when it is missing or stale).
     * Returns false, drawing nothing, when the frame's scale is not one the image serves.
     */
    boolean draw(CanvasPainter.Frame f, CanvasScene.Level level, CanvasPainter painter, ImagePattern hatch) {
        double[] b = level.bounds();
        if (!usable(f.s(), b)) return false;
        Key k = new Key(level, f.looks(), f.t().dark(), f.highlighted());
        if (!k.equals(key) || images.isEmpty()) {
            render(k, b, f, painter, hatch);
        }
        Image image = imageFor(f.s());
        double imageScale = scale * image.getWidth() / images.getFirst().getWidth();
        // nearest pixel: the copy is within a factor of two of the frame's scale, and the
        // software renderer's smoothing of a scaled image costs more than drawing the level
        f.g().setImageSmoothing(false);
        f.g().drawImage(image, Math.round(f.sx(x0)), Math.round(f.sy(y0)), image.getWidth() / imageScale * f.s(),
                image.getHeight() / imageScale * f.s());
        f.g().setImageSmoothing(true);
        return true;
    }

    /** The smallest copy that is not enlarged past {@link #MAX_ENLARGEMENT} at scale {@code s}. */
    private Image imageFor(double s) {
        double at = scale;
        int i = 0;
        while (at / 2 * MAX_ENLARGEMENT >= s && images.get(i).getWidth() >= 16 && images.get(i).getHeight() >= 16) {
            at /= 2;
            i++;
            if (i == images.size()) images.add(half(images.get(i - 1)));
        }
        return images.get(i);
    }

    private static Image half(Image image) {
        Canvas canvas = new Canvas(Math.ceil(image.getWidth() / 2), Math.ceil(image.getHeight() / 2));
        canvas.getGraphicsContext2D().drawImage(image, 0, 0, image.getWidth() / 2, image.getHeight() / 2);
        return canvas.snapshot(transparent(), null);
    }

    private static SnapshotParameters transparent() {
        SnapshotParameters clear = new SnapshotParameters();
        clear.setFill(Color.TRANSPARENT);
        return clear;
    }

    private void render(Key k, double[] b, CanvasPainter.Frame f, CanvasPainter painter, ImagePattern hatch) {
        scale = imageScale(b);
        x0 = b[0] - PAD;
        y0 = b[1] - PAD;
        int w = (int) Math.ceil((b[2] + 2 * PAD) * scale), h = (int) Math.ceil((b[3] + 2 * PAD) * scale);
        Canvas canvas = new Canvas(Math.max(1, w), Math.max(1, h));
        CanvasPainter.Frame at = new CanvasPainter.Frame(canvas.getGraphicsContext2D(), f.t(), scale, -x0 * scale, -y0 * scale,
                w, h, f.looks(), null, null, f.highlighted());
        painter.paint(at, k.level(), hatch);
        images.clear();
        images.add(canvas.snapshot(transparent(), null));
        key = k;
    }

    /** Forgets the images (a new document). */
    void clear() {
        images.clear();
        key = null;
    }
}
