package com.samplerlens.app;

import java.awt.GraphicsEnvironment;
import java.awt.SplashScreen;
import java.lang.management.ManagementFactory;

/**
 * The launchers ({@code ./samplerlens}, the installers) start the app with {@code -splash:}, so the
 * JVM's launcher shows {@code assets/splash.png} natively within about 0.15 s of the click, long
 * before JavaFX has drawn anything (its floor here is about 1.1 s). Nothing closes that image by
 * itself in a JavaFX app (only an AWT window would), so this closes it once the real window has
 * drawn its first frame. Without {@code -splash:} (tests, a bare {@code java -jar}) it does nothing.
 */
final class LaunchSplash {
    private LaunchSplash() {}

    /**
     * Closes the launcher's splash image if one is showing, on a thread of its own: the first touch
     * of AWT's splash class costs a few tens of milliseconds the FX thread need not wait for.
     */
    static void closeInBackground() {
        Thread t = new Thread(LaunchSplash::close, "samplerlens-close-splash");
        t.setDaemon(true);
        t.start();
    }

    /** True when a splash image was showing and is now closed. */
    static boolean close() {
        boolean closed;
        try {
            // a headless JVM (no display) throws instead of answering null
            SplashScreen splash = GraphicsEnvironment.isHeadless() ? null : SplashScreen.getSplashScreen();
            if (splash != null) splash.close();
            closed = splash != null;
        } catch (RuntimeException | LinkageError noSplashSupport) {
            // a runtime without java.desktop's splash library: there is nothing to close
            closed = false;
        }
        if (closed && Boolean.getBoolean("samplerlens.timing")) {
            System.err.printf("timing: launch splash closed %d ms after JVM start%n",
                    System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
        }
        return closed;
    }
}
