package com.samplerlens.core.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.testing.Fixtures;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every class the anchor 1.4.2 has capture rules for has bundled capture rules too. The list was read
 * from the anchor's rule files (CAPTURE_FIELD_LIST keys of defs/captures.py and defs/ext/*.py).
 */
class AnchorCaptureCoverageTest {

    @Test
    void everyAnchorCaptureClassHasRules() throws Exception {
        List<String> anchorClasses = Files.readAllLines(Fixtures.bundled("anchor-1.4.2-capture-classes.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals(89, anchorClasses.size());
        CaptureRules rules = CaptureRules.bundled();
        List<String> missing = anchorClasses.stream().filter(c -> rules.of(c).isEmpty()).toList();
        assertTrue(missing.isEmpty(), "anchor capture classes without rules: " + missing);
    }
}
