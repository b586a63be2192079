package dev.homeport.netconf.server.host;

import dev.homeport.netconf.server.NetconfEndpoint;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One device calling one manager home (RFC 8071), for as long as it is not {@link #stop() stopped}: it connects out,
 * and when the attempt fails or the connection ends it waits (backoff, or the next period) and connects again, as
 * its {@link CallHomePolicy} says. The schedule is the same for every transport; a {@link Dialer} (SSH now, TLS
 * later) opens the connections.
 *
 * <p>Small on purpose (a few hundred bytes while waiting): hosts hold thousands of these.
 */
public final class CallHome {

    /** Where a call home stands. */
    public sealed interface State permits Connecting, Connected, WaitingToRetry, WaitingForPeriod, Stopped {
    }

    /**
     * An attempt is under way: TCP connect, transport handshake, until the manager opens NETCONF.
     *
     * @param attempt 1 for the first attempt after a success (or ever), 2 after one failure...
     */
    public record Connecting(int attempt, Instant since) implements State {
    }

    /** The manager opened NETCONF on this connection (for SSH: the "netconf" subsystem). */
    public record Connected(Instant since, InetSocketAddress local) implements State {
    }

    /**
     * Waiting after a failed attempt or a dropped persistent connection.
     *
     * @param delay    the wait chosen (backoff with jitter)
     * @param failures consecutive failed attempts or drops, including the last one
     */
    public record WaitingToRetry(Instant nextAttempt, Duration delay, int failures, String lastFailure)
            implements State {
    }

    /** Periodic call home: waiting for the next period; {@code lastOutcome} says how the last one ended. */
    public record WaitingForPeriod(Instant nextAttempt, String lastOutcome) implements State {
    }

    public record Stopped(String reason) implements State {
    }

    /** A state change, as reported to the host's listeners, in order per call home. */
    public record Change(CallHome callHome, State previous, State current) {
    }

    /** Opens one connection for an attempt, and reports on it through the {@link Attempt}. */
    @FunctionalInterface
    interface Dialer {
        /**
         * Starts connecting without blocking. The dialer must eventually call {@link Attempt#ended} exactly once (it
         * may call {@link Attempt#established} before), and should register how to drop the connection with
         * {@link Attempt#onClose}.
         */
        void dial(CallHome callHome, Attempt attempt);
    }

    private final NetconfEndpoint endpoint;
    private final InetSocketAddress manager;
    private final InetAddress source;
    private final CallHomePolicy policy;
    private final Dialer dialer;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final RandomGenerator random;
    private final Consumer<Change> changes;

    // guarded by this
    private State state = new Connecting(1, Instant.EPOCH);
    private boolean started;
    private boolean stopped;
    private int failures;
    private Attempt current;
    /** The one pending timer task: the next attempt, the attempt's deadline, or the idle check. */
    private ScheduledFuture<?> timerTask;
    private Instant anchor;
    private long attempts;
    private long connections;

    CallHome(NetconfEndpoint endpoint, InetSocketAddress manager, InetAddress source, CallHomePolicy policy,
             Dialer dialer, ScheduledExecutorService timer, Clock clock, RandomGenerator random,
             Consumer<Change> changes) {
        this.endpoint = endpoint;
        this.manager = manager;
        this.source = source;
        this.policy = policy;
        this.dialer = dialer;
        this.timer = timer;
        this.clock = clock;
        this.random = random;
        this.changes = changes;
    }

    public NetconfEndpoint endpoint() {
        return endpoint;
    }

    public InetSocketAddress manager() {
        return manager;
    }

    /** The local address connections are made from (the port is chosen per connection). */
    public InetAddress source() {
        return source;
    }

    public CallHomePolicy policy() {
        return policy;
    }

    public synchronized State state() {
        return state;
    }

    /** Attempts started so far. */
    public synchronized long attempts() {
        return attempts;
    }

    /** Connections that reached {@link Connected} so far. */
    public synchronized long connections() {
        return connections;
    }

    public synchronized boolean isStopped() {
        return stopped;
    }

    /** Starts calling: the first attempt is made at once; for a periodic call home this also anchors the periods. */
    void start() {
        synchronized (this) {
            if (started || stopped) {
                return;
            }
            started = true;
            anchor = policy.connection() instanceof CallHomePolicy.Periodic p
                    ? p.anchor().orElse(clock.instant()) : clock.instant();
        }
        attempt();
    }

    /** Stops calling and drops the current connection, if any. Idempotent. */
    public void stop() {
        stop("stopped");
    }

    void stop(String reason) {
        Attempt a;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            cancelTimer();
            a = current;
            current = null;
            setState(new Stopped(reason));
        }
        if (a != null) {
            a.close(reason);
        }
    }

    private void attempt() {
        Attempt a;
        synchronized (this) {
            if (stopped || current != null) {
                return;
            }
            attempts++;
            a = new Attempt();
            current = a;
            Duration limit = policy.connectTimeout();
            timerTask = schedule(() -> a.close("no NETCONF session within " + describe(limit)), limit);
            setState(new Connecting(failures + 1, clock.instant()));
        }
        try {
            dialer.dial(this, a);
        } catch (RuntimeException e) {
            a.ended("cannot connect: " + e);
        }
    }

    private void established(Attempt a, InetSocketAddress local) {
        synchronized (this) {
            if (a != current || a.closeRequested || a.established) {
                return; // stale, being dropped, or a second netconf channel on the same connection
            }
            a.established = true;
            cancelTimer();
            failures = 0;
            connections++;
            if (policy.connection() instanceof CallHomePolicy.Periodic p && !p.idleTimeout().isZero()) {
                timerTask = schedule(() -> checkIdle(a, p.idleTimeout()), p.idleTimeout());
            }
            setState(new Connected(clock.instant(), local));
        }
    }

    private void checkIdle(Attempt a, Duration idleTimeout) {
        long idle = System.nanoTime() - a.lastActivity;
        if (idle >= idleTimeout.toNanos()) {
            a.close("idle for " + describe(Duration.ofNanos(idle)) + " (idle timeout " + describe(idleTimeout) + ")");
            return;
        }
        synchronized (this) {
            if (a == current) {
                timerTask = schedule(() -> checkIdle(a, idleTimeout), idleTimeout.minusNanos(idle));
            }
        }
    }

    private void ended(Attempt a, String reason) {
        synchronized (this) {
            if (a != current) {
                return;
            }
            current = null;
            cancelTimer();
            if (stopped) {
                return;
            }
            String why = a.reason != null ? a.reason : reason;
            Instant now = clock.instant();
            switch (policy.connection()) {
                case CallHomePolicy.Persistent p -> {
                    // a dropped connection counts as the first failure: reconnect after the initial delay
                    failures = a.established ? 1 : failures + 1;
                    retryAfter(policy.backoff().delay(failures, random), why);
                }
                case CallHomePolicy.Periodic p -> {
                    if (a.established) {
                        failures = 0;
                        waitForPeriod(p, now, "connection ended: " + why);
                        return;
                    }
                    failures++;
                    Instant boundary = p.nextBoundary(anchor, now);
                    Duration delay = policy.backoff().delay(failures, random);
                    if (failures >= p.maxAttempts() || !now.plus(delay).isBefore(boundary)) {
                        failures = 0;
                        waitForPeriod(p, now, why);
                    } else {
                        retryAfter(delay, why);
                    }
                }
            }
        }
    }

    /** Guarded by this. */
    private void retryAfter(Duration delay, String why) {
        timerTask = schedule(this::attempt, delay);
        setState(new WaitingToRetry(clock.instant().plus(delay), delay, failures, why));
    }

    /** Guarded by this. */
    private void waitForPeriod(CallHomePolicy.Periodic p, Instant now, String outcome) {
        Instant next = p.nextBoundary(anchor, now);
        timerTask = schedule(this::attempt, Duration.between(now, next));
        setState(new WaitingForPeriod(next, outcome));
    }

    /** Guarded by this. */
    private void setState(State s) {
        State previous = state;
        state = s;
        changes.accept(new Change(this, previous, s));
    }

    /** Guarded by this. */
    private void cancelTimer() {
        if (timerTask != null) {
            timerTask.cancel(false);
            timerTask = null;
        }
    }

    private ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return timer.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    static String describe(Duration d) {
        return d.toMillis() < 10_000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    @Override
    public String toString() {
        return endpoint.name() + " -> " + manager.getAddress().getHostAddress() + ":" + manager.getPort()
                + " from " + source.getHostAddress() + " (" + state() + ")";
    }

    /**
     * One connection attempt and, if it succeeds, the connection. The transport reports through it; the call home
     * drops the connection through the handle registered with {@link #onClose}.
     */
    public final class Attempt {
        // guarded by CallHome.this
        private Runnable closer;
        private boolean closeRequested;
        private boolean established;
        /** Why the connection is ending, when known before the transport reports the end (first reason wins). */
        private volatile String reason;
        private volatile long lastActivity = System.nanoTime();

        private Attempt() {
        }

        public CallHome callHome() {
            return CallHome.this;
        }

        /** How to drop this attempt's connection; replaces the earlier handle. Runs at once if a drop was asked. */
        void onClose(Runnable close) {
            boolean now;
            synchronized (CallHome.this) {
                closer = close;
                now = closeRequested;
            }
            if (now) {
                close.run();
            }
        }

        /** Records why the connection is about to end (keep-alives unanswered, the manager disconnected...). */
        void noteReason(String why) {
            if (reason == null) {
                reason = why;
            }
        }

        /** NETCONF bytes went one way or the other: the connection is not idle. */
        void activity() {
            lastActivity = System.nanoTime();
        }

        /** The manager opened NETCONF on this connection. */
        void established(InetSocketAddress local) {
            CallHome.this.established(this, local);
        }

        /** The attempt failed or the connection ended; {@code why} is used unless a reason was noted before. */
        void ended(String why) {
            CallHome.this.ended(this, why);
        }

        /** Drops the connection (stop, deadline, idle timeout). */
        void close(String why) {
            noteReason(why);
            Runnable c;
            synchronized (CallHome.this) {
                closeRequested = true;
                c = closer;
            }
            if (c != null) {
                c.run();
            }
        }
    }
}
