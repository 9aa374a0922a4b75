package com.samplerlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.samplerlens.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain {@code inspect [--json] FILE…} without picocli prints what the picocli path prints, byte for byte. */
class PlainInspectTest {

    @TempDir Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run plain(Map<String, String> env, String... args) {
        assertNotNull(PlainInspect.parse(args), "a plain form: " + List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SamplerLensCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
        return new Run(code, out.toString(), err.toString());
    }

    private static Run picocli(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SamplerLensCommand.throughPicocli(args, CliGuards.terminalSafe(new PrintWriter(out, true)),
                CliGuards.terminalSafe(new PrintWriter(err, true)), env);
        return new Run(code, out.toString(), err.toString());
    }

    private static void same(Map<String, String> env, String... args) {
        Run a = picocli(env, args);
        Run b = plain(env, args);
        assertEquals(a.out(), b.out(), "stdout of " + List.of(args));
        assertEquals(a.err(), b.err(), "stderr of " + List.of(args));
        assertEquals(a.code(), b.code(), "exit code of " + List.of(args));
    }

    private List<String> fixtures() throws Exception {
        Path notImage = tmp.resolve("not-an-image.png");
        Files.writeString(notImage, "this is text, not a PNG\n");
        Path text = tmp.resolve("notes.txt");
        Files.writeString(text, "hello\n");
        return List.of(
                Fixtures.bundled("images/ce_lora.png").toString(),
                Fixtures.bundled("images/sdp_automatic1111_cropped.jpg").toString(),
                Fixtures.bundled("images/ce_flux_kontext_example_comic.webp").toString(),
                Fixtures.bundled("workflows/api/ce_lora_multiple.prompt.json").toString(),
                Fixtures.bundled("workflows/ui/ce_wan22_text_to_video_wan22_5B.json").toString(),
                tmp.resolve("missing.png").toString(),
                notImage.toString(),
                text.toString());
    }

    @Test
    void eachFixtureAloneTextAndJson() throws Exception {
        for (String f : fixtures()) {
            same(Map.of(), "inspect", f);
            same(Map.of(), "inspect", "--json", f);
            same(Map.of(), "inspect", f, "--json");
        }
    }

    @Test
    void severalFilesAndAFolder() throws Exception {
        List<String> all = fixtures();
        List<String> args = new ArrayList<>(List.of("inspect", "--json"));
        args.addAll(all);
        same(Map.of(), args.toArray(String[]::new));
        args.remove("--json");
        same(Map.of(), args.toArray(String[]::new));
        Path folder = Fixtures.bundled("images/ce_lora.png").getParent();
        same(Map.of(), "inspect", "--json", folder.toString());
        Run r = plain(Map.of(), "inspect", "--json", all.get(0), all.get(5));
        assertEquals(1, r.code(), "a missing file fails the run");
        assertTrue(r.err().contains("missing.png: no such file"), r.err());
    }

    @Test
    void theEnvironmentAppliesAsThroughPicocli() throws Exception {
        String png = Fixtures.bundled("images/ce_lora.png").toString();
        same(Map.of("METADATA_TEST_MODE", "1"), "inspect", "--json", png);
        // a broken user rule file: the same one-line failure naming it on both paths
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("bad.json"), "{ not json");
        Run r = plain(Map.of("SAMPLERLENS_RULES", rules.toString()), "inspect", png);
        same(Map.of("SAMPLERLENS_RULES", rules.toString()), "inspect", png);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("bad.json: invalid JSON"), r.err());
    }

    @Test
    void everyOtherFormGoesToPicocli() {
        assertNull(PlainInspect.parse(new String[] {"inspect"}));
        assertNull(PlainInspect.parse(new String[] {"inspect", "--json"}));
        assertNull(PlainInspect.parse(new String[] {"inspect", "--json", "--json", "a.png"}));
        assertNull(PlainInspect.parse(new String[] {"inspect", "--max-samplers", "2", "a.png"}));
        assertNull(PlainInspect.parse(new String[] {"inspect", "--", "a.png"}));
        assertNull(PlainInspect.parse(new String[] {"inspect", "@args.txt"}));
        assertNull(PlainInspect.parse(new String[] {"inspect", "-h"}));
        assertNull(PlainInspect.parse(new String[] {"inspect", "a.png", "--verify"}));
        assertNull(PlainInspect.parse(new String[] {"stages", "a.png"}));
        assertEquals(List.of(Path.of("a.png"), Path.of("b.json")),
                PlainInspect.parse(new String[] {"inspect", "a.png", "--json", "b.json"}).files());
    }
}
