package com.samplerlens.testing;

import com.samplerlens.cli.SamplerLensCommand;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line, as the jar would run it: exit code and both streams. */
public record CliRun(int code, String out, String err) {

    public static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SamplerLensCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A run that sees {@code env} as its whole environment (METADATA_*, SAMPLERLENS_RULES …). */
    public static CliRun runWithEnvironment(java.util.Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SamplerLensCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
        return new CliRun(code, out.toString(), err.toString());
    }
}
