package dev.homeport.netconf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the engine jar: {@code homeport netconf ...} and {@code homeport device ...}. */
@Command(name = "homeport", mixinStandardHelpOptions = true, version = "Homeport 0.1.0",
        description = "YANG and NETCONF tooling.",
        subcommands = {NetconfCommand.class})
public final class EngineMain implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns the exit code (0 ok, 1 rpc-error, 2 usage/connection/authentication). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new EngineMain());
        cl.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("homeport: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return ExitCodes.USAGE;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
