package com.samplerlens.core.write;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Pairs edited images with the originals they came from, by file name. Rounds, each over the
 * files still unpaired; a pair is made only when the key is unique on both sides:
 * <ol>
 *   <li>the same name without extension ({@code cat.png} ↔ {@code cat.jpg});</li>
 *   <li>the same name once edit decorations are taken off the end, repeatedly, ignoring case:
 *       {@code _upscaled}, {@code -upscale}, {@code _edited}, {@code -edit}, {@code _final},
 *       {@code _fixed}, {@code _retouched}, {@code _clean}, {@code _meta}, {@code _copy},
 *       {@code _2x}/{@code _x4}, and {@code " (1)"}-style copy numbers ({@code _}, {@code -},
 *       {@code .} or space before a word);</li>
 *   <li>as 2, with a ComfyUI counter ({@code _00001_}, {@code _00001}) also taken off the end
 *       first, then decorations again ({@code portrait_00003_.png} ↔
 *       {@code portrait_upscaled_00001_.png}). Counters are dropped only here, so two originals
 *       {@code a_00001_} and {@code a_00002_} never both claim {@code a_upscaled}: that key is
 *       ambiguous and the files are reported unpaired.</li>
 * </ol>
 */
public final class NamePairing {
    private NamePairing() {}

    public record Pair(Path original, Path edited) {}

    /**
     * @param ambiguous edited files whose key matched more than one original (or that an original
     *                  shared with other edited files), a subset of {@code unmatchedEdited}
     */
    public record Result(List<Pair> pairs, List<Path> unmatchedOriginals, List<Path> unmatchedEdited, List<Path> ambiguous) {}

    private static final Pattern DECORATION = Pattern.compile(
            "(?i)(?:[ _.-](?:upscaled|upscale|edited|edit|final|fixed|retouched|clean|meta|copy|x\\d+|\\d+x)| ?\\(\\d+\\))$");
    private static final Pattern COUNTER = Pattern.compile("_\\d{4,}_?$");

    public static Result pair(List<Path> originals, List<Path> edited) {
        List<Path> restOriginals = new ArrayList<>(originals);
        List<Path> restEdited = new ArrayList<>(edited);
        List<Pair> pairs = new ArrayList<>();
        Set<Path> ambiguous = new LinkedHashSet<>();
        List<Function<Path, String>> rounds = List.of(NamePairing::stem, p -> undecorated(stem(p)), p -> undecorated(withoutCounter(undecorated(stem(p)))));
        for (Function<Path, String> key : rounds) {
            Map<String, List<Path>> byKeyO = group(restOriginals, key);
            Map<String, List<Path>> byKeyE = group(restEdited, key);
            for (Path e : List.copyOf(restEdited)) {
                String k = key.apply(e);
                List<Path> os = byKeyO.getOrDefault(k, List.of());
                if (os.size() == 1 && byKeyE.get(k).size() == 1) {
                    pairs.add(new Pair(os.getFirst(), e));
                    restOriginals.remove(os.getFirst());
                    restEdited.remove(e);
                    ambiguous.remove(e);
                } else if (!os.isEmpty()) {
                    ambiguous.add(e);
                }
            }
        }
        pairs.sort((a, b) -> a.edited().getFileName().toString().compareTo(b.edited().getFileName().toString()));
        return new Result(pairs, restOriginals, restEdited, List.copyOf(ambiguous));
    }

    private static Map<String, List<Path>> group(List<Path> files, Function<Path, String> key) {
        Map<String, List<Path>> m = new HashMap<>();
        for (Path p : files) m.computeIfAbsent(key.apply(p), k -> new ArrayList<>()).add(p);
        return m;
    }

    static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String undecorated(String stem) {
        String s = stem;
        for (String t = DECORATION.matcher(s).replaceFirst(""); !t.equals(s) && !t.isEmpty(); t = DECORATION.matcher(s).replaceFirst("")) s = t;
        return s.toLowerCase(Locale.ROOT);
    }

    static String withoutCounter(String key) {
        String s = COUNTER.matcher(key).replaceFirst("");
        return s.isEmpty() ? key : s;
    }
}
