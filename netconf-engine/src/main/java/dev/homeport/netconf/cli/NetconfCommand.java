package dev.homeport.netconf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code homeport netconf}: the NETCONF client and the call-home listener. */
@Command(name = "netconf", mixinStandardHelpOptions = true,
        description = "NETCONF client over SSH/TLS and RFC 8071 call-home listener.")
public final class NetconfCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
