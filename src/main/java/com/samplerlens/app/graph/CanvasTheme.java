package com.samplerlens.app.graph;

import java.util.Map;
import javafx.scene.paint.Color;

/**
 * The canvas colours of ComfyUI's "Dark (Default)" and "Light" palettes (LiteGraph base colours
 * and the link colour of each slot type), plus the few colours SamplerLens adds for attribution.
 * Values are facts taken from the ComfyUI frontend's palette files.
 */
record CanvasTheme(boolean dark, Color background, Color grid, Color nodeTitle, Color nodeBody, Color titleText,
                   Color selectedTitleText, Color text, Color boxOutline, Color widgetBg, Color widgetOutline,
                   Color widgetText, Color widgetSecondaryText, Color link, Color shadow, Color shared, Color accent,
                   Color hatch, Map<String, Color> slotColours) {

    static final CanvasTheme DARK = new CanvasTheme(true, Color.web("#202020"), Color.web("#2c2c2c"),
            Color.web("#333333"), Color.web("#353535"), Color.web("#999999"), Color.web("#ffffff"), Color.web("#aaaaaa"),
            Color.web("#ffffff"), Color.web("#222222"), Color.web("#666666"), Color.web("#dddddd"), Color.web("#999999"),
            Color.web("#99aa99"), Color.rgb(0, 0, 0, 0.5), Color.web("#8c8c8c"), Color.web("#4493f8"),
            Color.web("#141414", 0.55),
            Map.ofEntries(Map.entry("CLIP", Color.web("#FFD500")), Map.entry("CLIP_VISION", Color.web("#A8DADC")),
                    Map.entry("CLIP_VISION_OUTPUT", Color.web("#ad7452")), Map.entry("CONDITIONING", Color.web("#FFA931")),
                    Map.entry("CONTROL_NET", Color.web("#6EE7B7")), Map.entry("IMAGE", Color.web("#64B5F6")),
                    Map.entry("LATENT", Color.web("#FF9CF9")), Map.entry("MASK", Color.web("#81C784")),
                    Map.entry("MODEL", Color.web("#B39DDB")), Map.entry("STYLE_MODEL", Color.web("#C2FFAE")),
                    Map.entry("VAE", Color.web("#FF6E6E")), Map.entry("NOISE", Color.web("#B0B0B0")),
                    Map.entry("GUIDER", Color.web("#66FFFF")), Map.entry("SAMPLER", Color.web("#ECB4B4")),
                    Map.entry("SIGMAS", Color.web("#CDFFCD")), Map.entry("TAESD", Color.web("#DCC274"))));

    static final CanvasTheme LIGHT = new CanvasTheme(false, Color.web("#d3d3d3"), Color.web("#c4c4c4"),
            Color.web("#F7F7F7"), Color.web("#F5F5F5"), Color.web("#222222"), Color.web("#000000"), Color.web("#444444"),
            Color.web("#000000"), Color.web("#D4D4D4"), Color.web("#999999"), Color.web("#222222"), Color.web("#555555"),
            Color.web("#4CAF50"), Color.rgb(0, 0, 0, 0.1), Color.web("#8c8c8c"), Color.web("#0969da"),
            Color.web("#ffffff", 0.6),
            Map.ofEntries(Map.entry("CLIP", Color.web("#FFA726")), Map.entry("CLIP_VISION", Color.web("#5C6BC0")),
                    Map.entry("CLIP_VISION_OUTPUT", Color.web("#8D6E63")), Map.entry("CONDITIONING", Color.web("#EF5350")),
                    Map.entry("CONTROL_NET", Color.web("#66BB6A")), Map.entry("IMAGE", Color.web("#42A5F5")),
                    Map.entry("LATENT", Color.web("#AB47BC")), Map.entry("MASK", Color.web("#9CCC65")),
                    Map.entry("MODEL", Color.web("#7E57C2")), Map.entry("STYLE_MODEL", Color.web("#D4E157")),
                    Map.entry("VAE", Color.web("#FF7043")), Map.entry("NOISE", Color.web("#B0B0B0")),
                    Map.entry("GUIDER", Color.web("#66FFFF")), Map.entry("SAMPLER", Color.web("#ECB4B4")),
                    Map.entry("SIGMAS", Color.web("#CDFFCD")), Map.entry("TAESD", Color.web("#DCC274"))));

    /** The colour ComfyUI gives links and slots of this type; the plain link colour for other types. */
    Color slot(String type) {
        if (type == null) return link;
        Color c = slotColours.get(type);
        return c != null ? c : link;
    }

    /**
     * A node colour the workflow set (always written for the dark palette); the light palette
     * shows it lightened, as ComfyUI's light theme does, so text stays readable.
     */
    Color custom(String web, Color fallback) {
        if (web == null) return fallback;
        Map<String, Color> parsed = dark ? PARSED_DARK : PARSED_LIGHT;
        if (parsed.size() > 4_096) parsed.clear();
        Color c = parsed.computeIfAbsent(web, this::parse);
        return c == UNREADABLE ? fallback : c;
    }

    /** A workflow's colours parsed once: every frame asks for every node's colours. */
    private static final Map<String, Color> PARSED_DARK = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, Color> PARSED_LIGHT = new java.util.concurrent.ConcurrentHashMap<>();
    /** Marks a colour text that is no colour (a sentinel instance, never drawn). */
    private static final Color UNREADABLE = new Color(0, 0, 0, 0);

    private Color parse(String web) {
        try {
            Color c = Color.web(web);
            return dark ? c : c.interpolate(Color.WHITE, 0.5);
        } catch (IllegalArgumentException bad) {
            return UNREADABLE;
        }
    }

    private static final Color DARK_TEXT = Color.web("#1f2328");

    /** Black or white text, whichever reads better on this colour. */
    static Color textOn(Color c) {
        double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return luminance > 0.5 ? DARK_TEXT : Color.WHITE;
    }
}
