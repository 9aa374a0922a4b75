package com.samplerlens.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command; subcommands do the work. Exit codes: 0 ok, 1 a file failed, 2 bad usage. */
@Command(name = "samplerlens",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Inspect, trace and re-embed the metadata of ComfyUI images.")
public final class SamplerLensCommand implements Runnable {

    /**
     * The subcommands, by the name their {@code @Command} gives. Only the one that runs is added:
     * picocli builds a command's model by reflection over its options, and building all four was
     * a large part of a one-file run's start-up (docs/benchmarks.md). Help without a subcommand
     * adds them all, so it lists them all.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("inspect", InspectCommand::new);
        m.put("stages", StagesCommand::new);
        m.put("write", WriteCommand::new);
        m.put("strip", StripCommand::new);
        return m;
    }

    @Spec CommandSpec spec;

    public static final int OK = 0;
    public static final int FILE_FAILED = 1;
    public static final int USAGE = 2;

    private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** True when the arguments ask for a subcommand or CLI option rather than the app. */
    public static boolean isCommandLine(String[] args) {
        if (args.length == 0) return false;
        String first = args[0];
        if (TOP_LEVEL_OPTIONS.contains(first) || first.startsWith("-")) return true;
        if (SUBCOMMANDS.containsKey(first)) return true;
        // "samplerlens image.png" opens the file in the app; a word that is no file is a mistyped command.
        return !java.nio.file.Files.exists(java.nio.file.Path.of(first));
    }

    public static int run(String[] args) {
        return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
        // texts from files (prompts, names) may hold terminal escape sequences: never printed raw
        PrintWriter out = CliGuards.terminalSafe(rawOut);
        PrintWriter err = CliGuards.terminalSafe(rawErr);
        CommandLine cl = new CommandLine(new SamplerLensCommand());
        Supplier<Object> only = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        if (only != null) cl.addSubcommand(only.get());
        else SUBCOMMANDS.values().forEach(s -> cl.addSubcommand(s.get()));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> USAGE);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("samplerlens: " + ex.getMessage());
            err.println("Try 'samplerlens " + (ex.getCommandLine().getCommandName().equals("samplerlens") ? "" : ex.getCommandLine().getCommandName() + " ") + "--help'.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            // Never a stack trace for people: one line, the cause's message.
            err.println(CliGuards.oneLine("samplerlens: " + com.samplerlens.core.io.Failures.describe(ex)));
            return FILE_FAILED;
        });
        try {
            return cl.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli passes Errors through; the commands name the file where they know it
            err.println("samplerlens: " + com.samplerlens.core.io.Failures.describe(e));
            return FILE_FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }
}
