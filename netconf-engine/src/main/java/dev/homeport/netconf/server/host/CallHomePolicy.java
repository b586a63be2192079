package dev.homeport.netconf.server.host;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How a device calls its manager home (RFC 8071), after the call-home model of ietf-netconf-server: a connection
 * type (persistent or periodic), how to wait between failed attempts, how long one attempt may take, and
 * keep-alives.
 *
 * @param connection     persistent or periodic
 * @param backoff        waits between failed attempts (and before reconnecting after a persistent connection dropped)
 * @param connectTimeout how long one attempt may take from the TCP connect until the manager opened the NETCONF
 *                       subsystem (ietf-netconf-server's max-wait); a slower attempt is abandoned and counts as failed
 * @param keepAlive      keep-alives on the established connection
 */
public record CallHomePolicy(ConnectionType connection, Backoff backoff, Duration connectTimeout, KeepAlive keepAlive) {

    public CallHomePolicy {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
    }

    /** Persistent, 1 s doubling to 5 min with 20 % jitter, 30 s to connect, keep-alives every 30 s. */
    public static CallHomePolicy persistent() {
        return new CallHomePolicy(new Persistent(), Backoff.defaults(), Duration.ofSeconds(30), KeepAlive.defaults());
    }

    /**
     * Periodic: connect every {@code period} (counted from the first call), stay connected until the manager
     * closes or nothing was exchanged for {@code idleTimeout}, then wait for the next period.
     */
    public static CallHomePolicy periodic(Duration period, Duration idleTimeout) {
        return new CallHomePolicy(new Periodic(period, Optional.empty(), idleTimeout, 3), Backoff.defaults(),
                Duration.ofSeconds(30), KeepAlive.defaults());
    }

    public CallHomePolicy withBackoff(Backoff b) {
        return new CallHomePolicy(connection, b, connectTimeout, keepAlive);
    }

    public CallHomePolicy withConnectTimeout(Duration d) {
        return new CallHomePolicy(connection, backoff, d, keepAlive);
    }

    public CallHomePolicy withKeepAlive(KeepAlive k) {
        return new CallHomePolicy(connection, backoff, connectTimeout, k);
    }

    public CallHomePolicy withConnection(ConnectionType c) {
        return new CallHomePolicy(c, backoff, connectTimeout, keepAlive);
    }

    /** ietf-netconf-server's {@code connection-type} choice. */
    public sealed interface ConnectionType permits Persistent, Periodic {
    }

    /** Stay connected; whenever the connection fails or ends, connect again (after {@link #backoff}). */
    public record Persistent() implements ConnectionType {
    }

    /**
     * Connect at {@code anchor + k * period}; stay connected until the manager closes the connection or it was idle
     * (no NETCONF bytes either way) for {@code idleTimeout}; then wait for the next period. An attempt that fails is
     * retried with {@link #backoff} up to {@code maxAttempts} times per period.
     *
     * @param anchor      the time periods count from; empty means the moment the call home started
     * @param idleTimeout zero keeps an idle connection open until the manager closes it
     */
    public record Periodic(Duration period, Optional<Instant> anchor, Duration idleTimeout, int maxAttempts)
            implements ConnectionType {
        public Periodic {
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("period must be positive: " + period);
            }
            if (idleTimeout.isNegative()) {
                throw new IllegalArgumentException("idleTimeout must not be negative: " + idleTimeout);
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
            }
        }

        /** The first period boundary strictly after {@code now}. */
        public Instant nextBoundary(Instant anchorTime, Instant now) {
            if (now.isBefore(anchorTime)) {
                return anchorTime;
            }
            long periodNanos = period.toNanos();
            long since = Duration.between(anchorTime, now).toNanos();
            return anchorTime.plusNanos((since / periodNanos + 1) * periodNanos);
        }
    }

    /**
     * Exponential backoff with jitter: the wait before attempt {@code n+1} after {@code n} consecutive failures is
     * {@code min(max, initial * multiplier^(n-1))}, shortened by a random fraction up to {@code jitter} so that many
     * devices that lost the same manager do not all call back at the same instant.
     *
     * @param jitter 0 (exact delays) to 1 (anywhere between zero and the delay)
     */
    public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {
        public Backoff {
            if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
            }
            if (!(multiplier >= 1)) {
                throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
            }
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
            }
        }

        public static Backoff defaults() {
            return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 2, 0.2);
        }

        /** The capped delay after {@code failures} consecutive failures (1 or more), before jitter. */
        public Duration ceiling(int failures) {
            double nanos = initial.toNanos() * Math.pow(multiplier, Math.max(0, failures - 1));
            return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
        }

        /** The delay to wait after {@code failures} consecutive failures, jitter applied. */
        public Duration delay(int failures, RandomGenerator random) {
            Duration c = ceiling(failures);
            if (jitter == 0) {
                return c;
            }
            return Duration.ofNanos((long) (c.toNanos() * (1 - jitter * random.nextDouble())));
        }
    }
}
