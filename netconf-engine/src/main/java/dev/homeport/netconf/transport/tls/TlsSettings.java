package dev.homeport.netconf.transport.tls;

import java.time.Duration;
import java.util.List;

/**
 * TLS timeouts, keep-alives and protocol versions.
 *
 * @param connectTimeout     TCP connect
 * @param handshakeTimeout   the TLS handshake
 * @param keepAliveInterval  TCP keep-alive probes after this much idle time, then at this interval; zero disables
 *                           (RFC 8071 section 4.1 asks for keep-alives; JSSE has no TLS heartbeat)
 * @param keepAliveMaxMissed unanswered probes before the kernel drops the connection
 * @param protocols          TLS versions offered; RFC 7589 needs 1.2 or later
 */
public record TlsSettings(Duration connectTimeout, Duration handshakeTimeout, Duration keepAliveInterval,
                          int keepAliveMaxMissed, List<String> protocols) {

    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public TlsSettings {
        protocols = List.copyOf(protocols);
        for (String p : protocols) {
            if (!p.equals("TLSv1.3") && !p.equals("TLSv1.2")) {
                throw new IllegalArgumentException("NETCONF over TLS needs TLS 1.2 or later (RFC 7589), not " + p);
            }
        }
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("no TLS protocol version enabled");
        }
    }

    public static TlsSettings defaults() {
        return new TlsSettings(Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofSeconds(30), 3,
                DEFAULT_PROTOCOLS);
    }

    public TlsSettings withConnectTimeout(Duration d) {
        return new TlsSettings(d, handshakeTimeout, keepAliveInterval, keepAliveMaxMissed, protocols);
    }

    public TlsSettings withHandshakeTimeout(Duration d) {
        return new TlsSettings(connectTimeout, d, keepAliveInterval, keepAliveMaxMissed, protocols);
    }

    public TlsSettings withKeepAlive(Duration interval, int maxMissed) {
        return new TlsSettings(connectTimeout, handshakeTimeout, interval, maxMissed, protocols);
    }

    /** e.g. {@code List.of("TLSv1.2")} to test a device's TLS 1.2 path. */
    public TlsSettings withProtocols(List<String> versions) {
        return new TlsSettings(connectTimeout, handshakeTimeout, keepAliveInterval, keepAliveMaxMissed, versions);
    }
}
