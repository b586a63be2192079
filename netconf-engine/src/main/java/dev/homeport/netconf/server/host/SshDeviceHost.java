package dev.homeport.netconf.server.host;

import dev.homeport.netconf.server.NetconfEndpoint;
import dev.homeport.netconf.session.EngineThreads;
import dev.homeport.netconf.session.SerialExecutor;
import dev.homeport.netconf.transport.NetconfTransport;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.transport.ssh.SshSubsystemTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.Factory;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.io.IoConnectFuture;
import org.apache.sshd.common.io.IoConnector;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoServiceFactory;
import org.apache.sshd.common.io.IoServiceFactoryFactory;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactory;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.Readable;
import org.apache.sshd.common.util.threads.CloseableExecutorService;
import org.apache.sshd.common.util.threads.NoCloseExecutor;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.session.ServerSessionImpl;
import org.apache.sshd.server.session.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries any number of {@link NetconfEndpoint}s (simulated devices) over SSH in one JVM: ONE MINA server, one I/O
 * thread pool of bounded size, whatever the number of devices. Each endpoint can listen on its own address and/or
 * call managers home (RFC 8071) from its own source address.
 *
 * <p>Every connection is bound to its endpoint from the first byte: an acceptor per listening endpoint tags the
 * connections it accepts, and a call-home connection carries its endpoint in the connect context. The SSH session
 * then offers that endpoint's host key, asks that endpoint to check logins, and hands the "netconf" subsystem to
 * {@link NetconfEndpoint#accept}.
 *
 * <p>A TLS host (RFC 7589, and RFC 8071 over TLS) would sit beside this one and reuse {@link CallHome} and
 * {@link CallHomePolicy} unchanged, with its own {@link CallHome.Dialer}.
 */
public final class SshDeviceHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SshDeviceHost.class);
    /** Which endpoint (and call-home attempt) a connection serves: on the SSH session, and on the connection. */
    static final AttributeKey<Binding> BINDING = new AttributeKey<>();

    /**
     * Tunables of the host.
     *
     * @param ioThreads      MINA's NIO2 worker threads for all endpoints (plus one MINA timer thread; MINA's waits
     *                       for outgoing connects run on the engine's virtual threads)
     * @param authTimeout    how long a client may take to log in
     * @param keepAlive      keep-alives on sessions of listening endpoints (call homes have their own, in the policy)
     * @param readBufferSize bytes each connection reads from its socket at a time; MINA keeps this buffer for the
     *                       connection's life, so it is a good part of an idle device's memory
     * @param keyExchanges   the SSH key exchange algorithms offered, in order of preference; empty offers MINA's
     *                       defaults (which put sntrup761x25519-sha512 first when Bouncy Castle is on the class path)
     */
    public record Settings(int ioThreads, Duration authTimeout, KeepAlive keepAlive, int readBufferSize,
                           List<String> keyExchanges) {
        public Settings {
            if (ioThreads < 1) {
                throw new IllegalArgumentException("ioThreads must be at least 1: " + ioThreads);
            }
            if (readBufferSize < 1024) {
                throw new IllegalArgumentException("readBufferSize must be at least 1024: " + readBufferSize);
            }
            keyExchanges = List.copyOf(keyExchanges);
        }

        /** As many I/O threads as cores, 2 min to log in, keep-alives every 30 s, 8 KiB read buffers. */
        public static Settings defaults() {
            return new Settings(Runtime.getRuntime().availableProcessors(), Duration.ofMinutes(2),
                    KeepAlive.defaults(), 8 * 1024, List.of());
        }

        public Settings withIoThreads(int n) {
            return new Settings(n, authTimeout, keepAlive, readBufferSize, keyExchanges);
        }

        public Settings withKeepAlive(KeepAlive k) {
            return new Settings(ioThreads, authTimeout, k, readBufferSize, keyExchanges);
        }

        public Settings withReadBufferSize(int bytes) {
            return new Settings(ioThreads, authTimeout, keepAlive, bytes, keyExchanges);
        }

        public Settings withKeyExchanges(List<String> names) {
            return new Settings(ioThreads, authTimeout, keepAlive, readBufferSize, names);
        }
    }

    /** What a connection serves. {@code attempt} is null for connections accepted by a listening endpoint. */
    record Binding(NetconfEndpoint endpoint, KeepAlive keepAlive, CallHome.Attempt attempt) {
    }

    /** An endpoint listening on an address of its own. */
    public final class Listener implements AutoCloseable {
        private final NetconfEndpoint endpoint;
        private final IoAcceptor acceptor;
        private final InetSocketAddress address;

        private Listener(NetconfEndpoint endpoint, IoAcceptor acceptor, InetSocketAddress address) {
            this.endpoint = endpoint;
            this.acceptor = acceptor;
            this.address = address;
        }

        public NetconfEndpoint endpoint() {
            return endpoint;
        }

        /** The bound address, with the real port when port 0 was asked for. */
        public InetSocketAddress address() {
            return address;
        }

        /** Stops listening and drops the sessions this listener accepted. */
        @Override
        public void close() {
            if (listeners.remove(this)) {
                acceptor.close(true);
            }
        }

        @Override
        public String toString() {
            return endpoint.name() + " on " + address.getAddress().getHostAddress() + ":" + address.getPort();
        }
    }

    private final Settings settings;
    private final HostServer server;
    private final SessionFactory sessionFactory;
    private final IoConnector connector;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final Set<CallHome> callHomes = ConcurrentHashMap.newKeySet();
    private final List<Consumer<CallHome.Change>> changeListeners = new CopyOnWriteArrayList<>();
    /** Delivers call-home state changes in order, off the I/O threads. */
    private final SerialExecutor changes = new SerialExecutor(EngineThreads.workers());
    private final Clock clock = Clock.systemUTC();
    private volatile boolean closed;

    private SshDeviceHost(Settings settings) {
        this.settings = settings;
        this.server = (HostServer) ServerBuilder.builder().factory(HostServer::new).build();
        server.setIoServiceFactoryFactory(new IoServiceFactoryFactory() {
            @Override
            public IoServiceFactory create(FactoryManager manager) {
                // MINA waits for each outgoing TCP connect on a thread of its "resume" pool (fixed, NIO_WORKERS
                // threads): with a few threads, thousands of devices calling an unreachable manager would wait
                // in line for each other's connect timeouts. Virtual threads wait for free.
                return new Nio2ServiceFactory(manager, null, new NoCloseExecutor(EngineThreads.workers()));
            }

            @Override
            public void setExecutorServiceFactory(Factory<CloseableExecutorService> factory) {
                throw new UnsupportedOperationException("the device host chooses its own executors");
            }
        });
        CoreModuleProperties.NIO_WORKERS.set(server, settings.ioThreads());
        CoreModuleProperties.AUTH_TIMEOUT.set(server, settings.authTimeout());
        CoreModuleProperties.NIO2_READ_BUFFER_SIZE.set(server, settings.readBufferSize());
        if (!settings.keyExchanges().isEmpty()) {
            server.setKeyExchangeFactories(chosen(server.getKeyExchangeFactories(), settings.keyExchanges()));
        }
        server.setKeyPairProvider(new EndpointHostKeys());
        server.setPasswordAuthenticator((user, password, session) ->
                endpointOf(session).authenticatePassword(user, password));
        server.setPublickeyAuthenticator((user, key, session) -> endpointOf(session).authenticatePublicKey(user, key));
        server.setSubsystemFactories(List.of(SshSubsystemTransport.factory(this::netconfStarted)));
        server.addSessionListener(new SessionEvents());
        this.sessionFactory = new BindingSessionFactory(server);
        server.prepare(sessionFactory);
        this.connector = server.getIoServiceFactory().createConnector(sessionFactory);
    }

    /** Starts a host (no sockets yet: add endpoints with {@link #listen} and {@link #callHome}). */
    public static SshDeviceHost start(Settings settings) {
        return new SshDeviceHost(settings);
    }

    public static SshDeviceHost start() {
        return start(Settings.defaults());
    }

    public Settings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- listening endpoints

    /** Listens for SSH clients of {@code endpoint} on {@code address} (port 0 picks a free port). */
    public Listener listen(NetconfEndpoint endpoint, InetSocketAddress address) throws IOException {
        ensureOpen();
        IoAcceptor acceptor = server.getIoServiceFactory().createAcceptor(
                new BindingIoHandler(sessionFactory, new Binding(endpoint, settings.keepAlive(), null)));
        try {
            acceptor.bind(address);
        } catch (IOException e) {
            acceptor.close(true);
            throw new IOException("cannot listen for " + endpoint.name() + " on " + address.getAddress()
                    .getHostAddress() + ":" + address.getPort() + ": " + e.getMessage(), e);
        }
        InetSocketAddress bound = (InetSocketAddress) acceptor.getBoundAddresses().iterator().next();
        Listener l = new Listener(endpoint, acceptor, bound);
        listeners.add(l);
        return l;
    }

    public Set<Listener> listeners() {
        return Set.copyOf(listeners);
    }

    // ---------------------------------------------------------------- call home

    /**
     * Calls {@code manager} home on behalf of {@code endpoint}, from {@code source} (any port), until the returned
     * call home is stopped or this host closes. The first attempt starts at once.
     */
    public CallHome callHome(NetconfEndpoint endpoint, InetSocketAddress manager, InetAddress source,
                             CallHomePolicy policy) {
        ensureOpen();
        // ThreadLocalRandom's methods use the state of whichever thread calls them, so one instance serves all threads
        CallHome ch = new CallHome(endpoint, manager, source, policy, this::dial, server.getScheduledExecutorService(),
                clock, ThreadLocalRandom.current(), this::changed);
        callHomes.add(ch);
        ch.start();
        return ch;
    }

    public Set<CallHome> callHomes() {
        return Set.copyOf(callHomes);
    }

    /** Stops a call home and forgets it. */
    public void remove(CallHome callHome) {
        callHome.stop();
        callHomes.remove(callHome);
    }

    /** Sees every call-home state change, in order per call home, on a worker thread (never an I/O thread). */
    public void addCallHomeListener(Consumer<CallHome.Change> listener) {
        changeListeners.add(listener);
    }

    public void removeCallHomeListener(Consumer<CallHome.Change> listener) {
        changeListeners.remove(listener);
    }

    private void changed(CallHome.Change change) {
        if (changeListeners.isEmpty()) {
            return;
        }
        changes.execute(() -> {
            for (Consumer<CallHome.Change> l : changeListeners) {
                try {
                    l.accept(change);
                } catch (RuntimeException e) {
                    LOG.warn("call-home listener failed", e);
                }
            }
        });
    }

    /** The SSH dialer: a TCP connection from the source address through the server's connector. */
    private void dial(CallHome ch, CallHome.Attempt attempt) {
        Binding binding = new Binding(ch.endpoint(), ch.policy().keepAlive(), attempt);
        IoConnectFuture f = connector.connect(ch.manager(), AttributeRepository.ofKeyValuePair(BINDING, binding),
                new InetSocketAddress(ch.source(), 0));
        attempt.onClose(f::cancel);
        f.addListener(done -> {
            if (done.isConnected()) {
                IoSession io = done.getSession();
                attempt.onClose(() -> io.close(true));
                io.addCloseFutureListener(c -> attempt.ended("connection closed"));
            } else if (done.isCanceled()) {
                attempt.ended("connection attempt abandoned");
            } else {
                Throwable t = done.getException();
                attempt.ended("cannot connect from " + ch.source().getHostAddress() + ": "
                        + (t == null ? "unknown error" : SshConnector.message(t)));
            }
        });
    }

    // ---------------------------------------------------------------- SSH plumbing

    /** The subsystem was opened: the manager (or client) is ready for NETCONF. */
    private void netconfStarted(SshSubsystemTransport transport) {
        ServerSession session = transport.sshSession();
        Binding b = session == null ? null : session.getAttribute(BINDING);
        if (b == null) {
            transport.close();
            return;
        }
        NetconfTransport carried = transport;
        if (b.attempt() != null) {
            carried = new ActivityTrackingTransport(transport, b.attempt());
            SocketAddress local = session.getIoSession().getLocalAddress();
            b.attempt().established(local instanceof InetSocketAddress isa ? isa : null);
        }
        NetconfTransport t = carried;
        // off the I/O thread: the endpoint writes its hello synchronously, and must not hold up other devices
        EngineThreads.workers().execute(() -> {
            try {
                b.endpoint().accept(t, transport.username());
            } catch (RuntimeException e) {
                LOG.warn("{} failed to start a NETCONF session", b.endpoint().name(), e);
                transport.close();
            }
        });
    }

    private static List<KeyExchangeFactory> chosen(List<KeyExchangeFactory> available, List<String> names) {
        List<KeyExchangeFactory> out = new ArrayList<>();
        for (String name : names) {
            out.add(available.stream().filter(f -> f.getName().equals(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("unknown or unsupported SSH key exchange '" + name + "'; available: "
                            + NamedResource.getNames(available))));
        }
        return out;
    }

    private static NetconfEndpoint endpointOf(SessionContext session) {
        Binding b = bindingOf(session);
        if (b == null) {
            throw new IllegalStateException("SSH session " + session + " serves no endpoint");
        }
        return b.endpoint();
    }

    private static Binding bindingOf(SessionContext session) {
        Binding b = session.getAttribute(BINDING);
        if (b == null && session instanceof Session s) {
            b = bindingOf(s.getIoSession());
        }
        return b;
    }

    /** From the acceptor's tag or the connector's context. */
    private static Binding bindingOf(IoSession io) {
        if (io == null) {
            return null;
        }
        if (io.getAttribute(BINDING) instanceof Binding b) {
            return b;
        }
        return io.getAttribute(AttributeRepository.class) instanceof AttributeRepository ctx
                ? ctx.getAttribute(BINDING) : null;
    }

    /** Offers the host key of the session's endpoint, and only that. */
    private static final class EndpointHostKeys implements KeyPairProvider {
        @Override
        public Iterable<KeyPair> loadKeys(SessionContext session) {
            Binding b = session == null ? null : bindingOf(session);
            return b == null ? List.of() : List.of(b.endpoint().hostKey());
        }
    }

    /** Puts the binding on the SSH session as it is created, before any key exchange. */
    private static final class BindingSessionFactory extends SessionFactory {
        BindingSessionFactory(HostServer server) {
            super(server);
        }

        @Override
        protected ServerSessionImpl setupSession(ServerSessionImpl session) throws Exception {
            Binding b = bindingOf(session.getIoSession());
            if (b == null) {
                throw new IllegalStateException("connection " + session.getIoSession() + " serves no endpoint");
            }
            session.setAttribute(BINDING, b);
            return super.setupSession(session);
        }
    }

    /** The connections of one listening endpoint: tags each with the endpoint, then lets MINA handle it. */
    private record BindingIoHandler(IoHandler delegate, Binding binding) implements IoHandler {
        @Override
        public void sessionCreated(IoSession session) throws Exception {
            session.setAttribute(BINDING, binding);
            delegate.sessionCreated(session);
        }

        @Override
        public void sessionClosed(IoSession session) throws Exception {
            delegate.sessionClosed(session);
        }

        @Override
        public void exceptionCaught(IoSession session, Throwable cause) throws Exception {
            delegate.exceptionCaught(session, cause);
        }

        @Override
        public void messageReceived(IoSession session, Readable message) throws Exception {
            delegate.messageReceived(session, message);
        }
    }

    /** Starts keep-alives once logged in; remembers why a call-home connection ends. */
    private final class SessionEvents implements SessionListener {
        @Override
        public void sessionEvent(Session session, Event event) {
            if (event == Event.Authenticated) {
                Binding b = session.getAttribute(BINDING);
                if (b != null) {
                    SshKeepAlive.start(session, b.keepAlive(), server.getScheduledExecutorService(), why -> {
                        LOG.info("{}: closing the session with {}: {}", b.endpoint().name(),
                                session.getRemoteAddress(), why);
                        if (b.attempt() != null) {
                            b.attempt().noteReason(why);
                        }
                    });
                }
            }
        }

        @Override
        public void sessionException(Session session, Throwable t) {
            Binding b = session.getAttribute(BINDING);
            if (b != null && b.attempt() != null) {
                b.attempt().noteReason(SshConnector.message(t));
            }
        }

        @Override
        public void sessionDisconnect(Session session, int reason, String msg, String language, boolean initiator) {
            Binding b = session.getAttribute(BINDING);
            if (b != null && b.attempt() != null) {
                b.attempt().noteReason((initiator ? "disconnected: " : "the manager disconnected: ") + msg);
            }
        }
    }

    /** Marks a call-home connection active whenever NETCONF bytes pass, for the periodic idle timeout. */
    private record ActivityTrackingTransport(NetconfTransport delegate, CallHome.Attempt attempt)
            implements NetconfTransport {
        @Override
        public void start(Receiver receiver) {
            delegate.start(new Receiver() {
                @Override
                public void onBytes(ByteBuffer data) {
                    attempt.activity();
                    receiver.onBytes(data);
                }

                @Override
                public void onClosed(Throwable cause) {
                    receiver.onClosed(cause);
                }
            });
        }

        @Override
        public void send(byte[] bytes) throws IOException {
            attempt.activity();
            delegate.send(bytes);
        }

        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public String peer() {
            return delegate.peer();
        }

        @Override
        public String peerIdentity() {
            return delegate.peerIdentity();
        }
    }

    /** One MINA server that never binds by itself: acceptors and the connector are made per use. */
    static final class HostServer extends SshServer {
        void prepare(SessionFactory factory) {
            checkConfig();
            setSessionFactory(factory);
            setupSessionTimeout(factory);
        }
    }

    // ---------------------------------------------------------------- life cycle

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the device host is closed");
        }
    }

    /** Stops every call home, closes every listener and connection, and ends the I/O threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (CallHome ch : callHomes) {
            ch.stop("the device host closed");
        }
        callHomes.clear();
        for (Listener l : List.copyOf(listeners)) {
            l.close();
        }
        connector.close(true);
        try {
            server.close(true).await(Duration.ofSeconds(10));
        } catch (IOException e) {
            LOG.warn("device host did not stop cleanly: {}", e.getMessage());
        }
    }
}
