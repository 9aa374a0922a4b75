package com.samplerlens.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/**
 * How the desktop recognises the app's window: by its icons, set here, and on Linux by its X11
 * window class. JavaFX names that class after the {@code Application} subclass
 * ({@link SamplerLensApp}'s full name), which is why the menu entry's {@code StartupWMClass} in
 * packaging/linux/samplerlens.desktop names that class: taskbars then show the window under the
 * menu entry's icon. Renaming the class means changing the menu entry (a test checks they agree).
 */
final class AppIdentity {
    static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256};

    private AppIdentity() {}

    /** The X11 WM_CLASS that JavaFX gives the app's windows. */
    static String windowClass() {
        return SamplerLensApp.class.getName();
    }

    /** The window icons, smallest first (the window manager picks the size it draws). */
    static List<Image> icons() {
        List<Image> icons = new ArrayList<>();
        for (int size : ICON_SIZES) {
            try (InputStream in = AppIdentity.class.getResourceAsStream("/icons/samplerlens-" + size + ".png")) {
                if (in != null) icons.add(new Image(in));
            } catch (IOException e) {
                // a missing icon is cosmetic: the window still opens, with the window manager's default
            }
        }
        return icons;
    }
}
