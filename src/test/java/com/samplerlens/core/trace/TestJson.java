package com.samplerlens.core.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.json.LenientJson;

public final class TestJson {
    private TestJson() {}

    public static JsonNode parse(String s) {
        try {
            return LenientJson.parse(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
