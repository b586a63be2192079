package dev.homeport.netconf.callhome;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed call-home attempts per source address and blocks an address that fails too often, as RFC 8071
 * section 7 advises against denial-of-service by connection floods.
 */
final class FailureTracker {
    private final int maxFailures;
    private final Duration window;
    private final Duration block;
    private final Clock clock;
    private final Map<InetAddress, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<InetAddress, Instant> blockedUntil = new ConcurrentHashMap<>();

    FailureTracker(int maxFailures, Duration window, Duration block, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.block = block;
        this.clock = clock;
    }

    /** Records a failure; returns true if this failure got the address blocked. */
    boolean failed(InetAddress address) {
        if (maxFailures <= 0) {
            return false;
        }
        Instant now = clock.instant();
        Deque<Instant> q = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(now);
            while (!q.isEmpty() && q.peekFirst().isBefore(now.minus(window))) {
                q.removeFirst();
            }
            if (q.size() >= maxFailures) {
                q.clear();
                blockedUntil.put(address, now.plus(block));
                return true;
            }
        }
        return false;
    }

    /** When the address is blocked, until when. */
    Optional<Instant> blocked(InetAddress address) {
        Instant until = blockedUntil.get(address);
        if (until == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(until)) {
            blockedUntil.remove(address, until);
            return Optional.empty();
        }
        return Optional.of(until);
    }

    void succeeded(InetAddress address) {
        failures.remove(address);
    }
}
