package dev.homeport.netconf.transport.ssh;

import java.time.Duration;

/**
 * SSH timeouts and keep-alives.
 *
 * @param connectTimeout     TCP connect plus SSH key exchange
 * @param authTimeout        user authentication
 * @param idleTimeout        close a session with no traffic for this long; zero disables
 * @param keepAliveInterval  send an SSH keep-alive this often; zero disables (RFC 8071 section 4.1 asks for them)
 * @param keepAliveMaxMissed close the session after this many unanswered keep-alives
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
