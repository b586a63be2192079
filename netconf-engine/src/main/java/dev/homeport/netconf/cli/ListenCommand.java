package dev.homeport.netconf.cli;

import dev.homeport.netconf.callhome.CallHomeDevice;
import dev.homeport.netconf.callhome.CallHomeEvent;
import dev.homeport.netconf.callhome.CallHomeServer;
import dev.homeport.netconf.callhome.CallHomeSettings;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.callhome.CredentialsProvider;
import dev.homeport.netconf.callhome.DeviceIdentity;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.tls.KnownCertificates;
import dev.homeport.netconf.transport.tls.TlsIdentity;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code homeport netconf listen}: the RFC 8071 call-home side of netconf-console's {@code --listen}. Devices dial
 * in over SSH (port 4334) and, with {@code --tls-port}, over TLS (port 4335); each trusted one is logged in to and gets
 * the OP. With {@code --once} the first device is served and the command exits; otherwise every device is served,
 * concurrently, each result framed by a header naming it and its host key or certificate fingerprint.
 */
@Command(name = "listen", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        customSynopsis = {
                "Usage: homeport netconf listen [--address 0.0.0.0] [--port 4334] [--once | --exit-after N]",
                "       [--max-sessions N] -u USER (-p [PASS] | -k FILE)",
                "       [--accept-new-hostkey] [--known-hosts FILE] [--timeout S] [--trace] OP",
                "       homeport netconf listen [--tls-port 4335] --cert FILE --key FILE [--key-password-env VAR]",
                "       (--pin SHA256:... | --known-certs FILE [--accept-new-cert]) [--once | --exit-after N] OP",
                "OP: --hello | --get | --get-config | --edit-config FILE [--commit] | --commit | --discard",
                "    | --validate | --lock DS | --get-schema NAME | --rpc FILE | --subscribe | ... (see below)",
                ""},
        description = {"Wait for NETCONF devices to call home over SSH or TLS (RFC 8071), run one operation on "
                + "each and print the replies.",
                "SSH call home needs -u; TLS call home needs --tls-port, the client certificate --cert/--key, and "
                        + "--pin or --known-certs to recognize devices by their certificate fingerprint. Give both "
                        + "to accept both (SSH then logs in with -p).",
                "With --once: the first device, then exit (netconf-console --listen). Without: every device that "
                        + "calls, concurrently; each result on stdout follows a header line",
                "'### call home from ADDRESS:PORT host key SHA256:...' (or 'certificate SHA256:...' for TLS).",
                "Exit status: 0 data or ok, 1 rpc-error, 2 usage, connection or authentication failure "
                        + "(the worst over all devices served)."},
        footer = {"%nExamples:",
                "  homeport netconf listen --once -u admin -p --accept-new-hostkey --get-config",
                "  homeport netconf listen --port 4334 -u admin --known-hosts devices.known_hosts --hello",
                "  homeport netconf listen -u admin -p --exit-after 20 --get "
                        + "--filter /ietf-interfaces:interfaces-state",
                "  homeport netconf listen --tls-port --cert me.pem --key me.key --known-certs devices.certs "
                        + "--accept-new-cert --once --get-config"})
public final class ListenCommand implements Callable<Integer> {
    @ParentCommand
    NetconfCommand parent;

    @Option(names = "--address", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String address;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "4334",
            description = "SSH call-home port (default ${DEFAULT-VALUE}, RFC 8071).")
    int port;

    @Option(names = "--tls-port", paramLabel = "PORT", arity = "0..1", fallbackValue = "4335",
            description = "Listen for TLS call home on PORT (4335 when no PORT is given, RFC 8071): devices are "
                    + "served with --cert/--key and recognized by --pin or --known-certs.")
    Integer tlsPort;

    @Option(names = "--once", description = "Serve the first device that calls home, then exit.")
    boolean once;

    @Option(names = "--max-sessions", paramLabel = "N", defaultValue = "1000",
            description = "Devices served at the same time; more are refused (default ${DEFAULT-VALUE}).")
    int maxSessions;

    @Option(names = "--exit-after", paramLabel = "N",
            description = "Without --once: exit once N devices have been served (their operations done).")
    Integer exitAfter;

    @Mixin
    CredentialOptions credentials = new CredentialOptions();

    @Mixin
    HostKeyOptions hostKeys = new HostKeyOptions();

    @Mixin
    TlsOptions tlsOptions = new TlsOptions();

    @Mixin
    OperationOptions operation = new OperationOptions();

    /** What the event handler needs to talk to the user and decide on unknown devices. */
    private record Trust(KnownHosts hostKeys, KnownCertificates certificates, Set<String> pins) {
    }

