package dev.homeport.netconf.callhome;

import dev.homeport.netconf.callhome.CallHomeDevice.State;
import dev.homeport.netconf.session.EngineThreads;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SerialExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 8071 Call Home listener: devices open the TCP connection, and the manager then runs the SSH client (port 4334)
 * or the TLS client (port 4335) on it.
 *
 * <p>Each device is identified by its host key or certificate. A trusted device is authenticated with its own
 * credentials and gets a {@link NetconfSession}. An unknown device is held as pending, and is sent no credentials at
 * all, until the application trusts or rejects it, or the pending timeout passes. A device whose key or certificate
 * differs from the one trusted for its address is refused. Source addresses that fail repeatedly are blocked for a
 * while. A device that calls again replaces its earlier session.
 *
 * <p>This class holds what both transports share (devices, decisions, limits, events); {@link SshCallHomeAcceptor}
 * and {@link TlsCallHomeAcceptor} run the transports and call in at the same points of a connection's life.
 */
public final class CallHomeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallHomeServer.class);

    /** One incoming connection, from accept to session (or refusal). */
    static final class Attempt {
        final InetSocketAddress source;
        /** Drops the connection. */
        final Runnable closer;
        final AtomicBoolean started = new AtomicBoolean();
        final AtomicBoolean counted = new AtomicBoolean();
        /** Its outcome (a refusal, or a pending device dropped) has been handled and reported. */
        final AtomicBoolean settled = new AtomicBoolean();
        final CompletableFuture<Boolean> decision = new CompletableFuture<>();
        volatile CallHomeDevice device;
        volatile DeviceIdentity identity;
        volatile CallHomeTrust.Verdict verdict;

        Attempt(InetSocketAddress source, Runnable closer) {
            this.source = source;
            this.closer = closer;
        }

        String peer() {
            return describe(source);
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
    private SshCallHomeAcceptor ssh;
    private TlsCallHomeAcceptor tls;

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

    /** Binds the listeners. Fails with a clear message when an address is taken or not allowed. */
    public synchronized void start() throws IOException {
        if (isRunning()) {
            return;
        }
        if (settings.sshAddress() == null && settings.tlsAddress() == null) {
            throw new IllegalStateException("no call-home address configured");
        }
        try {
            if (settings.sshAddress() != null) {
                ssh = SshCallHomeAcceptor.bind(this, settings.sshAddress());
                LOG.info("listening for SSH call home on {}", describe(ssh.address()));
            }
            if (settings.tlsAddress() != null) {
                tls = TlsCallHomeAcceptor.bind(this, settings.tlsAddress());
                LOG.info("listening for TLS call home on {}", describe(tls.address()));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The bound SSH address (with the real port when 0 was asked for); null when SSH is not listening. */
    public synchronized InetSocketAddress sshAddress() {
        return ssh == null ? null : ssh.address();
    }

    /** The bound TLS address (with the real port when 0 was asked for); null when TLS is not listening. */
    public synchronized InetSocketAddress tlsAddress() {
        return tls == null ? null : tls.address();
    }

    public synchronized boolean isRunning() {
        return ssh != null || tls != null;
    }

    /** Stops accepting and closes every call-home session. */
    @Override
    public synchronized void close() {
        if (ssh != null) {
            ssh.stopAccepting();
        }
        if (tls != null) {
            tls.stopAccepting();
        }
        for (CallHomeDevice d : devices.values()) {
            d.session().ifPresent(NetconfSession::abort);
        }
        if (ssh != null) {
            ssh.close();
            ssh = null;
        }
        if (tls != null) {
            tls.close();
            tls = null;
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
        Attempt any = waiting.stream().filter(a -> a.identity != null).findFirst().orElse(null);
        if (any != null) {
            trust.trust(any.source, any.identity);
        } else if (d.identity() != null) {
            trust.trust(d.lastAddress(), d.identity());
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

    // ---------------------------------------------------------------- connection life cycle, for the acceptors

    CallHomeSettings settings() {
        return settings;
    }

    CredentialsProvider credentials() {
        return credentials;
    }

    Attempt attempt(InetSocketAddress source, Runnable closer) {
        return new Attempt(source, closer);
    }

    /** A new connection: refused (and closed) when its address is blocked or the session cap is reached. */
    boolean admit(Attempt a) {
        Optional<Instant> blocked = failures.blocked(a.source.getAddress());
        if (blocked.isPresent()) {
            refuse(a, "address " + a.source.getAddress().getHostAddress() + " is blocked until " + blocked.get()
                    + " after repeated failures", false);
            return false;
        }
        if (active.incrementAndGet() > settings.maxSessions()) {
            active.decrementAndGet();
            refuse(a, "session limit of " + settings.maxSessions() + " reached", false);
            return false;
        }
        a.counted.set(true);
        return true;
    }

    /** The connection has ended, whatever the outcome: frees its place. Idempotent. */
    void release(Attempt a) {
        a.decision.complete(false);
        if (a.counted.compareAndSet(true, false)) {
            active.decrementAndGet();
        }
        if (a.device != null) {
            Collection<Attempt> h = held.get(a.device.fingerprint());
            if (h != null) {
                h.remove(a);
            }
        }
    }

    /**
     * The device presented its key or certificate: classify it and register the device; decide nothing that blocks
     * (SSH calls this on an I/O thread). False when the connection must be refused, which has then been reported.
     */
    boolean identify(Attempt a, DeviceIdentity id) {
        a.identity = id;
        String fp = id.fingerprint();
        CallHomeTrust.Verdict v = trust.classify(a.source, id);
        a.verdict = v;
        CallHomeDevice d = devices.compute(fp, (k, old) -> {
            State initial = v instanceof CallHomeTrust.Trusted ? State.OFFLINE : State.PENDING;
            CallHomeDevice dev = old != null ? old : new CallHomeDevice(id, a.source, initial);
            dev.presented(id);
            dev.seen(a.source);
            return dev;
        });
        a.device = d;
        String what = id.transport() == CallHomeDevice.Transport.SSH ? "HOST KEY" : "CERTIFICATE";
        switch (v) {
            case CallHomeTrust.Changed c -> {
                String why = what + " CHANGED for call-home device at " + a.source.getAddress().getHostAddress()
                        + ": it offered " + fp + " but " + String.join(", ", c.expectedFingerprints())
                        + " is trusted for that address; refused";
                d.refused(why);
                reportRefusal(a, Optional.of(d), why, true);
                return false;
            }
            case CallHomeTrust.Rejected r -> {
                d.refused(r.reason());
                reportRefusal(a, Optional.of(d), r.reason(), true);
                return false;
            }
            case CallHomeTrust.Unknown u -> {
                if (!trust.acceptsNew(id.transport())) {
                    long pending = devices.values().stream().filter(x -> x.state() == State.PENDING).count();
                    if (d.state() != State.PENDING) {
                        d.state(State.PENDING);
                    }
                    if (pending > settings.maxPending()) {
                        evictStalePending();
                        if (devices.values().stream().filter(x -> x.state() == State.PENDING).count()
                                > settings.maxPending()) {
                            devices.remove(fp, d);
                            reportRefusal(a, Optional.empty(), "too many devices awaiting approval ("
                                    + settings.maxPending() + ")", false);
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

    /**
     * After {@link #identify}: trusts an unknown device at once under an accept-new policy, or holds the connection
     * until the application decides. True when the device is trusted and the connection may go on.
     */
    boolean decide(Attempt a) throws IOException {
        if (a.verdict instanceof CallHomeTrust.Unknown) {
            if (trust.acceptsNew(a.identity.transport())) {
                trust.trust(a.source, a.identity);
                emit(new CallHomeEvent.Trusted(a.device, a.source));
            } else {
                return awaitDecision(a);
            }
        }
        return true;
    }

    /** Holds an unknown device until the application decides; true if it was trusted. */
    private boolean awaitDecision(Attempt a) {
        CallHomeDevice d = a.device;
        held.computeIfAbsent(d.fingerprint(), k -> new CopyOnWriteArrayList<>()).add(a);
        boolean yes = false;
        try {
            if (d.state() != State.PENDING) {
                // trusted between key exchange and now
                if (d.state() != State.REFUSED) {
                    yes = true;
                    return true;
                }
            }
            emit(new CallHomeEvent.Pending(d, a.source));
            yes = a.decision.get(settings.pendingTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!yes && d.state() == State.REFUSED) {
                // rejected while held: report it like any other refusal (a device that hung up was not refused)
                reportRefusal(a, Optional.of(d), d.refusal().orElse("device " + d.fingerprint() + " was rejected"),
                        false);
            }
            return yes;
        } catch (TimeoutException e) {
            LOG.info("device {} from {} was not trusted within {} s; connection dropped, device stays pending",
                    d.fingerprint(), a.source, settings.pendingTimeout().toSeconds());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        } finally {
            Collection<Attempt> h = held.get(d.fingerprint());
            if (h != null) {
                h.remove(a);
            }
            if (!yes) {
                a.settled.set(true);
                a.closer.run();
            }
        }
    }

    /** The session is open: it replaces the device's previous one, and its end is reported. */
    void connected(Attempt a, NetconfSession ns) {
        CallHomeDevice d = a.device;
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
    }

    /** Authentication, transport or hello failed after the device was identified. */
    void establishFailed(Attempt a, String why) {
        CallHomeDevice d = a.device;
        if (d != null && d.state() == State.CONNECTING) {
            d.state(State.OFFLINE);
        }
        if (a.settled.get()) {
            a.closer.run(); // already reported (refused or dropped while pending)
        } else {
            refuse(a, why, true);
        }
    }

    /** Reports a refusal and drops the connection. */
    void refuse(Attempt a, String why, boolean countFailure) {
        reportRefusal(a, Optional.ofNullable(a.device), why, countFailure);
        a.closer.run();
    }

    /** Reports a refusal once; the transport drops the connection itself. */
    private void reportRefusal(Attempt a, Optional<CallHomeDevice> device, String why, boolean countFailure) {
        if (!a.settled.compareAndSet(false, true)) {
            return;
        }
        if (countFailure) {
            failed(a);
        }
        LOG.info("call home from {} refused: {}", a.source, why);
        emit(new CallHomeEvent.Refused(device, a.source, why));
    }

    private void evictStalePending() {
        Instant cutoff = Instant.now().minus(settings.pendingTimeout());
        devices.values().removeIf(d -> d.state() == State.PENDING && d.lastSeen().isBefore(cutoff)
                && held.getOrDefault(d.fingerprint(), List.of()).isEmpty());
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

    static String describe(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }
}
