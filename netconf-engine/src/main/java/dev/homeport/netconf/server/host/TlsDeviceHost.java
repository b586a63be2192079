package dev.homeport.netconf.server.host;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.server.NetconfEndpoint;
import dev.homeport.netconf.session.EngineThreads;
import dev.homeport.netconf.transport.NetconfTransport;
import dev.homeport.netconf.transport.tls.CertToName;
import dev.homeport.netconf.transport.tls.CertificateAuthority;
import dev.homeport.netconf.transport.tls.ClientTrust;
import dev.homeport.netconf.transport.tls.TlsIdentity;
import dev.homeport.netconf.transport.tls.TlsServerHandshake;
import dev.homeport.netconf.transport.tls.TlsSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries any number of {@link NetconfEndpoint}s (simulated devices) over NETCONF-over-TLS (RFC 7589) in one JVM:
 * each endpoint can listen on its own address and/or call managers home (RFC 8071 section 4: the device opens the
 * TCP connection and is then the TLS <em>server</em> on it) from its own source address.
 *
 * <p>Every connection is mutually authenticated: the device presents its {@link DeviceTls#identity() certificate},
 * requires a client certificate that its {@link DeviceTls#clientTrust() client trust} accepts, and hands
 * {@link NetconfEndpoint#accept} the user name that {@link DeviceTls#certToName() cert-to-name} maps it to. A refused
 * client gets a TLS alert and is logged; the device's other sessions carry on.
 *
 * <p>Blocking JSSE on virtual threads (as the engine's TLS client): a handshake, a call-home dial and each
 * connection's reader are virtual threads, so an idle device costs memory, not an OS thread. Call homes are scheduled
 * by {@link CallHome} with the same {@link CallHomePolicy} (persistent or periodic, backoff, attempt deadline, idle
 * timeout) as over SSH. Keep-alives are TCP keep-alives with the policy's interval and count: JSSE has no TLS
 * heartbeat, and a NETCONF server has no request its client must answer.
 */
public final class TlsDeviceHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TlsDeviceHost.class);

    /**
     * Tunables of the host.
     *
     * @param tls           handshake timeout, protocol versions, and the TCP connect timeout of call homes (its
     *                      keep-alive fields are replaced by {@code keepAlive} or the call home's policy)
     * @param keepAlive     TCP keep-alives on sessions of listening endpoints (call homes have their own, in the policy)
     * @param acceptBacklog pending TCP connections each listening endpoint queues
     */
    public record Settings(TlsSettings tls, KeepAlive keepAlive, int acceptBacklog) {
        public Settings {
            if (acceptBacklog < 1) {
                throw new IllegalArgumentException("acceptBacklog must be at least 1: " + acceptBacklog);
            }
        }

        /** The engine's TLS defaults (TLS 1.3 and 1.2, 30 s handshake), keep-alives every 30 s, backlog 64. */
        public static Settings defaults() {
            return new Settings(TlsSettings.defaults(), KeepAlive.defaults(), 64);
        }

        public Settings withTls(TlsSettings t) {
            return new Settings(t, keepAlive, acceptBacklog);
        }

        public Settings withKeepAlive(KeepAlive k) {
            return new Settings(tls, k, acceptBacklog);
        }

        TlsSettings tlsWith(KeepAlive k) {
            return tls.withKeepAlive(k.interval(), k.maxMissed());
        }
    }

    /**
     * How one device authenticates itself and its clients.
     *
     * @param identity    the device's key and certificate chain (its certificate first)
     * @param clientTrust which client certificates are accepted
     * @param certToName  which NETCONF user a client is (RFC 7589 section 7)
     */
    public record DeviceTls(TlsIdentity identity, ClientTrust clientTrust, CertToName certToName) {
        /** Clients whose certificate {@code trust} accepts are the user their certificate's CN names. */
        public static DeviceTls of(TlsIdentity identity, ClientTrust trust) {
            return new DeviceTls(identity, trust, CertToName.commonName());
        }

        /**
         * A device of a {@link CertificateAuthority}: a certificate it issues, and clients it issued, named by CN.
         * See {@link CertificateAuthority#identity} for certificates that persist in the CA's folder.
         */
        public static DeviceTls issuedBy(CertificateAuthority ca, TlsIdentity identity) {
            return of(identity, ca.clientTrust());
        }

        /** {@code SHA256:base64} of the device certificate: how managers recognize the device. */
        public String fingerprint() {
            return identity.fingerprint();
        }
    }

    /** An endpoint listening on an address of its own. */
    public final class Listener implements AutoCloseable {
        private final NetconfEndpoint endpoint;
        private final DeviceTls tls;
        private final ServerSocket socket;
        private final InetSocketAddress address;
        private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
        private final AtomicLong refused = new AtomicLong();
        private volatile String lastRefusal;
        private volatile boolean closed;

        private Listener(NetconfEndpoint endpoint, DeviceTls tls, ServerSocket socket) {
            this.endpoint = endpoint;
            this.tls = tls;
            this.socket = socket;
            this.address = (InetSocketAddress) socket.getLocalSocketAddress();
        }

        public NetconfEndpoint endpoint() {
            return endpoint;
        }

        public DeviceTls tls() {
            return tls;
        }

        /** The bound address, with the real port when port 0 was asked for. */
        public InetSocketAddress address() {
            return address;
        }

        /** Connections that failed the TLS handshake or mutual authentication so far. */
        public long refused() {
            return refused.get();
        }

        /** Why the last refused connection was refused. */
        public Optional<String> lastRefusal() {
            return Optional.ofNullable(lastRefusal);
        }

        /** Stops listening and drops the connections this listener accepted. */
        @Override
        public void close() {
            if (!listeners.remove(this)) {
                return;
            }
            closed = true;
            closeQuietly(socket);
            for (Socket s : connections) {
                closeQuietly(s);
            }
        }

        private void acceptLoop() {
            while (!closed) {
                Socket s;
                try {
                    s = socket.accept();
                } catch (IOException e) {
                    if (closed) {
                        return;
                    }
                    LOG.warn("{}: accepting a TLS connection failed: {}", endpoint.name(), e.getMessage());
                    sleepQuietly(); // e.g. out of file descriptors: do not spin
                    continue;
                }
                connections.add(s);
                if (closed) {
                    closeQuietly(s);
                    return;
                }
                Thread.ofVirtual().name("tls-device-" + endpoint.name()).start(() -> serve(s));
            }
        }

        private void serve(Socket s) {
            TlsServerHandshake.Accepted accepted;
            try {
                accepted = TlsServerHandshake.accept(s, tls.identity(), tls.clientTrust(), tls.certToName(),
                        settings.tlsWith(settings.keepAlive()));
            } catch (NetconfException e) {
                connections.remove(s);
                refused.incrementAndGet();
                lastRefusal = e.getMessage();
                LOG.info("{}: {}", endpoint.name(), e.getMessage());
                return;
            }
            NetconfTransport t = new TrackedTransport(accepted.transport(), () -> { },
                    (locally, cause) -> connections.remove(s));
            start(endpoint, t, accepted.username());
        }

        @Override
        public String toString() {
            return endpoint.name() + " on TLS " + address.getAddress().getHostAddress() + ":" + address.getPort();
        }
    }

    private final Settings settings;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final CallHomes callHomes = new CallHomes(EngineThreads.timer());
    private volatile boolean closed;

    private TlsDeviceHost(Settings settings) {
        this.settings = settings;
    }

    /** Starts a host (no sockets yet: add endpoints with {@link #listen} and {@link #callHome}). */
    public static TlsDeviceHost start(Settings settings) {
        return new TlsDeviceHost(settings);
    }

    public static TlsDeviceHost start() {
        return start(Settings.defaults());
    }

    public Settings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- listening endpoints

    /** Listens for TLS clients of {@code endpoint} on {@code address} (port 0 picks a free port). */
    public Listener listen(NetconfEndpoint endpoint, DeviceTls tls, InetSocketAddress address) throws IOException {
        ensureOpen();
        ServerSocket ss = new ServerSocket();
        try {
            ss.bind(address, settings.acceptBacklog());
        } catch (IOException e) {
            ss.close();
            throw new IOException("cannot listen for " + endpoint.name() + " on TLS " + address.getAddress()
                    .getHostAddress() + ":" + address.getPort() + ": " + e.getMessage(), e);
        }
        Listener l = new Listener(endpoint, tls, ss);
        listeners.add(l);
        Thread.ofVirtual().name("tls-device-accept-" + endpoint.name()).start(l::acceptLoop);
        return l;
    }

    public Set<Listener> listeners() {
        return Set.copyOf(listeners);
    }

    // ---------------------------------------------------------------- call home

    /**
     * Calls {@code manager} home over TLS on behalf of {@code endpoint}, from {@code source} (any port), until the
     * returned call home is stopped or this host closes. The first attempt starts at once. An attempt counts as
     * connected once the manager passed mutual authentication.
     */
    public CallHome callHome(NetconfEndpoint endpoint, DeviceTls tls, InetSocketAddress manager, InetAddress source,
                             CallHomePolicy policy) {
        ensureOpen();
        return callHomes.start(endpoint, manager, source, policy, (ch, attempt) -> dial(ch, attempt, tls));
    }

    public Set<CallHome> callHomes() {
        return callHomes.all();
    }

    /** Stops a call home and forgets it. */
    public void remove(CallHome callHome) {
        callHomes.remove(callHome);
    }

    /** Sees every call-home state change, in order per call home, on a worker thread. */
    public void addCallHomeListener(Consumer<CallHome.Change> listener) {
        callHomes.addListener(listener);
    }

    public void removeCallHomeListener(Consumer<CallHome.Change> listener) {
        callHomes.removeListener(listener);
    }

    /** The TLS dialer: TCP from the source address, then the TLS server handshake, on one virtual thread. */
    private void dial(CallHome ch, CallHome.Attempt attempt, DeviceTls tls) {
        Socket tcp = new Socket();
        attempt.onClose(() -> closeQuietly(tcp));
        Thread.ofVirtual().name("tls-callhome-" + ch.endpoint().name()).start(() -> {
            String from = ch.source().getHostAddress();
            try {
                tcp.bind(new InetSocketAddress(ch.source(), 0));
                tcp.connect(ch.manager(), (int) settings.tls().connectTimeout().toMillis());
            } catch (SocketTimeoutException e) {
                closeQuietly(tcp);
                attempt.ended("cannot connect from " + from + ": no answer within "
                        + settings.tls().connectTimeout().toSeconds() + " s");
                return;
            } catch (IOException | RuntimeException e) {
                closeQuietly(tcp);
                attempt.ended("cannot connect from " + from + ": " + e.getMessage());
                return;
            }
            TlsServerHandshake.Accepted accepted;
            try {
                accepted = TlsServerHandshake.accept(tcp, tls.identity(), tls.clientTrust(), tls.certToName(),
                        settings.tlsWith(ch.policy().keepAlive()));
            } catch (NetconfException e) {
                LOG.info("{}: calling {} home: {}", ch.endpoint().name(), where(ch.manager()), e.getMessage());
                attempt.ended(e.getMessage());
                return;
            }
            NetconfTransport t = new TrackedTransport(accepted.transport(), attempt::activity, (locally, cause) ->
                    attempt.ended(cause != null ? "connection lost: " + cause.getMessage()
                            : locally ? "the device closed the connection" : "the manager closed the connection"));
            attempt.onClose(t::close);
            attempt.established(tcp.getLocalSocketAddress() instanceof InetSocketAddress isa ? isa : null);
            start(ch.endpoint(), t, accepted.username());
        });
    }

    /** Hands an authenticated connection to its endpoint (on the caller's virtual thread). */
    private static void start(NetconfEndpoint endpoint, NetconfTransport transport, String username) {
        try {
            endpoint.accept(transport, username);
        } catch (RuntimeException e) {
            LOG.warn("{} failed to start a NETCONF session", endpoint.name(), e);
            transport.close();
        }
    }

    // ---------------------------------------------------------------- life cycle

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the device host is closed");
        }
    }

    /** Stops every call home, closes every listener and the connections they accepted. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        callHomes.stopAll("the device host closed");
        for (Listener l : List.copyOf(listeners)) {
            l.close();
        }
    }

    private static String where(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
