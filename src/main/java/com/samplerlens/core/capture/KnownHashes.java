package com.samplerlens.core.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.samplerlens.core.json.LenientJson;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hashes a source already carries in its own A1111 {@code parameters} text: the {@code Hashes}
 * JSON ({@code model}, {@code vae}, {@code lora:<name>}, {@code embed:<name>}) and the keys
 * {@code Model}/{@code Model hash}, {@code VAE}/{@code VAE hash},
 * {@code Lora_N Model name}/{@code Lora_N Model hash}. A hash is only given for the file it was
 * written for (matched by file name), so the two models of a Wan2.2 pair never share one.
 */
public final class KnownHashes implements HashLookup {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{8,64}");
    private static final Pattern KEY_VALUE = Pattern.compile("(?:^|, |\\n)([A-Za-z][A-Za-z0-9_ ]*?): ([^,\\n]*)");

    private final Map<String, String> byKindAndStem = new HashMap<>();

    private KnownHashes() {}

    public static KnownHashes none() { return new KnownHashes(); }

    /** Reads the hashes of a parameters text; anything unreadable is ignored. */
    public static KnownHashes parse(String parameters) {
        KnownHashes k = new KnownHashes();
        if (parameters == null || parameters.isBlank()) return k;
        Map<String, String> keys = new HashMap<>();
        Matcher m = KEY_VALUE.matcher(parameters);
        while (m.find()) keys.putIfAbsent(m.group(1).trim(), m.group(2).trim());
        JsonNode hashes = hashesJson(parameters);
        String model = keys.get("Model");
        String vae = keys.get("VAE");
        if (model != null) k.put(HashKind.MODEL, model, keys.get("Model hash"));
        if (vae != null) k.put(HashKind.VAE, vae, keys.get("VAE hash"));
        if (hashes != null) {
            if (model != null && hashes.path("model").isTextual()) k.put(HashKind.MODEL, model, hashes.get("model").asText());
            if (vae != null && hashes.path("vae").isTextual()) k.put(HashKind.VAE, vae, hashes.get("vae").asText());
            for (var e : hashes.properties()) {
                if (!e.getValue().isTextual()) continue;
                if (e.getKey().startsWith("lora:")) k.put(HashKind.LORA, e.getKey().substring(5), e.getValue().asText());
                if (e.getKey().startsWith("embed:")) k.put(HashKind.EMBEDDING, e.getKey().substring(6), e.getValue().asText());
            }
        }
        for (int i = 0; keys.containsKey("Lora_" + i + " Model name"); i++) {
            k.put(HashKind.LORA, keys.get("Lora_" + i + " Model name"), keys.get("Lora_" + i + " Model hash"));
        }
        return k;
    }

    /** The {@code Hashes: {...}} object, found by brace matching (it contains ", "). */
    private static JsonNode hashesJson(String parameters) {
        int at = parameters.indexOf("Hashes: {");
        if (at < 0) return null;
        int start = at + "Hashes: ".length();
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < parameters.length(); i++) {
            char c = parameters.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') inString = true;
            else if (c == '{') depth++;
            else if (c == '}' && --depth == 0) {
                try {
                    return LenientJson.parse(parameters.substring(start, i + 1));
                } catch (Exception e) {
                    return null;
                }
            }
        }
        return null;
    }

    private void put(HashKind kind, String name, String hash) {
        if (name == null || hash == null || !HEX.matcher(hash).matches()) return;
        byKindAndStem.putIfAbsent(key(kind, name), hash.toLowerCase(Locale.ROOT));
    }

    private static String key(HashKind kind, String name) {
        return kind + "\u0000" + FileNames.stem(name).toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<String> hash(HashKind kind, String name) {
        return Optional.ofNullable(byKindAndStem.get(key(kind, name)));
    }

    public boolean isEmpty() { return byKindAndStem.isEmpty(); }
}
