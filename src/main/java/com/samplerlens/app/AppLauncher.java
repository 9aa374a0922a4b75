package com.samplerlens.app;

import javafx.application.Application;

/** Starts the JavaFX app; kept apart from {@code Main} so that the CLI never loads JavaFX. */
public final class AppLauncher {
    private AppLauncher() {}

    public static void launch(String[] args) {
        CorePreload.start();
        try {
            Application.launch(SamplerLensApp.class, args);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // Typically "Unable to open DISPLAY": say so in words and point at the CLI.
            System.err.println("samplerlens: cannot open the app window (" + e.getMessage()
                    + "). The command line works without a display: samplerlens --help");
            System.exit(1);
        }
    }
}
