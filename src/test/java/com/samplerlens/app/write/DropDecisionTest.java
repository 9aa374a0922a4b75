package com.samplerlens.app.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropDecisionTest {

    private static final Path PNG = Path.of("/tmp/upscaled.PNG");
    private static final Path JSON = Path.of("/tmp/workflow.json");

    @Test
    void imageOrJsonDroppedOnTheGraphOpens() {
        assertEquals(new DropDecision.Open(PNG), DropDecision.decide(List.of(PNG), false, false, true));
        assertEquals(new DropDecision.Open(JSON), DropDecision.decide(List.of(JSON), false, false, false));
    }

    @Test
    void imageOnTheReembedAreaOrWithAltBecomesTheTarget() {
        assertEquals(new DropDecision.Reembed(PNG), DropDecision.decide(List.of(PNG), true, false, true));
        assertEquals(new DropDecision.Reembed(PNG), DropDecision.decide(List.of(PNG), false, true, true));
    }

    @Test
    void reembedNeedsAnOpenDocumentAndAnImage() {
        assertInstanceOf(DropDecision.Reject.class, DropDecision.decide(List.of(PNG), true, false, false));
        assertInstanceOf(DropDecision.Reject.class, DropDecision.decide(List.of(JSON), true, false, true));
    }

    @Test
    void otherFilesAndSeveralFilesAreRefused() {
        assertInstanceOf(DropDecision.Reject.class, DropDecision.decide(List.of(Path.of("notes.txt")), false, false, true));
        assertInstanceOf(DropDecision.Reject.class, DropDecision.decide(List.of(PNG, JSON), false, false, true));
        assertInstanceOf(DropDecision.Reject.class, DropDecision.decide(List.of(), false, false, true));
    }
}
