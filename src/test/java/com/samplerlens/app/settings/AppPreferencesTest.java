package com.samplerlens.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AppPreferencesTest {

    private final Preferences node = Preferences.userRoot().node("samplerlens-test/" + UUID.randomUUID());
    private final AppPreferences prefs = new AppPreferences(node);

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void maxSamplersStartsAtOneAndStaysInRange() {
        assertEquals(1, prefs.maxSamplers());
        prefs.setMaxSamplers(3);
        assertEquals(3, new AppPreferences(node).maxSamplers());
        node.putInt("trace.maxSamplers", 99);
        assertEquals(16, prefs.maxSamplers());
    }

    @Test
    void recentFilesNewestFirstWithoutDuplicatesAndCapped() {
        for (int i = 0; i < 12; i++) prefs.addRecentFile(Path.of("/w/f" + i + ".png"));
        prefs.addRecentFile(Path.of("/w/f5.png"));
        List<Path> recent = prefs.recentFiles();
        assertEquals(AppPreferences.MAX_RECENT, recent.size());
        assertEquals(Path.of("/w/f5.png"), recent.get(0));
        assertEquals(Path.of("/w/f11.png"), recent.get(1));
        assertEquals(1, recent.stream().filter(p -> p.endsWith("f5.png")).count());
    }

    @Test
    void windowBoundsOnlyWhenSaved() {
        assertNull(prefs.windowBounds());
        prefs.setWindowBounds(10, 20, 1200, 800);
        assertEquals(1200, prefs.windowBounds()[2]);
    }
}