    @Override
    public Integer call() {
        CommandIo io = parent.io();
        Operation op;
        SshAuth auth = null;
        TlsIdentity identity = null;
        Trust trust;
        InetSocketAddress sshBind = null;
        InetSocketAddress tlsBind = null;
        try {
            if (port < 0 || port > 65535) {
                throw new UsageException("--port must be 0..65535");
            }
            if (tlsPort != null && (tlsPort < 0 || tlsPort > 65535)) {
                throw new UsageException("--tls-port must be 0..65535");
            }
            if (maxSessions < 1) {
                throw new UsageException("--max-sessions must be at least 1");
            }
            if (exitAfter != null && (once || exitAfter < 1)) {
                throw new UsageException(once ? "--exit-after goes without --once" : "--exit-after must be at least 1");
            }
            // SSH call home unless only TLS was asked for
            boolean ssh = tlsPort == null || !credentials.sshOnlyGiven().isEmpty();
            if (tlsPort == null && !tlsOptions.given().isEmpty()) {
                throw new UsageException(TlsOptions.goWith(tlsOptions.given(), "--tls-port (TLS call home)"));
            }
            if (!ssh && !hostKeys.given().isEmpty()) {
                throw new UsageException(TlsOptions.areFor(hostKeys.given(), "SSH call home (give -u)") + "; "
                        + "TLS devices are trusted by --pin or --known-certs");
            }
            if (ssh) {
                sshBind = bind(port);
            }
            if (tlsPort != null) {
                tlsBind = bind(tlsPort);
            }
            op = operation.prepare(io);
            KnownHosts store = hostKeys.store(io);
            KnownCertificates certificates = tlsPort == null ? KnownCertificates.inMemory(
                    KnownCertificates.Policy.STRICT) : tlsOptions.callHomeStore();
            trust = new Trust(store, certificates, tlsPort == null ? Set.of() : Set.copyOf(tlsOptions.normalizedPins()));
            if (tlsPort != null) {
                identity = tlsOptions.identity(io, credentials);
            }
            if (ssh) {
                auth = credentials.toAuth(io, tlsPort == null);
            }
        } catch (UsageException | IOException e) {
            io.err().println("homeport: " + e.getMessage());
            if (auth != null) {
                auth.destroy();
            }
            return ExitCodes.USAGE;
        }
        CallHomeSettings settings = CallHomeSettings.defaults().withSsh(sshBind).withTls(tlsBind)
                .withMaxSessions(maxSessions).withSession(operation.sessionOptions(io));
        BlockingQueue<CallHomeEvent> calls = new LinkedBlockingQueue<>();
        try (CallHomeServer server = new CallHomeServer(settings, new CallHomeTrust(trust.hostKeys(),
                trust.certificates()), CredentialsProvider.same(auth, identity))) {
            server.addListener(e -> onEvent(e, server, trust, calls, io));
            try {
                server.start();
            } catch (IOException e) {
                io.err().println("homeport: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            List<String> where = new ArrayList<>();
            if (server.sshAddress() != null) {
                where.add("for SSH call home on " + describe(server.sshAddress()));
            }
            if (server.tlsAddress() != null) {
                where.add("for TLS call home on " + describe(server.tlsAddress()));
            }
            io.err().println("homeport: listening " + String.join(" and ", where)
                    + (once ? "; serving the first device that calls" : "; serving every device that calls"
                    + (exitAfter != null ? " until " + exitAfter + " are done" : " (Ctrl-C stops)")));
            ShutdownHook hook = ShutdownHook.install(io, server::close);
            try {
                return once ? serveFirst(op, calls, io) : serveAll(op, calls, io);
            } finally {
                hook.close();
            }
        } finally {
            if (auth != null) {
                auth.destroy();
            }
        }
    }

    private InetSocketAddress bind(int p) throws UsageException {
        InetSocketAddress a = new InetSocketAddress(address, p);
        if (a.isUnresolved()) {
            throw new UsageException("--address " + address + " is not a known host name or address");
        }
        return a;
    }

    /** {@code host key SHA256:...} or {@code certificate SHA256:...}: how the user recognizes the device. */
    static String identity(CallHomeDevice d) {
        return (d.transport() == CallHomeDevice.Transport.TLS ? "certificate " : "host key ") + d.fingerprint();
    }

    /** Runs on the server's event thread: tells the user what happens, hands sessions to the serving loop. */
    private static void onEvent(CallHomeEvent e, CallHomeServer server, Trust trust,
                                BlockingQueue<CallHomeEvent> calls, CommandIo io) {
        PrintWriter err = io.err();
        switch (e) {
            case CallHomeEvent.Pending p -> {
                CallHomeDevice d = p.device();
                if (d.identity() instanceof DeviceIdentity.TlsCertificate cert) {
                    if (trust.pins().contains(d.fingerprint())) {
                        try {
                            server.trust(d.fingerprint());
                            return;
                        } catch (IOException | RuntimeException ex) {
                            err.println("homeport: cannot trust " + d.fingerprint() + ": " + ex.getMessage());
                        }
                    } else {
                        err.println("homeport: call home from " + describe(p.source()) + ": unknown certificate "
                                + d.fingerprint() + " (" + cert.subject() + "); not served");
                        err.println("homeport: " + TlsOptions.unknownCertificateHint(d.fingerprint(),
                                cert.subject()));
                    }
                } else {
                    err.println("homeport: call home from " + describe(p.source()) + ": unknown host key "
                            + d.keyType() + " " + d.fingerprint() + "; not served");
                    err.println("homeport: " + HostKeyOptions.unknownKeyHint(d.keyType(), d.fingerprint()));
                }
                server.reject(d.fingerprint());
            }
            case CallHomeEvent.Trusted t -> {
                CallHomeDevice d = t.device();
                String from = "the device calling from " + describe(t.source());
                if (d.identity() instanceof DeviceIdentity.TlsCertificate cert) {
                    if (!trust.pins().contains(d.fingerprint())) {
                        err.println("homeport: " + TlsOptions.trustedNew(trust.certificates(), from,
                                d.fingerprint(), cert.subject()));
                    }
                } else {
                    err.println("homeport: " + HostKeyOptions.trustedNew(trust.hostKeys(), from, d.keyType(),
                            d.fingerprint()));
                }
            }
            case CallHomeEvent.Connected c -> calls.add(c);
            case CallHomeEvent.Refused r -> {
                err.println("homeport: call home from " + describe(r.source())
                        + r.device().map(d -> " (" + identity(d) + ")").orElse("") + " refused: " + r.reason());
                // a trusted device that failed to log in or to say hello ends --once: it was the call we waited for
                if (r.device().isPresent() && r.device().get().state() != CallHomeDevice.State.REFUSED
                        && r.device().get().state() != CallHomeDevice.State.PENDING) {
                    calls.add(r);
                }
            }
            case CallHomeEvent.Disconnected d -> {
                // the serving loop closes sessions itself; an early end shows up as the operation's error
            }
        }
    }

    private static int serveFirst(Operation op, BlockingQueue<CallHomeEvent> calls, CommandIo io) {
        try {
            while (true) {
                CallHomeEvent e = calls.take();
                if (e instanceof CallHomeEvent.Connected c) {
                    io.err().println("call home from " + describe(c.source()) + " " + identity(c.device()));
                    try (NetconfClient client = new NetconfClient(c.session())) {
                        return op.run(client, new ConsoleOutput(io));
                    }
                }
                if (e instanceof CallHomeEvent.Refused) {
                    return ExitCodes.USAGE;
                }
            }
        } catch (InterruptedException e) {
            io.err().println("homeport: stopped before any device called home");
            return ExitCodes.USAGE;
        }
    }

    private int serveAll(Operation op, BlockingQueue<CallHomeEvent> calls, CommandIo io) {
        AtomicInteger worst = new AtomicInteger(ExitCodes.OK);
        ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("homeport-serve-", 0)
                .factory());
        int served = 0;
        try {
            while (exitAfter == null || served < exitAfter) {
                if (calls.take() instanceof CallHomeEvent.Connected c) {
                    served++;
                    workers.execute(() -> worst.accumulateAndGet(serve(op, c, io), Math::max));
                }
            }
            workers.shutdown();
            workers.awaitTermination(Long.MAX_VALUE, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // stopped from outside (a test, an embedding program): end the sessions being served
            workers.shutdownNow();
        }
        return worst.get();
    }

    private static int serve(Operation op, CallHomeEvent.Connected c, CommandIo io) {
        String device = describe(c.source()) + " " + identity(c.device());
        io.err().println("call home from " + device);
        DeviceOutput out = new DeviceOutput(io, "### call home from " + device, device, op.streams());
        int code;
        try (NetconfClient client = new NetconfClient(c.session())) {
            code = op.run(client, out);
        }
        out.flush();
        return code;
    }

    static String describe(InetSocketAddress a) {
        return (a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress()) + ":" + a.getPort();
    }

    /**
     * One device's results: held until its operation is done, then written in one piece after the header, so that
     * concurrent devices never interleave; notifications are written one by one, each after the header.
     */
    private static final class DeviceOutput implements Operation.Output {
        private final CommandIo io;
        private final String header;
        private final String device;
        private final boolean streaming;
        private final StringBuilder held = new StringBuilder();

        DeviceOutput(CommandIo io, String header, String device, boolean streaming) {
            this.io = io;
            this.header = header;
            this.device = device;
            this.streaming = streaming;
        }

        @Override
        public void result(String text) {
            if (streaming) {
                write(text);
            } else {
                held.append(text).append(System.lineSeparator());
            }
        }

        @Override
        public void note(String line) {
            io.err().println("homeport: " + device + ": " + line);
        }

        void flush() {
            if (!held.isEmpty()) {
                write(held.toString().stripTrailing());
                held.setLength(0);
            }
        }

        private void write(String text) {
            PrintWriter out = io.out();
            synchronized (out) {
                out.println(header);
                out.println(text);
                out.flush();
            }
        }
    }
}
