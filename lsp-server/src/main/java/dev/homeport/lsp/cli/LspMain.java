package dev.homeport.lsp.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the lsp-server jar: {@code homeport check ...} and {@code homeport lsp ...}. */
@Command(name = "homeport", mixinStandardHelpOptions = true, version = "Homeport 0.1.0",
        description = "YANG language tools.", subcommands = {CheckCommand.class, LspCommand.class})
public final class LspMain implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code (see {@link CheckCommand} for check's codes). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** The same, writing results to {@code out} and messages to {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new LspMain());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> CheckCommand.EXIT_USAGE);
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            line.getErr().println("homeport: " + ex);
            return CheckCommand.EXIT_USAGE;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("homeport: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return CheckCommand.EXIT_USAGE;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
