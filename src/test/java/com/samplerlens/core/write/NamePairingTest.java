package com.samplerlens.core.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NamePairingTest {

    private static List<Path> paths(String dir, String... names) {
        return java.util.Arrays.stream(names).map(n -> Path.of(dir, n)).toList();
    }

    private static Map<String, String> pairs(NamePairing.Result r) {
        return r.pairs().stream().collect(Collectors.toMap(p -> p.edited().getFileName().toString(), p -> p.original().getFileName().toString(),
                (a, b) -> a, TreeMap::new));
    }

    @Test
    void extensionsDecorationsAndCopyNumbersAreIgnored() {
        NamePairing.Result r = NamePairing.pair(
                paths("o", "cat.png", "dog.png", "Fox.png", "owl.json", "ComfyUI_00001_.png", "bee.png"),
                paths("e", "cat.jpg", "dog_upscaled.png", "fox-Edit (1).webp", "owl_edited_x4.png", "ComfyUI_00001__upscaled.png", "zebra.png"));
        assertEquals(Map.of("cat.jpg", "cat.png", "dog_upscaled.png", "dog.png", "fox-Edit (1).webp", "Fox.png",
                "owl_edited_x4.png", "owl.json", "ComfyUI_00001__upscaled.png", "ComfyUI_00001_.png"), pairs(r));
        assertEquals(paths("e", "zebra.png"), r.unmatchedEdited());
        assertEquals(paths("o", "bee.png"), r.unmatchedOriginals());
        assertEquals(List.of(), r.ambiguous());
    }

    @Test
    void countersAreDroppedOnlyWhenThatLeavesOneCandidate() {
        NamePairing.Result r = NamePairing.pair(
                paths("o", "portrait_00003_.png", "a_00001_.png", "a_00002_.png"),
                paths("e", "portrait_upscaled_00001_.png", "a_upscaled_00007_.png"));
        assertEquals(Map.of("portrait_upscaled_00001_.png", "portrait_00003_.png"), pairs(r));
        assertEquals(paths("e", "a_upscaled_00007_.png"), r.unmatchedEdited());
        assertEquals(paths("e", "a_upscaled_00007_.png"), r.ambiguous());
    }

    @Test
    void anExactNameWinsOverADecoratedOne() {
        NamePairing.Result r = NamePairing.pair(paths("o", "x.png", "x_edit.png"), paths("e", "x_edit.png", "x.jpg"));
        assertEquals(Map.of("x_edit.png", "x_edit.png", "x.jpg", "x.png"), pairs(r));
    }

    @Test
    void twoEditsOfOneOriginalAreAmbiguous() {
        NamePairing.Result r = NamePairing.pair(paths("o", "x.png"), paths("e", "x_upscaled.png", "x_edited.png"));
        assertEquals(Map.of(), pairs(r));
        assertEquals(2, r.ambiguous().size());
    }
}
