package com.samplerlens.app.kit;

/**
 * An A1111 parameters text cut into what people copy: the positive prompt, the negative prompt
 * (after "Negative prompt:") and the settings line (the last line, starting "Steps:").
 *
 * @param positive the positive prompt; empty when there is none
 * @param negative the negative prompt without its label; empty when there is none
 * @param settings the settings line; empty when there is none
 */
public record ParametersParts(String positive, String negative, String settings) {

    private static final String NEGATIVE = "Negative prompt:";

    public static ParametersParts of(String parameters) {
        if (parameters == null || parameters.isBlank()) return new ParametersParts("", "", "");
        String text = parameters.strip();
        String settings = "";
        int lastBreak = text.lastIndexOf('\n');
        String last = text.substring(lastBreak + 1);
        if (last.startsWith("Steps:")) {
            settings = last.strip();
            text = lastBreak < 0 ? "" : text.substring(0, lastBreak);
        }
        String positive = text;
        String negative = "";
        int neg = text.startsWith(NEGATIVE) ? 0 : text.indexOf("\n" + NEGATIVE);
        if (neg >= 0) {
            positive = text.substring(0, neg);
            negative = text.substring(neg + (neg == 0 ? 0 : 1) + NEGATIVE.length());
        }
        return new ParametersParts(positive.strip(), negative.strip(), settings);
    }
}
