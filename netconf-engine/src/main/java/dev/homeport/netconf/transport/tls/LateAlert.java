package dev.homeport.netconf.transport.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Map;

/**
 * Reads the TLS alert that a server sent just before it dropped the connection, when JSSE could not: JSSE writes
 * the client's last handshake messages one by one, and a server (OpenSSL) that refuses the client certificate
 * answers the first of them with an alert and closes; JSSE's next write then fails ("Broken pipe") and it never reads
 * the alert, which is still waiting in the socket. A TLS 1.2 alert is plain text; a TLS 1.3 alert is encrypted, so
 * only its presence can be told.
 */
final class LateAlert {
    /** The answer when the server sent an encrypted record (a TLS 1.3 alert) and closed. */
    static final String ENCRYPTED = "(encrypted)";

    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(0, "close_notify"),
            Map.entry(10, "unexpected_message"), Map.entry(20, "bad_record_mac"), Map.entry(22, "record_overflow"),
            Map.entry(40, "handshake_failure"), Map.entry(42, "bad_certificate"),
            Map.entry(43, "unsupported_certificate"), Map.entry(44, "certificate_revoked"),
            Map.entry(45, "certificate_expired"), Map.entry(46, "certificate_unknown"),
            Map.entry(47, "illegal_parameter"), Map.entry(48, "unknown_ca"), Map.entry(49, "access_denied"),
            Map.entry(50, "decode_error"), Map.entry(51, "decrypt_error"), Map.entry(70, "protocol_version"),
            Map.entry(71, "insufficient_security"), Map.entry(80, "internal_error"),
            Map.entry(86, "inappropriate_fallback"), Map.entry(90, "user_canceled"),
            Map.entry(109, "missing_extension"), Map.entry(110, "unsupported_extension"),
            Map.entry(112, "unrecognized_name"), Map.entry(116, "certificate_required"),
            Map.entry(120, "no_application_protocol"));

    private LateAlert() {
    }

    /** The alert's name, {@link #ENCRYPTED}, or null when nothing readable is waiting. Never blocks long. */
    static String read(Socket tcp) {
        if (tcp.isClosed()) {
            return null;
        }
        byte[] buf = new byte[512];
        int n = 0;
        try {
            tcp.setSoTimeout(300);
            InputStream in = tcp.getInputStream();
            while (n < buf.length) {
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (IOException e) {
            // timeout or reset after the data: parse what came
        }
        for (int at = 0; at + 5 <= n; ) {
            int type = buf[at] & 0xff;
            int length = ((buf[at + 3] & 0xff) << 8) | (buf[at + 4] & 0xff);
            if (type == 21 && length == 2 && at + 7 <= n) {
                int code = buf[at + 6] & 0xff;
                return NAMES.getOrDefault(code, "alert " + code);
            }
            if (type == 23) {
                return ENCRYPTED;
            }
            at += 5 + length;
        }
        return null;
    }
}
