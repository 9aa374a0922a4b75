package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code <lora:name:model[:clip]>} tags in prompt text, read as the anchor's node-specific
 * selectors read them (rgthree Power Prompt, LoRA Manager, Impact wildcards, PCLazyLoraLoader):
 * the strict form first; only when the text has none, the loose form, whose strengths fall
 * back to 1.0 when they are not numbers. The clip strength defaults to the model strength.
 */
final class LoraTags {
    private LoraTags() {}

    private static final Pattern STRICT = Pattern.compile("<lora:([^:>]+):([0-9]*\\.?[0-9]+)(?::([0-9]*\\.?[0-9]+))?>");
    private static final Pattern LOOSE = Pattern.compile("<lora:([^:>]+):([^>]+)>");

    /** One LoRA of a stack or a text; {@code heldBy} is the node holding the value (null = the rule's node). */
    record Entry(JsonNode name, JsonNode strengthModel, JsonNode strengthClip, String heldBy) {}

    /** A text and the node that holds it. */
    record Text(String text, String heldBy) {}

    static List<Entry> parse(Text t) {
        List<Entry> out = new ArrayList<>();
        if (t == null) return out;
        Matcher m = STRICT.matcher(t.text());
        while (m.find()) {
            double sm = Double.parseDouble(m.group(2));
            double sc = m.group(3) == null ? sm : Double.parseDouble(m.group(3));
            out.add(entry(m.group(1), sm, sc, t.heldBy()));
        }
        if (!out.isEmpty()) return out;
        m = LOOSE.matcher(t.text());
        while (m.find()) {
            String[] parts = m.group(2).split(":");
            double sm;
            double sc;
            try {
                sm = Double.parseDouble(parts[0].trim());
                sc = parts.length == 2 ? Double.parseDouble(parts[1].trim()) : sm;
            } catch (NumberFormatException e) {
                sm = 1.0;
                sc = 1.0;
            }
            out.add(entry(m.group(1), sm, sc, t.heldBy()));
        }
        return out;
    }

    private static Entry entry(String name, double sm, double sc, String heldBy) {
        return new Entry(TextNode.valueOf(name.trim()), DoubleNode.valueOf(sm), DoubleNode.valueOf(sc), heldBy);
    }
}
