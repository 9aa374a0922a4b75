package com.samplerlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The files the installers are made of agree with the app: the menu entry names the window class
 * JavaFX gives the app's windows (else taskbars show a generic icon), the file associations do
 * not rename types or make the app a default, and the Windows and macOS icons hold every size.
 * scripts/test-deb-install.sh checks the same on the installed .deb and a running window.
 */
class PackagingFilesTest {

    private static Map<String, String> desktopEntry() throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("packaging/linux/samplerlens.desktop"))) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) keys.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return keys;
    }

    @Test
    void menuEntryNamesTheAppsWindowClassIconAndLauncher() throws IOException {
        Map<String, String> entry = desktopEntry();
        assertEquals(AppIdentity.windowClass(), entry.get("StartupWMClass"));
        assertEquals("com.samplerlens.app.SamplerLensApp", AppIdentity.windowClass());
        assertEquals("samplerlens", entry.get("Icon"));
        assertEquals("/opt/samplerlens/bin/SamplerLens %f", entry.get("Exec"));
        assertEquals("image/png;image/jpeg;image/webp;application/json;", entry.get("MimeType"));
        for (int size : AppIdentity.ICON_SIZES) {
            assertTrue(Files.isRegularFile(Path.of("assets/icons/samplerlens-" + size + ".png")), "icon " + size);
        }
    }

    @Test
    void fileAssociationsRenameNoTypeAndAreOnlyAlternatives() throws IOException {
        List<Path> files;
        try (var list = Files.list(Path.of("packaging"))) {
            files = list.filter(p -> p.getFileName().toString().startsWith("file-assoc-")).sorted().toList();
        }
        assertEquals(5, files.size(), files.toString());
        for (Path file : files) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            assertFalse(p.containsKey("description"), file + " renames the type");
            assertEquals("Alternate", p.getProperty("mac.LSHandlerRank"), file.toString());
            assertTrue(p.getProperty("mime-type", "").contains("/"), file.toString());
        }
    }

    @Test
    void macIconHoldsPngsOfEverySizeUnderTheirEntryTypes() throws IOException {
        ByteBuffer icns = ByteBuffer.wrap(Files.readAllBytes(Path.of("assets/icons/samplerlens.icns")));
        assertEquals("icns", ascii(icns, 0));
        assertEquals(icns.capacity(), icns.getInt(4));
        Map<String, Integer> expected = Map.of("icp4", 16, "icp5", 32, "ic11", 32, "icp6", 64, "ic12", 64,
                "ic07", 128, "ic08", 256, "ic13", 256, "ic09", 512, "ic14", 512);
        Map<String, Integer> found = new LinkedHashMap<>();
        for (int at = 8; at < icns.capacity(); at += icns.getInt(at + 4)) {
            int png = at + 8;
            assertEquals(0x89504E47, icns.getInt(png), "entry at " + at + " is a PNG");
            assertEquals(icns.getInt(png + 16), icns.getInt(png + 20), "square");
            found.put(ascii(icns, at), icns.getInt(png + 16));
        }
        assertEquals(expected, found);
    }

    @Test
    void windowsIconHoldsSixteenTo256Pixels() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(Path.of("assets/icons/samplerlens.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, ico.getShort(0));
        assertEquals(1, ico.getShort(2), "type 1: icon");
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < ico.getShort(4); i++) {
            int width = Byte.toUnsignedInt(ico.get(6 + 16 * i));
            sizes.add(width == 0 ? 256 : width);
        }
        assertEquals(List.of(16, 32, 48, 64, 128, 256), sizes);
    }

    private static String ascii(ByteBuffer b, int at) {
        byte[] four = new byte[4];
        b.get(at, four);
        return new String(four, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
