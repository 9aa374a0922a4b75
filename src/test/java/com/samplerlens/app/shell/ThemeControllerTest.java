package com.samplerlens.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The window's scene fill stands in for the root's CSS background, so it must be the theme's own colour. */
class ThemeControllerTest {

    @Test
    void windowBackgroundIsThePrimerThemesDefaultBackground() throws IOException {
        assertEquals(bgDefault("primer-light.css"), ThemeController.windowBackground(false));
        assertEquals(bgDefault("primer-dark.css"), ThemeController.windowBackground(true));
    }

    private static Color bgDefault(String sheet) throws IOException {
        try (InputStream in = atlantafx.base.theme.PrimerLight.class.getResourceAsStream(sheet)) {
            assertNotNull(in, sheet);
            String css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("-color-bg-default:\\s*(#[0-9a-fA-F]{6})").matcher(css);
            assertEquals(true, m.find(), "no -color-bg-default in " + sheet);
            return Color.web(m.group(1));
        }
    }
}
