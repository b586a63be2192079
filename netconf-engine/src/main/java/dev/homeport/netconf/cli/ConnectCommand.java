package dev.homeport.netconf.cli;

import dev.homeport.netconf.HostKeyException;
import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.transport.ssh.HostKeyVerifier;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.transport.ssh.SshTransport;
import java.io.IOException;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code homeport netconf connect}: one NETCONF operation on a device over SSH, like netconf-console. */
@Command(name = "connect", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        customSynopsis = {
                "Usage: homeport netconf connect --host HOST [--port 830] -u USER (-p [PASS] | -k FILE)",
                "       [--accept-new-hostkey] [--known-hosts FILE] [--timeout S] [--trace] OP",
                "OP: --hello | --get | --get-config | --edit-config FILE [--commit] | --commit | --discard",
                "    | --validate | --lock DS | --get-schema NAME | --rpc FILE | --subscribe | ... (see below)",
                ""},
        description = {"Connect to a NETCONF device over SSH, run one operation and print the reply.",
                "Replies are pretty-printed XML on stdout, diagnostics go to stderr.",
                "Exit status: 0 data or ok, 1 rpc-error, 2 usage, connection or authentication failure."},
        footer = {"%nExamples:",
                "  homeport netconf connect --host 192.0.2.1 -u admin -p --hello",
                "  HOMEPORT_NETCONF_PASSWORD=secret homeport netconf connect --host r1 -u admin --get-config",
                "  homeport netconf connect --host r1 -u admin --key ~/.ssh/id_ed25519 "
                        + "--get --filter /ietf-interfaces:interfaces-state",
                "  homeport netconf connect --host r1 -u admin -p --edit-config change.xml --commit"})
public final class ConnectCommand implements Callable<Integer> {
    @ParentCommand
    NetconfCommand parent;

    @Option(names = "--host", required = true, paramLabel = "HOST", description = "Device name or address.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "830",
            description = "NETCONF over SSH port (default ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    CredentialOptions credentials = new CredentialOptions();

    @Mixin
    HostKeyOptions hostKeys = new HostKeyOptions();

    @Mixin
    OperationOptions operation = new OperationOptions();

    @Override
    public Integer call() {
        CommandIo io = parent.io();
        Operation op;
        SshAuth auth;
        KnownHosts store;
        try {
            if (port < 1 || port > 65535) {
                throw new UsageException("--port must be 1..65535");
            }
            op = operation.prepare(io);
            store = hostKeys.store(io);
            auth = credentials.toAuth(io);
        } catch (UsageException | IOException e) {
            io.err().println("homeport: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Verifier verifier = new Verifier(store, io);
        ConsoleOutput out = new ConsoleOutput(io);
        try (SshConnector ssh = new SshConnector()) {
            NetconfClient client;
            try {
                SshTransport transport = ssh.connect(host, port, auth, verifier);
                client = new NetconfClient(NetconfSession.open(transport, operation.sessionOptions(io)));
            } catch (HostKeyException e) {
                out.note(e.getMessage());
                if (verifier.unknownKey != null) {
                    out.note(HostKeyOptions.unknownKeyHint(verifier.unknownKey));
                }
                return ExitCodes.USAGE;
            } catch (NetconfException e) {
                out.note(e.getMessage());
                return ExitCodes.USAGE;
            }
            ShutdownHook hook = ShutdownHook.install(io, client::close);
            try (client) {
                return op.run(client, out);
            } finally {
                hook.close();
            }
        } finally {
            auth.destroy();
        }
    }

    /** The known-hosts check, remembering an unknown key for the hint and telling when a new key was trusted. */
    private static final class Verifier implements HostKeyVerifier {
        private final KnownHosts store;
        private final CommandIo io;
        volatile PublicKey unknownKey;

        Verifier(KnownHosts store, CommandIo io) {
            this.store = store;
            this.io = io;
        }

        @Override
        public Decision verify(String host, int port, SocketAddress remote, PublicKey key) {
            boolean unknown = store.lookup(host, port, key) instanceof KnownHosts.Unknown;
            Decision d = store.verify(host, port, remote, key);
            if (unknown && d instanceof Reject) {
                unknownKey = key;
            } else if (unknown && d instanceof Accept) {
                io.err().println("homeport: " + HostKeyOptions.trustedNew(store,
                        port == 22 ? host : "[" + host + "]:" + port, key));
            }
            return d;
        }
    }
}
