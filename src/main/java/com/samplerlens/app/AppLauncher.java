package com.samplerlens.app;

import java.util.logging.Logger;
import javafx.application.Application;

/** Starts the JavaFX app; kept apart from {@code Main} so that the CLI never loads JavaFX. */
public final class AppLauncher {
    private AppLauncher() {}

    /**
     * JavaFX's logger. The plain jar carries JavaFX on the class path on purpose (one runnable
     * file; the installers run it as modules), and at every start JavaFX warns that this is
     * unsupported: a line that tells an artist nothing, whose formatting (java.util.logging's
     * time stamp: the time-zone database, calendars) took about 19 ms of the start on a 2-core
     * machine. That one message is dropped; every other JavaFX message still shows. Held in a
     * field: java.util.logging keeps loggers weakly, and a collected one would lose its filter.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    public static void launch(String[] args) {
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
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
