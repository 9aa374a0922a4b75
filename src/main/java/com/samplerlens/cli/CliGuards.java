package com.samplerlens.cli;

import com.samplerlens.core.io.Failures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The CLI's guards against losing a file or garbling a terminal, kept in one place: output paths
 * that are inputs, per-file failures as one line, and control characters in what is printed.
 */
final class CliGuards {
    private CliGuards() {}

    /** "FILE: problem" for whatever stopped one file (see {@link Failures}), on one line. */
    static String failure(Path file, Throwable t) {
        String text = Failures.describe(t);
        String name = file.toString();
        return oneLine(text.startsWith(name + ":") ? text : name + ": " + text);
    }

    /**
     * An error message on one line: texts quoted from a file (a chunk keyword, a JSON key) may hold
     * line breaks, and a second line would look like a second error.
     */
    static String oneLine(String message) {
        return message == null ? "" : message.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\r");
    }

    /**
     * A usage error when {@code output} is, or resolves to (links, {@code ..}, hard links), one of
     * the {@code inputs}: nothing the user gave as input is ever written over.
     *
     * @param what   the option naming the output ("--out-dir")
     * @param inputs pairs of option name and path, e.g. "--from-dir", fromDir
     */
    static void refuseOverInput(CommandSpec spec, String what, Path output, Object... inputs) {
        for (int i = 0; i < inputs.length; i += 2) {
            Path in = (Path) inputs[i + 1];
            if (in != null && same(output, in)) {
                throw new ParameterException(spec.commandLine(), what + " " + output + " is " + inputs[i] + " " + in
                        + "; SamplerLens never writes over its inputs");
            }
        }
    }

    /** A file's identity (device and inode where the system has them), or null when nothing is there. */
    static Object fileKey(Path p) {
        try {
            var a = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            return a.fileKey() != null ? a.fileKey() : p.toRealPath(java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    static java.util.Set<Object> fileKeys(java.util.Collection<Path> paths) {
        java.util.Set<Object> keys = new java.util.HashSet<>();
        for (Path p : paths) {
            Object k = fileKey(p);
            if (k != null) keys.add(k);
        }
        return keys;
    }

    /** The image format a file's extension names, or null. */
    static com.samplerlens.core.container.ContainerFormat formatByName(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0) return null;
        try {
            var f = com.samplerlens.core.container.ContainerFormat.parse(name.substring(dot + 1));
            return f == com.samplerlens.core.container.ContainerFormat.JSON ? null : f;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** True when both names reach the same file or folder, whether or not {@code a} exists yet. */
    static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
            return resolved(a).equals(resolved(b));
        } catch (IOException e) {
            return resolved(a).equals(resolved(b));
        }
    }

    /** The real path of the nearest existing ancestor with the rest of the names after it. */
    private static Path resolved(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    /** {@code w} with control characters shown as {@code \\uXXXX} (see {@link TerminalSafeWriter}). */
    static PrintWriter terminalSafe(PrintWriter w) {
        return new PrintWriter(new TerminalSafeWriter(w), true);
    }

    /**
     * Escapes C0 controls (except tab and line feed), DEL and C1 controls as {@code \\u001B}: a
     * prompt holding ESC sequences cannot recolour, move the cursor in or retitle the terminal.
     * The JSON output stays valid and means the same: JSON has no raw control characters outside
     * strings, and inside a string {@code \\u001B} is that character's own JSON escape.
     */
    static final class TerminalSafeWriter extends Writer {
        private final Writer out;

        TerminalSafeWriter(Writer out) { this.out = out; }

        static boolean unsafe(char c) {
            return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F);
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            int start = off;
            int end = off + len;
            for (int i = off; i < end; i++) {
                if (unsafe(buf[i])) {
                    out.write(buf, start, i - start);
                    out.write(escape(buf[i]));
                    start = i + 1;
                }
            }
            out.write(buf, start, end - start);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            // straight from the string: a copy of it per write doubled the cost of a long output
            int start = off;
            int end = off + len;
            for (int i = off; i < end; i++) {
                if (unsafe(s.charAt(i))) {
                    out.write(s, start, i - start);
                    out.write(escape(s.charAt(i)));
                    start = i + 1;
                }
            }
            out.write(s, start, end - start);
        }

        private static String escape(char c) {
            return String.format("\\u%04X", (int) c);
        }

        @Override
        public void flush() throws IOException { out.flush(); }

        @Override
        public void close() throws IOException { out.close(); }
    }
}
