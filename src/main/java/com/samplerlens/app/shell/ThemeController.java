package com.samplerlens.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.samplerlens.app.settings.AppPreferences;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.paint.Color;

/** Light or dark (AtlantaFX Primer), remembered between runs. */
public final class ThemeController {

    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");

    public ThemeController(AppPreferences prefs) {
        dark.set(prefs.darkTheme());
        apply(dark.get());
        dark.addListener((o, a, b) -> {
            prefs.setDarkTheme(b);
            apply(b);
        });
    }

    public BooleanProperty darkProperty() { return dark; }

    /**
     * The window's background, Primer's {@code -color-bg-default} (light {@code #ffffff}, dark
     * {@code #0d1117}): the main window paints it as the scene's fill instead of as the root's CSS
     * background (see {@code MainWindow}); ThemeControllerTest checks it against the theme's stylesheet.
     */
    public static Color windowBackground(boolean dark) {
        return dark ? Color.web("#0d1117") : Color.web("#ffffff");
    }

    /**
     * Makes the theme the application's stylesheet. Called first thing at start-up too
     * ({@code SamplerLensApp}): the first control class to load puts JavaFX's own Modena stylesheet
     * in place when no stylesheet is set yet, which Primer then replaces, so Modena was read and
     * matched against for nothing (about 26 ms of the first frame on a 2-core machine).
     */
    public static void apply(boolean dark) {
        String sheet = dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS();
        // setting the same sheet again would have JavaFX read it again
        if (!sheet.equals(Application.getUserAgentStylesheet())) Application.setUserAgentStylesheet(sheet);
    }
}
