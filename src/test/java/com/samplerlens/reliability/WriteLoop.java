package com.samplerlens.reliability;

import com.samplerlens.cli.SamplerLensCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/**
 * The child process of {@link KillDuringWriteTest}: runs the real {@code samplerlens write}
 * command again and again until it is killed. Arguments are two command lines separated by
 * {@code --then}; the loop alternates between them (so an in-place target flips between two
 * complete states). It prints {@code ready} once the first write succeeded, so the parent kills
 * a warm process in the middle of its writes rather than during JVM start-up.
 */
public final class WriteLoop {
    private WriteLoop() {}

    public static void main(String[] args) {
        int split = Arrays.asList(args).indexOf("--then");
        String[][] commands = {Arrays.copyOfRange(args, 0, split), Arrays.copyOfRange(args, split + 1, args.length)};
        for (long i = 0; ; i++) {
            StringWriter err = new StringWriter();
            int code = SamplerLensCommand.run(commands[(int) (i & 1)], new PrintWriter(new StringWriter()), new PrintWriter(err));
            if (code != 0) {
                System.out.println("failed: " + err.toString().strip());
                System.exit(3);
            }
            if (i == 1) System.out.println("ready");
        }
    }
}
