package dev.homeport.netconf.transport.ssh;

import java.time.Duration;

/**
 * SSH timeouts and keep-alives. Each failure they detect ends the connection with a message that names it.
 *
 * @param connectTimeout     TCP connect plus the SSH greeting and key exchange (a port that accepts TCP but never
 *                           speaks SSH fails here); also the wait for the netconf subsystem to open
 * @param authTimeout        user authentication, from the end of the key exchange
 * @param idleTimeout        close a session when no NETCONF message went either way for this long (keep-alives do
 *                           not count; keep it above the RPC timeout); zero disables
 * @param keepAliveInterval  send an SSH keep-alive (a global request that wants a reply) this often; zero disables
 *                           (RFC 8071 section 4.1 asks for them)
 * @param keepAliveMaxMissed close the session once this many keep-alives in a row went unanswered: a dead device or
 *                           network path is detected within about {@code keepAliveInterval * (keepAliveMaxMissed + 1)}
 */
public record SshSettings(Duration connectTimeout, Duration authTimeout, Duration idleTimeout,
                          Duration keepAliveInterval, int keepAliveMaxMissed) {

    public static SshSettings defaults() {
        return new SshSettings(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(30), 3);
    }

    public SshSettings withKeepAlive(Duration interval, int maxMissed) {
        return new SshSettings(connectTimeout, authTimeout, idleTimeout, interval, maxMissed);
    }

    public SshSettings withIdleTimeout(Duration d) {
        return new SshSettings(connectTimeout, authTimeout, d, keepAliveInterval, keepAliveMaxMissed);
    }

    public SshSettings withConnectTimeout(Duration d) {
        return new SshSettings(d, authTimeout, idleTimeout, keepAliveInterval, keepAliveMaxMissed);
    }

    public SshSettings withAuthTimeout(Duration d) {
        return new SshSettings(connectTimeout, d, idleTimeout, keepAliveInterval, keepAliveMaxMissed);
    }
}
