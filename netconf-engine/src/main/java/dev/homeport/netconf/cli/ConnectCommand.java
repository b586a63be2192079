package dev.homeport.netconf.cli;

import dev.homeport.netconf.HostKeyException;
import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.transport.NetconfTransport;
import dev.homeport.netconf.transport.ssh.HostKeyVerifier;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.transport.tls.Certificates;
import dev.homeport.netconf.transport.tls.KnownCertificates;
import dev.homeport.netconf.transport.tls.ServerTrust;
import dev.homeport.netconf.transport.tls.TlsConnector;
import dev.homeport.netconf.transport.tls.TlsIdentity;
import java.io.IOException;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code homeport netconf connect}: one NETCONF operation on a device over SSH or TLS, like netconf-console. */
@Command(name = "connect", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        customSynopsis = {
                "Usage: homeport netconf connect --host HOST [--port 830] -u USER (-p [PASS] | -k FILE)",
                "       [--accept-new-hostkey] [--known-hosts FILE] [--timeout S] [--trace] OP",
                "       homeport netconf connect --tls --host HOST [--port 6513] --cert FILE --key FILE",
                "       [--key-password-env VAR] (--ca FILE | --pin SHA256:... | --known-certs FILE "
                        + "[--accept-new-cert]) OP",
                "OP: --hello | --get | --get-config | --edit-config FILE [--commit] | --commit | --discard",
                "    | --validate | --lock DS | --get-schema NAME | --rpc FILE | --subscribe | ... (see below)",
                ""},
        description = {"Connect to a NETCONF device over SSH (or TLS with --tls), run one operation and print the "
                + "reply.",
                "Replies are pretty-printed XML on stdout, diagnostics go to stderr.",
                "Exit status: 0 data or ok, 1 rpc-error, 2 usage, connection or authentication failure."},
        footer = {"%nExamples:",
                "  homeport netconf connect --host 192.0.2.1 -u admin -p --hello",
                "  HOMEPORT_NETCONF_PASSWORD=secret homeport netconf connect --host r1 -u admin --get-config",
                "  homeport netconf connect --host r1 -u admin --key ~/.ssh/id_ed25519 "
                        + "--get --filter /ietf-interfaces:interfaces-state",
                "  homeport netconf connect --host r1 -u admin -p --edit-config change.xml --commit",
                "  homeport netconf connect --tls --host r1 --cert me.pem --key me.key --ca lab-ca.pem --get-config"})
public final class ConnectCommand implements Callable<Integer> {
    @ParentCommand
    NetconfCommand parent;

    @Option(names = "--host", required = true, paramLabel = "HOST", description = "Device name or address.")
    String host;

    @Option(names = "--port", paramLabel = "PORT",
            description = "NETCONF port (default 830 for SSH, 6513 with --tls).")
    Integer port;

    @Option(names = "--tls", description = "NETCONF over TLS (RFC 7589) with the client certificate --cert/--key, "
            + "instead of SSH.")
    boolean tls;

    @Mixin
    CredentialOptions credentials = new CredentialOptions();

    @Mixin
    HostKeyOptions hostKeys = new HostKeyOptions();

    @Mixin
    TlsOptions tlsOptions = new TlsOptions();

    @Mixin
    OperationOptions operation = new OperationOptions();

    /** Opens the transport; a failure is reported by the caller. */
    @FunctionalInterface
    private interface Opener {
        NetconfTransport open() throws NetconfException;
    }

    @Override
    public Integer call() {
        CommandIo io = parent.io();
        int p = port != null ? port : tls ? TlsConnector.DEFAULT_PORT : 830;
        try {
            if (p < 1 || p > 65535) {
                throw new UsageException("--port must be 1..65535");
            }
            Operation op = operation.prepare(io);
            return tls ? connectTls(io, op, p) : connectSsh(io, op, p);
        } catch (UsageException | IOException e) {
            io.err().println("homeport: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private int connectSsh(CommandIo io, Operation op, int p) throws UsageException, IOException {
        if (!tlsOptions.given().isEmpty()) {
            throw new UsageException(TlsOptions.goWith(tlsOptions.given(), "--tls (NETCONF over TLS)"));
        }
        KnownHosts store = hostKeys.store(io);
        SshAuth auth = credentials.toAuth(io);
        HostKeyChecker verifier = new HostKeyChecker(store, io);
        try (SshConnector ssh = new SshConnector()) {
            return run(io, op, () -> ssh.connect(host, p, auth, verifier),
                    () -> verifier.unknownKey == null ? null : HostKeyOptions.unknownKeyHint(verifier.unknownKey));
        } finally {
            auth.destroy();
        }
    }

    private int connectTls(CommandIo io, Operation op, int p) throws UsageException, IOException {
        List<String> sshOnly = new ArrayList<>(credentials.sshOnlyGiven());
        sshOnly.addAll(hostKeys.given());
        if (!sshOnly.isEmpty()) {
            throw new UsageException(TlsOptions.areFor(sshOnly, "SSH") + "; over TLS the client certificate "
                    + "(--cert, --key) logs in and --ca, --pin or --known-certs trusts the device");
        }
        CertificateChecker trust = new CertificateChecker(tlsOptions.serverTrust(), io);
        TlsIdentity identity = tlsOptions.identity(io, credentials);
        return run(io, op, () -> new TlsConnector().connect(host, p, identity, trust),
                () -> trust.unknownCertificate == null ? null
                        : TlsOptions.unknownCertificateHint(trust.unknownCertificate));
    }

    /** Opens the session, runs the operation, closes with close-session; connection failures are exit 2. */
    private int run(CommandIo io, Operation op, Opener opener, Supplier<String> untrustedHint) {
        ConsoleOutput out = new ConsoleOutput(io);
        NetconfClient client;
        try {
            client = new NetconfClient(NetconfSession.open(opener.open(), operation.sessionOptions(io)));
        } catch (HostKeyException e) {
            out.note(e.getMessage());
            String hint = untrustedHint.get();
            if (hint != null) {
                out.note(hint);
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
    }

    /** The known-hosts check, remembering an unknown key for the hint and telling when a new key was trusted. */
    private static final class HostKeyChecker implements HostKeyVerifier {
        private final KnownHosts store;
        private final CommandIo io;
        volatile PublicKey unknownKey;

        HostKeyChecker(KnownHosts store, CommandIo io) {
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

    /**
     * The certificate check: for a known-certificates store, remembers an unknown certificate for the hint and tells
     * when a new one was trusted; CA and pin checks pass through.
     */
    private static final class CertificateChecker implements ServerTrust {
        private final ServerTrust trust;
        private final CommandIo io;
        volatile X509Certificate unknownCertificate;

        CertificateChecker(ServerTrust trust, CommandIo io) {
            this.trust = trust;
            this.io = io;
        }

        @Override
        public void check(String host, int port, X509Certificate[] chain, String authType)
                throws CertificateException {
            if (!(trust instanceof KnownCertificates store)) {
                trust.check(host, port, chain, authType);
                return;
            }
            boolean unknown = store.lookup(host, port, chain[0]) instanceof KnownCertificates.Unknown;
            try {
                store.check(host, port, chain, authType);
            } catch (CertificateException e) {
                if (unknown) {
                    unknownCertificate = chain[0];
                }
                throw e;
            }
            if (unknown) {
                io.err().println("homeport: " + TlsOptions.trustedNew(store, ServerTrust.where(host, port),
                        Certificates.fingerprint(chain[0]),
                        chain[0].getSubjectX500Principal().getName()));
            }
        }
    }
}
