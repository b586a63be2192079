package dev.homeport.netconf.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code homeport device}: simulated NETCONF devices driven by a profile's YANG modules. */
@Command(name = "device", mixinStandardHelpOptions = true,
        description = "Simulated NETCONF devices: a profile's YANG modules, datastores and state, served over SSH "
                + "or calling home (RFC 8071).",
        subcommands = {DeviceServeCommand.class, DeviceCallHomeCommand.class})
public final class DeviceCommand implements Callable<Integer> {
    @ParentCommand
    EngineMain main;

    CommandIo io() {
        return main.io();
    }

    /** Without a subcommand: the usage, and the exit code of a usage error. */
    @Override
    public Integer call() {
        new CommandLine(this).usage(io().err());
        return ExitCodes.USAGE;
    }
}
