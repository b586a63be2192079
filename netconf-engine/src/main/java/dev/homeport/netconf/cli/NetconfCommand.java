package dev.homeport.netconf.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code homeport netconf}: the NETCONF client and the call-home listener. */
@Command(name = "netconf", mixinStandardHelpOptions = true,
        description = "NETCONF client over SSH and RFC 8071 call-home listener, in the habits of netconf-console.",
        subcommands = {ConnectCommand.class, ListenCommand.class})
public final class NetconfCommand implements Callable<Integer> {
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
