package com.samplerlens.core.edit;

import java.util.Locale;
import java.util.Optional;

/**
 * The prompt lines at the head of the parameters text. When both the T5 and the CLIP prompt are
 * set, the head shows those two lines instead of the positive prompt (anchor §5.1).
 */
public enum PromptKind {
    POSITIVE("positive", "Positive prompt", "positive prompt", "positive"),
    NEGATIVE("negative", "Negative prompt", "negative prompt", "negative"),
    T5("t5", "T5 Prompt", "T5 prompt", "t5Prompt"),
    CLIP("clip", "CLIP Prompt", "CLIP prompt", "clipPrompt");

    private final String id;
    private final String label;
    private final String inSentence;
    private final String component;

    PromptKind(String id, String label, String inSentence, String component) {
        this.id = id;
        this.label = label;
        this.inSentence = inSentence;
        this.component = component;
    }

    public String id() { return id; }

    public String label() { return label; }

    /** As it reads inside a sentence ({@code negative prompt}). */
    public String inSentence() { return inSentence; }

    String component() { return component; }

    /** By id ({@code positive}) or label ({@code Negative prompt}); {@code Prompt} is the positive one. */
    public static Optional<PromptKind> byName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("prompt")) return Optional.of(POSITIVE);
        for (PromptKind k : values()) if (k.id.equals(n) || k.label.toLowerCase(Locale.ROOT).equals(n)) return Optional.of(k);
        return Optional.empty();
    }
}
