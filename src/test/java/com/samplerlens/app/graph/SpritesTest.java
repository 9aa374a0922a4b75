package com.samplerlens.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The images the canvas copies round shapes and badges from: the shapes they stand for, made once. */
@ExtendWith(ApplicationExtension.class)
class SpritesTest {

    private final Sprites sprites = new Sprites();

    private static double alpha(Image image, int x, int y) {
        return image.getPixelReader().getColor(x, y).getOpacity();
    }

    @Test
    void aDiscIsSolidInsideClearOutsideAndKeptOnce() {
        Color red = Color.web("#ff0000");
        Image disc = sprites.round(red, 9, 0, Sprites.WHOLE);
        assertEquals(Sprites.side(9), (int) disc.getWidth());
        int c = Sprites.side(9) / 2;
        assertEquals(1.0, alpha(disc, c, c), 1e-9, "the centre is covered");
        assertEquals(0.0, alpha(disc, 0, 0), 1e-9, "the corner is outside the disc");
        assertEquals(Color.web("#ff0000"), disc.getPixelReader().getColor(c, c));
        // an edge pixel is partly covered, as a smoothed edge is
        int partial = 0;
        for (int x = 0; x < disc.getWidth(); x++) for (int y = 0; y < disc.getHeight(); y++) {
            double a = alpha(disc, x, y);
            if (a > 0 && a < 1) partial++;
        }
        assertTrue(partial >= 8, "edge pixels partly covered: " + partial);
        assertSame(disc, sprites.round(red, 9.05, 0, Sprites.WHOLE), "a diameter within a quarter pixel reuses the image");
    }

    @Test
    void aRingIsHollowAndHalfDiscsMeetAtTheCentreLine() {
        Image ring = sprites.round(Color.BLUE, 12, 2, Sprites.WHOLE);
        int c = Sprites.side(12) / 2;
        assertEquals(0.0, alpha(ring, c, c), 1e-9, "a ring is empty inside");
        assertTrue(alpha(ring, c, c - 5) > 0.5, "and drawn at its radius");
        Image left = sprites.round(Color.BLUE, 12, 0, Sprites.LEFT_HALF);
        Image right = sprites.round(Color.BLUE, 12, 0, Sprites.RIGHT_HALF);
        assertEquals(Sprites.side(12), left.getWidth() + right.getWidth(), 1e-9, "the halves make the whole width");
        assertEquals(1.0, alpha(left, (int) left.getWidth() - 1, c), 1e-9, "the left half is full up to its flat side");
        assertEquals(1.0, alpha(right, 0, c), 1e-9, "so is the right one");
    }

    @Test
    void aBadgeHoldsItsLabelOnItsFill() throws Exception {
        Color fill = Color.web("#2e7d32");
        Image badge = WaitForAsyncUtils.asyncFx(() -> sprites.badge("S1", fill, Color.BLACK, Color.WHITE,
                Font.font("System", 10.5), 30, 15)).get(10, TimeUnit.SECONDS);
        assertEquals(32, (int) badge.getWidth());
        assertEquals(17, (int) badge.getHeight());
        assertEquals(0.0, alpha(badge, 0, 0), 1e-9, "outside the pill is clear");
        // somewhere inside the pill the white label is drawn over the fill
        boolean text = false;
        for (int x = 8; x < 24; x++) for (int y = 4; y < 13; y++) {
            Color p = badge.getPixelReader().getColor(x, y);
            if (p.getBrightness() > 0.9 && p.getSaturation() < 0.3) text = true;
        }
        assertTrue(text, "the label is drawn");
        assertEquals(fill, badge.getPixelReader().getColor(4, 8), "the fill at the left end");
    }

    @Test
    void aNewBadgeIsDrawnAtOnceAndItsImageMadeOnceTheFramesSettle() throws Exception {
        Color fill = Color.web("#1565c0");
        Font font = Font.font("System", 10.5);
        javafx.scene.canvas.Canvas first = new javafx.scene.canvas.Canvas(60, 30);
        boolean madeAtOnce = WaitForAsyncUtils.asyncFx(() -> {
            sprites.drawBadge(first.getGraphicsContext2D(), 10, 5, "S2", fill, Color.BLACK, Color.WHITE, font, 30, 15);
            return sprites.hasBadgeImage("S2", fill, Color.BLACK, Color.WHITE, font, 30, 15);
        }).get(10, TimeUnit.SECONDS);
        assertTrue(!madeAtOnce, "no snapshot while a frame is drawn");
        // drawn straight onto the frame: the fill at the pill's left end, clear outside it
        Image drawn = WaitForAsyncUtils.asyncFx(() -> first.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        assertEquals(fill, drawn.getPixelReader().getColor(10 + 3, 5 + 7), "the pill is on the canvas at once");
        Thread.sleep((long) Sprites.SETTLE.toMillis() + 600);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(WaitForAsyncUtils.asyncFx(() -> sprites.hasBadgeImage("S2", fill, Color.BLACK, Color.WHITE, font, 30, 15))
                .get(10, TimeUnit.SECONDS), "its image is made once the frames have settled");
        // the frames after copy the image: the same pixels as the badge drawn directly
        javafx.scene.canvas.Canvas second = new javafx.scene.canvas.Canvas(60, 30);
        Image copied = WaitForAsyncUtils.asyncFx(() -> {
            sprites.drawBadge(second.getGraphicsContext2D(), 10, 5, "S2", fill, Color.BLACK, Color.WHITE, font, 30, 15);
            return second.snapshot(null, null);
        }).get(10, TimeUnit.SECONDS);
        int differing = 0;
        for (int x = 0; x < 60; x++) for (int y = 0; y < 30; y++) {
            Color a = drawn.getPixelReader().getColor(x, y), b = copied.getPixelReader().getColor(x, y);
            if (Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue()) > 0.1) differing++;
        }
        assertTrue(differing <= 6, "the copied image looks as the badge drawn directly: " + differing + " pixels differ");
    }
}
