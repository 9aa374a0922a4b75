package com.samplerlens.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.samplerlens.app.settings.AppPreferences;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

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

    private static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheetBSS() : new PrimerLight().getUserAgentStylesheetBSS());
    }
}
