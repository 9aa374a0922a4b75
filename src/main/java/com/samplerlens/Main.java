package com.samplerlens;

import com.samplerlens.cli.SamplerLensCommand;

/**
 * Entry point of the one runnable jar. No arguments (or only files to open) starts the desktop
 * app; a subcommand runs headless. Deliberately not a JavaFX {@code Application}: launched from
 * a plain jar, a main class that extends Application fails before main() runs.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (SamplerLensCommand.isCommandLine(args)) {
            System.exit(SamplerLensCommand.run(args));
        }
        com.samplerlens.app.AppLauncher.launch(args);
    }
}
