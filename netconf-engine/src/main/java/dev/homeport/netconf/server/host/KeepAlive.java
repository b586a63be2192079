package dev.homeport.netconf.server.host;

import java.time.Duration;

/**
 * Keep-alives a device sends to its manager, so that a manager that died without closing the connection is noticed
 * (RFC 8071 asks a calling-home server for them). Over SSH each one is a
 * {@code keepalive@openssh.com} global request that wants a reply; any reply, even a refusal, proves the peer alive.
 *
 * @param interval  how often to send one; zero disables keep-alives
 * @param maxMissed how many may be unanswered: when one more is due, the connection is closed
 */
public record KeepAlive(Duration interval, int maxMissed) {
    public KeepAlive {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("keep-alive interval must not be negative: " + interval);
        }
        if (maxMissed < 1) {
            throw new IllegalArgumentException("maxMissed must be at least 1: " + maxMissed);
        }
    }

    /** Every 30 s, closed after 3 unanswered: a dead manager is noticed within about two minutes. */
    public static KeepAlive defaults() {
        return new KeepAlive(Duration.ofSeconds(30), 3);
    }

    public static KeepAlive off() {
        return new KeepAlive(Duration.ZERO, 1);
    }

    public boolean enabled() {
        return !interval.isZero();
    }
}
