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
        withFullCommandList(spec.commandLine()).usage(spec.commandLine().getOut());
    }

    /**
     * The top-level help lists each command with its whole description (picocli shows only its first
     * line, so exit codes and environment variables would be missing from {@code --help}).
     */
    static CommandLine withFullCommandList(CommandLine cl) {
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> {
            StringBuilder sb = new StringBuilder();
            for (var e : help.subcommands().entrySet()) {
                sb.append("  ").append(e.getKey()).append('\n');
                for (String line : e.getValue().commandSpec().usageMessage().description()) sb.append("      ").append(line).append('\n');
            }
            return sb.toString();
        });
        return cl;
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

    /** The environment the commands read (METADATA_*, SAMPLERLENS_RULES …): the process's, or a test's. */
    private Map<String, String> environment = System.getenv();

    Map<String, String> environment() { return environment; }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    public static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr, Map<String, String> env) {
        // texts from files (prompts, names) may hold terminal escape sequences: never printed raw
        PrintWriter out = CliGuards.terminalSafe(rawOut);
        PrintWriter err = CliGuards.terminalSafe(rawErr);
        // the plain "inspect [--json] FILE…" of scripts runs without picocli's start-up (PlainInspect)
        PlainInspect.Plain plain = PlainInspect.parse(args);
        if (plain != null) {
            try {
                return PlainInspect.run(plain, out, err, Map.copyOf(env));
            } finally {
                out.flush();
                err.flush();
            }
        }
        return throughPicocli(args, out, err, env);
    }

    /** Every form through picocli, the plain one included (PlainInspectTest compares the two paths). */
    static int throughPicocli(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        SamplerLensCommand top = new SamplerLensCommand();
        top.environment = Map.copyOf(env);
        CommandLine cl = withFullCommandList(new CommandLine(top));
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
