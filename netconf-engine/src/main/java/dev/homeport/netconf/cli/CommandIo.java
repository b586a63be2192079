package dev.homeport.netconf.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * What a command talks to: stdout for replies, stderr for diagnostics, the environment, stdin and (in a real
 * terminal) the console for password prompts. The process's own, or a test's captured streams.
 */
public final class CommandIo {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> env;
    private final InputStream in;
    private final Console console;
    private final boolean process;
    private BufferedReader stdinLines;

    private CommandIo(OutputStream out, OutputStream err, Map<String, String> env, InputStream in, Console console,
                      boolean process) {
        // replies are XML in UTF-8 whatever the platform's default encoding
        this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        this.err = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        this.env = Map.copyOf(env);
        this.in = in;
        this.console = console;
        this.process = process;
    }

    /** The process's streams and environment (the {@code homeport} launcher). */
    public static CommandIo system() {
        return new CommandIo(System.out, System.err, System.getenv(), System.in, terminal(), true);
    }

    /** Given streams and environment, no console: for running commands in-process (tests, other front ends). */
    public static CommandIo of(OutputStream out, OutputStream err, Map<String, String> env, InputStream in) {
        return new CommandIo(out, err, env, in, null, false);
    }

    /** Replies: pretty-printed XML, module text. */
    public PrintWriter out() {
        return out;
    }

    /** Diagnostics, prompts, traces. */
    public PrintWriter err() {
        return err;
    }

    public Optional<String> env(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
    }

    public InputStream in() {
        return in;
    }

    /** True for the real process: it may install a shutdown hook so that Ctrl-C closes sessions cleanly. */
    public boolean isProcess() {
        return process;
    }

    /**
     * Asks for a secret: without echo on a terminal, else the prompt goes to stderr and one line is read from stdin
     * (so that {@code printf 'secret\n' | homeport ...} works). Empty when stdin is closed.
     */
    public synchronized Optional<char[]> readSecret(String prompt) throws IOException {
        if (console != null) {
            return Optional.ofNullable(console.readPassword("%s", prompt));
        }
        err.print(prompt);
        err.flush();
        if (stdinLines == null) {
            stdinLines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String line = stdinLines.readLine();
        err.println();
        return Optional.ofNullable(line).map(String::toCharArray);
    }

    /** Flushes both streams (before exit). */
    public void flush() {
        out.flush();
        err.flush();
    }

    /**
     * The console when stdin and stdout are a terminal. From Java 22 on, {@link System#console()} also answers when
     * they are redirected, so {@code isTerminal()} (not in Java 21's API) is asked when it exists.
     */
    private static Console terminal() {
        Console c = System.console();
        if (c == null) {
            return null;
        }
        try {
            Object terminal = Console.class.getMethod("isTerminal").invoke(c);
            return Boolean.TRUE.equals(terminal) ? c : null;
        } catch (ReflectiveOperationException e) {
            return c; // Java 21: console() is null unless both streams are a terminal
        }
    }
}
