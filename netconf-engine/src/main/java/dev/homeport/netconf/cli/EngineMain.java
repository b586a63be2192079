package dev.homeport.netconf.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the engine jar: {@code homeport netconf ...} and {@code homeport device ...}. */
@Command(name = "homeport", mixinStandardHelpOptions = true, version = "Homeport 0.1.0",
        description = "YANG and NETCONF tooling.",
        subcommands = {NetconfCommand.class, DeviceCommand.class})
public final class EngineMain implements Callable<Integer> {
    private static final String SSHD_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.apache.sshd";
    private final CommandIo io;

    private EngineMain(CommandIo io) {
        this.io = io;
    }

    public static void main(String[] args) {
        // the engine's own messages say what failed; MINA's warnings about the same events are noise on a console
        if (System.getProperty(SSHD_LOG_LEVEL) == null) {
            System.setProperty(SSHD_LOG_LEVEL, "error");
        }
        System.exit(run(args));
    }

    /** Runs a command line with the process's streams; returns the exit code. */
    public static int run(String... args) {
        return run(CommandIo.system(), args);
    }

    /**
     * Runs a command line and returns the exit code: 0 ok or data, 1 rpc-error, 2 usage, connection or
     * authentication failure. Replies go to {@code io.out()}, diagnostics to {@code io.err()}.
     */
    public static int run(CommandIo io, String... args) {
        CommandLine cl = new CommandLine(new EngineMain(io));
        cl.setOut(io.out());
        cl.setErr(io.err());
        cl.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("homeport: " + ex.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for the options.");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, failed, parsed) -> {
            // a bug, not bad input: say so, with the trace for the report
            failed.getErr().println("homeport: internal error: " + ex);
            ex.printStackTrace(failed.getErr());
            return ExitCodes.USAGE;
        });
        try {
            return cl.execute(args);
        } finally {
            io.flush();
        }
    }

    CommandIo io() {
        return io;
    }

    /** Without a subcommand: the usage, and the exit code of a usage error. */
    @Override
    public Integer call() {
        new CommandLine(this).usage(io.err());
        return ExitCodes.USAGE;
    }
}
