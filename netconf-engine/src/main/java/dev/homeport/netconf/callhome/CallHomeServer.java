package dev.homeport.netconf.callhome;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.callhome.CallHomeDevice.State;
import dev.homeport.netconf.session.EngineThreads;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SerialExecutor;
import dev.homeport.netconf.transport.ssh.HostKeys;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.transport.ssh.SshTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 8071 Call Home listener: devices open the TCP connection, and the manager then runs the SSH client on it.
 *
 * <p>Each device is identified by its host key. A trusted device is authenticated with its own credentials and
 * gets a {@link NetconfSession}. An unknown device is held as pending, and is sent no credentials at all, until the
 * application trusts or rejects it, or the pending timeout passes. A device whose key differs from the one trusted
 * for its address is refused. Source addresses that fail repeatedly are blocked for a while. A device that calls
 * again replaces its earlier session.
 */
public final class CallHomeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallHomeServer.class);
    private static final AttributeKey<Attempt> ATTEMPT = new AttributeKey<>();

    /** One incoming connection, from accept to session (or refusal). */
    private static final class Attempt {
        final InetSocketAddress source;
        final AtomicBoolean started = new AtomicBoolean();
        final CompletableFuture<Boolean> decision = new CompletableFuture<>();
        volatile boolean counted;
        volatile CallHomeDevice device;
        volatile PublicKey key;
        volatile CallHomeTrust.Verdict verdict;

        Attempt(InetSocketAddress source) {
            this.source = source;
        }
    }

    private final CallHomeSettings settings;
    private final CallHomeTrust trust;
    private final CredentialsProvider credentials;
    private final FailureTracker failures;
    private final Map<String, CallHomeDevice> devices = new ConcurrentHashMap<>();
    private final Map<String, Collection<Attempt>> held = new ConcurrentHashMap<>();
    private final List<Consumer<CallHomeEvent>> listeners = new CopyOnWriteArrayList<>();
    private final SerialExecutor events = new SerialExecutor(EngineThreads.workers());
    private final AtomicInteger active = new AtomicInteger();
    private SshClient client;
    private IoAcceptor acceptor;
    private volatile InetSocketAddress sshBound;

    public CallHomeServer(CallHomeSettings settings, CallHomeTrust trust, CredentialsProvider credentials) {
        this.settings = settings;
        this.trust = trust;
        this.credentials = credentials;
        this.failures = new FailureTracker(settings.maxFailures(), settings.failureWindow(), settings.blockDuration(),
                Clock.systemUTC());
    }

    public void addListener(Consumer<CallHomeEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<CallHomeEvent> listener) {
        listeners.remove(listener);
    }

    /** Binds the listeners. Fails with a clear message when the address is taken or not allowed. */
    public synchronized void start() throws IOException {
        if (client != null) {
            return;
        }
        if (settings.sshAddress() == null) {
            throw new IllegalStateException("no call-home address configured");
        }
        SshClient c = SshClient.setUpDefaultClient();
        SshConnector.applySettings(c, settings.ssh());
        c.setServerKeyVerifier(this::verifyKey);
        c.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                onCreated((ClientSession) session);
            }

            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.KeyEstablished) {
                    onKeyEstablished((ClientSession) session);
                }
            }

            @Override
            public void sessionClosed(Session session) {
                Attempt a = session.getAttribute(ATTEMPT);
                if (a != null) {
                    a.decision.complete(false);
                    if (a.counted) {
                        a.counted = false;
                        active.decrementAndGet();
                    }
                    if (a.device != null) {
                        Collection<Attempt> h = held.get(a.device.fingerprint());
                        if (h != null) {
                            h.remove(a);
                        }
                    }
                }
            }
        });
        // Devices call back together (after an outage, a manager restart): the JDK's default accept backlog of 50
        // overflows, and each dropped SYN costs its device a 1 s, then 3 s... TCP retransmission.
        CoreModuleProperties.SOCKET_BACKLOG.set(c, Math.clamp(settings.maxSessions(), 50, 4096));
        c.start();
        IoAcceptor acc = c.getIoServiceFactory().createAcceptor(c.getSessionFactory());
        try {
            acc.bind(settings.sshAddress());
        } catch (IOException e) {
            c.stop();
            throw new IOException("cannot listen for SSH call home on " + describe(settings.sshAddress()) + ": "
                    + e.getMessage(), e);
        }
        this.client = c;
        this.acceptor = acc;
        this.sshBound = (InetSocketAddress) acc.getBoundAddresses().iterator().next();
        LOG.info("listening for SSH call home on {}", describe(sshBound));
    }

    /** The bound SSH address (with the real port when 0 was asked for). */
    public InetSocketAddress sshAddress() {
        return sshBound;
    }

    public boolean isRunning() {
        return acceptor != null;
    }

    /** Stops accepting and closes every call-home session. */
    @Override
    public synchronized void close() {
        if (acceptor != null) {
            acceptor.close(true);
            acceptor = null;
        }
        for (CallHomeDevice d : devices.values()) {
            d.session().ifPresent(NetconfSession::abort);
        }
        if (client != null) {
            client.stop();
            client = null;
        }
    }

    // ---------------------------------------------------------------- application decisions

    /** All devices seen or trusted, newest first. */
    public List<CallHomeDevice> devices() {
        List<CallHomeDevice> out = new ArrayList<>(devices.values());
        out.sort((a, b) -> b.lastSeen().compareTo(a.lastSeen()));
        return out;
    }

    public Optional<CallHomeDevice> device(String fingerprint) {
        return Optional.ofNullable(devices.get(fingerprint));
    }

    /** Trusts a pending device; a connection held for it proceeds at once, otherwise its next call is accepted. */
    public void trust(String fingerprint) throws IOException {
        CallHomeDevice d = devices.get(fingerprint);
        if (d == null) {
            throw new IllegalArgumentException("no device with fingerprint " + fingerprint);
        }
        Collection<Attempt> waiting = held.getOrDefault(fingerprint, List.of());
        Attempt any = waiting.stream().filter(a -> a.key != null).findFirst().orElse(null);
        if (any != null) {
            trust.trust(any.source, any.key);
        } else if (d.publicKey != null) {
            trust.trust(d.lastAddress(), d.publicKey);
        }
        d.state(State.OFFLINE);
        emit(new CallHomeEvent.Trusted(d, d.lastAddress()));
        for (Attempt a : List.copyOf(waiting)) {
            a.decision.complete(true);
        }
    }

    /** Rejects a device: its connections are closed now and refused in future. */
    public void reject(String fingerprint) {
        trust.reject(fingerprint);
        CallHomeDevice d = devices.get(fingerprint);
        if (d != null) {
            d.refused("rejected by the user");
            d.session().ifPresent(NetconfSession::abort);
        }
        for (Attempt a : List.copyOf(held.getOrDefault(fingerprint, List.of()))) {
            a.decision.complete(false);
        }
    }

    /** Drops a device from the list (a pending one may call again and be pending again). */
    public void forget(String fingerprint) {
        CallHomeDevice d = devices.remove(fingerprint);
        if (d != null) {
            d.session().ifPresent(NetconfSession::abort);
        }
    }

    /** Sessions currently counted against {@link CallHomeSettings#maxSessions()}. */
    public int activeSessions() {
        return active.get();
    }

    // ---------------------------------------------------------------- connection life cycle

    private void onCreated(ClientSession session) {
        SocketAddress remote = session.getRemoteAddress();
        InetSocketAddress source = remote instanceof InetSocketAddress isa ? isa : new InetSocketAddress(0);
        Attempt a = new Attempt(source);
        session.setAttribute(ATTEMPT, a);
        Optional<Instant> blocked = failures.blocked(source.getAddress());
        if (blocked.isPresent()) {
            refuse(session, a, "address " + source.getAddress().getHostAddress() + " is blocked until "
                    + blocked.get() + " after repeated failures", false);
            return;
        }
        if (active.incrementAndGet() > settings.maxSessions()) {
            active.decrementAndGet();
            refuse(session, a, "session limit of " + settings.maxSessions() + " reached", false);
            return;
        }
        a.counted = true;
    }

    /** Runs during key exchange on an I/O thread: classify only, decide nothing that blocks. */
    private boolean verifyKey(ClientSession session, SocketAddress remote, PublicKey key) {
        Attempt a = session.getAttribute(ATTEMPT);
        if (a == null || session.isClosing()) {
            return false;
        }
        if (a.key != null) {
            // re-key: the host key must not change within a session
            return HostKeys.same(a.key, key);
        }
        a.key = key;
        String fp = HostKeys.fingerprint(key);
        CallHomeTrust.Verdict v = trust.classify(a.source, key);
        a.verdict = v;
        CallHomeDevice d = devices.compute(fp, (k, old) -> {
            CallHomeDevice dev = old != null ? old
                    : new CallHomeDevice(fp, HostKeys.type(key), CallHomeDevice.Transport.SSH, a.source,
                    v instanceof CallHomeTrust.Trusted ? State.OFFLINE : State.PENDING);
            dev.publicKey = key;
            dev.seen(a.source);
            return dev;
        });
        a.device = d;
        switch (v) {
            case CallHomeTrust.Changed c -> {
                String why = "HOST KEY CHANGED for call-home device at " + a.source.getAddress().getHostAddress()
                        + ": it offered " + fp + " but " + String.join(", ", c.expectedFingerprints())
                        + " is trusted for that address; refused";
                d.refused(why);
                failed(a);
                emit(new CallHomeEvent.Refused(Optional.of(d), a.source, why));
                return false;
            }
            case CallHomeTrust.Rejected r -> {
                d.refused(r.reason());
                failed(a);
                emit(new CallHomeEvent.Refused(Optional.of(d), a.source, r.reason()));
                return false;
            }
            case CallHomeTrust.Unknown u -> {
                if (!trust.acceptsNew()) {
                    long pending = devices.values().stream().filter(x -> x.state() == State.PENDING).count();
                    if (d.state() != State.PENDING) {
                        d.state(State.PENDING);
                    }
                    if (pending > settings.maxPending()) {
                        evictStalePending();
                        if (devices.values().stream().filter(x -> x.state() == State.PENDING).count()
                                > settings.maxPending()) {
                            devices.remove(fp, d);
                            emit(new CallHomeEvent.Refused(Optional.empty(), a.source,
                                    "too many devices awaiting approval (" + settings.maxPending() + ")"));
                            return false;
                        }
                    }
                }
                return true;
            }
            case CallHomeTrust.Trusted t -> {
                return true;
            }
        }
    }

    private void onKeyEstablished(ClientSession session) {
        Attempt a = session.getAttribute(ATTEMPT);
        if (a == null || a.device == null || !a.started.compareAndSet(false, true)) {
            return;
        }
        EngineThreads.workers().execute(() -> establish(session, a));
    }

    private void establish(ClientSession session, Attempt a) {
        CallHomeDevice d = a.device;
        String peer = a.source.getAddress().getHostAddress() + ":" + a.source.getPort();
        try {
            if (a.verdict instanceof CallHomeTrust.Unknown) {
                if (trust.acceptsNew()) {
                    trust.trust(a.source, a.key);
                    emit(new CallHomeEvent.Trusted(d, a.source));
                } else if (!awaitDecision(session, a)) {
                    return;
                }
            }
            Optional<SshAuth> auth = credentials.credentialsFor(d);
            if (auth.isEmpty()) {
                refuse(session, a, "no credentials configured for device " + d.fingerprint(), false);
                d.state(State.OFFLINE);
                return;
            }
            d.state(State.CONNECTING);
            SshConnector.authenticate(session, auth.get(), peer, settings.ssh().authTimeout());
            SshTransport transport = SshTransport.open(session, peer, settings.ssh().connectTimeout());
            NetconfSession ns = NetconfSession.open(transport, settings.session());
            Optional<NetconfSession> previous = d.session();
            d.session(ns);
            d.state(State.CONNECTED);
            failures.succeeded(a.source.getAddress());
            previous.ifPresent(p -> {
                LOG.info("{} called home again; its previous session is replaced", d.fingerprint());
                p.abort();
            });
            ns.closeFuture().thenAccept(reason -> {
                if (d.session().isEmpty() || d.session().get() == ns) {
                    if (d.state() == State.CONNECTED) {
                        d.state(State.OFFLINE);
                    }
                }
                emit(new CallHomeEvent.Disconnected(d, a.source, reason.description()));
            });
            emit(new CallHomeEvent.Connected(d, a.source, ns));
        } catch (IOException e) {
            if (d.state() == State.CONNECTING) {
                d.state(State.OFFLINE);
            }
            refuse(session, a, e.getMessage(), true);
        } catch (RuntimeException e) {
            LOG.warn("call home from {} failed", peer, e);
            refuse(session, a, "internal error: " + e, true);
        }
    }

    /** Holds an unknown device until the application decides; true if it was trusted. */
    private boolean awaitDecision(ClientSession session, Attempt a) {
        CallHomeDevice d = a.device;
        held.computeIfAbsent(d.fingerprint(), k -> new CopyOnWriteArrayList<>()).add(a);
        try {
            if (d.state() != State.PENDING) {
                // trusted between key exchange and now
                if (d.state() != State.REFUSED) {
                    return true;
                }
            }
            emit(new CallHomeEvent.Pending(d, a.source));
            boolean yes = a.decision.get(settings.pendingTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!yes) {
                if (d.state() == State.REFUSED) {
                    // rejected while held: report it like any other refusal (a device that hung up was not refused)
                    refuse(session, a, d.refusal().orElse("device " + d.fingerprint() + " was rejected"), false);
                } else {
                    session.close(true);
                }
            }
            return yes;
        } catch (TimeoutException e) {
            LOG.info("device {} from {} was not trusted within {} s; connection dropped, device stays pending",
                    d.fingerprint(), a.source, settings.pendingTimeout().toSeconds());
            session.close(true);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.close(true);
            return false;
        } catch (ExecutionException e) {
            session.close(true);
            return false;
        } finally {
            Collection<Attempt> h = held.get(d.fingerprint());
            if (h != null) {
                h.remove(a);
            }
        }
    }

    private void evictStalePending() {
        Instant cutoff = Instant.now().minus(settings.pendingTimeout());
        devices.values().removeIf(d -> d.state() == State.PENDING && d.lastSeen().isBefore(cutoff)
                && held.getOrDefault(d.fingerprint(), List.of()).isEmpty());
    }

    private void refuse(ClientSession session, Attempt a, String why, boolean countFailure) {
        if (countFailure) {
            failed(a);
        }
        LOG.info("call home from {} refused: {}", a.source, why);
        emit(new CallHomeEvent.Refused(Optional.ofNullable(a.device), a.source, why));
        session.close(true);
    }

    private void failed(Attempt a) {
        if (failures.failed(a.source.getAddress())) {
            LOG.warn("blocking {} for {} s after repeated call-home failures", a.source.getAddress().getHostAddress(),
                    settings.blockDuration().toSeconds());
        }
    }

    private void emit(CallHomeEvent e) {
        events.execute(() -> {
            for (Consumer<CallHomeEvent> l : listeners) {
                try {
                    l.accept(e);
                } catch (RuntimeException ex) {
                    LOG.warn("call-home listener failed", ex);
                }
            }
        });
    }

    private static String describe(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }
}
