package dev.homeport.netconf.callhome;

import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.transport.ssh.SshSettings;
import dev.homeport.netconf.transport.tls.TlsSettings;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Settings of a call-home listener.
 *
 * @param sshAddress     where to accept SSH call home (RFC 8071: port 4334); null disables it
 * @param tlsAddress     where to accept TLS call home (port 4335); null disables it
 * @param maxSessions    cap on connected plus connecting sessions; further devices are refused at once
 * @param maxPending     cap on unknown devices held for a decision
 * @param pendingTimeout how long an unknown device is held before it is dropped (it stays listed as pending)
 * @param maxFailures    failures from one source address within {@code failureWindow} that block it
 * @param failureWindow  window for counting failures
 * @param blockDuration  how long a blocked address is refused
 * @param ssh            SSH timeouts and keep-alives
 * @param tls            TLS timeouts, keep-alives and versions
 * @param session        NETCONF session options of call-home sessions
 */
public record CallHomeSettings(InetSocketAddress sshAddress, InetSocketAddress tlsAddress, int maxSessions,
                               int maxPending, Duration pendingTimeout, int maxFailures, Duration failureWindow,
                               Duration blockDuration, SshSettings ssh, TlsSettings tls, SessionOptions session) {

    public static final int SSH_PORT = 4334;
    public static final int TLS_PORT = 4335;

    /** SSH on 0.0.0.0:4334 only, the RFC 8071 defaults. */
    public static CallHomeSettings defaults() {
        return new CallHomeSettings(new InetSocketAddress("0.0.0.0", SSH_PORT), null, 1000, 64,
                Duration.ofMinutes(2), 5, Duration.ofMinutes(1), Duration.ofMinutes(5), SshSettings.defaults(),
                TlsSettings.defaults(), SessionOptions.defaults());
    }

    public CallHomeSettings withSsh(InetSocketAddress address) {
        return new CallHomeSettings(address, tlsAddress, maxSessions, maxPending, pendingTimeout, maxFailures,
                failureWindow, blockDuration, ssh, tls, session);
    }

    public CallHomeSettings withTls(InetSocketAddress address) {
        return new CallHomeSettings(sshAddress, address, maxSessions, maxPending, pendingTimeout, maxFailures,
                failureWindow, blockDuration, ssh, tls, session);
    }

    public CallHomeSettings withMaxSessions(int n) {
        return new CallHomeSettings(sshAddress, tlsAddress, n, maxPending, pendingTimeout, maxFailures,
                failureWindow, blockDuration, ssh, tls, session);
    }

    public CallHomeSettings withPending(int max, Duration timeout) {
        return new CallHomeSettings(sshAddress, tlsAddress, maxSessions, max, timeout, maxFailures, failureWindow,
                blockDuration, ssh, tls, session);
    }

    public CallHomeSettings withBlocking(int failures, Duration window, Duration block) {
        return new CallHomeSettings(sshAddress, tlsAddress, maxSessions, maxPending, pendingTimeout, failures, window,
                block, ssh, tls, session);
    }

    public CallHomeSettings withSession(SessionOptions options) {
        return new CallHomeSettings(sshAddress, tlsAddress, maxSessions, maxPending, pendingTimeout, maxFailures,
                failureWindow, blockDuration, ssh, tls, options);
    }

    public CallHomeSettings withSshSettings(SshSettings s) {
        return new CallHomeSettings(sshAddress, tlsAddress, maxSessions, maxPending, pendingTimeout, maxFailures,
                failureWindow, blockDuration, s, tls, session);
    }

    public CallHomeSettings withTlsSettings(TlsSettings t) {
        return new CallHomeSettings(sshAddress, tlsAddress, maxSessions, maxPending, pendingTimeout, maxFailures,
                failureWindow, blockDuration, ssh, t, session);
    }

    /**
     * Devices call back together (after an outage, a manager restart): the JDK's default accept backlog of 50
     * overflows, and each dropped SYN costs its device a 1 s, then 3 s... TCP retransmission. So the queue follows
     * the session cap.
     */
    public int acceptBacklog() {
        return Math.clamp(maxSessions, 50, 4096);
    }
}
