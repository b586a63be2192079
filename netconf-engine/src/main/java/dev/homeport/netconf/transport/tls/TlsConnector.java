package dev.homeport.netconf.transport.tls;

import dev.homeport.netconf.AuthenticationException;
import dev.homeport.netconf.HostKeyException;
import dev.homeport.netconf.NetconfException;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import jdk.net.ExtendedSocketOptions;

/**
 * The engine's NETCONF-over-TLS client (RFC 7589): TLS 1.3 or 1.2 on JSSE, mutual authentication with the
 * client's {@link TlsIdentity}, the server checked by a {@link ServerTrust}. Also runs the TLS client on a socket
 * that a device opened, for call home (RFC 8071 section 4).
 *
 * <p>Failures say what failed: {@link HostKeyException} when the server's certificate is not trusted (unknown CA,
 * pin mismatch, wrong name: the trust's reason, with whose certificate and its fingerprint),
 * {@link AuthenticationException} when the server refused or required the client certificate, and
 * {@link NetconfException} for the rest (no answer, handshake failure, not a TLS server).
 *
 * <p>With TLS 1.3 the server checks the client certificate after the client has finished its handshake, so a
 * refusal may come only after {@code connect} has returned: as an alert instead of the server's hello. The transport
 * then fails with the same {@link AuthenticationException}, which {@code NetconfSession.open} passes on. (Waiting
 * for the server's first bytes inside {@code connect} would catch it earlier, but it makes the client send its hello
 * only after the server's, right before its first RPC, and servers such as yuma123 mishandle a hello and an RPC that
 * arrive together.)
 */
public final class TlsConnector {
    /** RFC 7589: NETCONF over TLS. */
    public static final int DEFAULT_PORT = 6513;

    /** Alerts with which a server refuses a client certificate (RFC 8446 section 6.2, RFC 5246 section 7.2). */
    private static final Set<String> CERTIFICATE_ALERTS = Set.of("bad_certificate", "unsupported_certificate",
            "certificate_revoked", "certificate_expired", "certificate_unknown", "unknown_ca", "access_denied",
            "certificate_required", "decrypt_error", "handshake_failure");
    private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");

    private final TlsSettings settings;

    public TlsConnector(TlsSettings settings) {
        this.settings = settings;
    }

    public TlsConnector() {
        this(TlsSettings.defaults());
    }

    public TlsSettings settings() {
        return settings;
    }

    /** Connects, runs the TLS handshake with mutual authentication, and returns the open transport. */
    public TlsTransport connect(String host, int port, TlsIdentity identity, ServerTrust trust)
            throws NetconfException {
        String peer = ServerTrust.where(host, port);
        Socket tcp = new Socket();
        try {
            tcp.connect(new InetSocketAddress(host, port), (int) settings.connectTimeout().toMillis());
        } catch (SocketTimeoutException e) {
            close(tcp);
            throw new NetconfException("cannot connect to " + peer + ": no answer within "
                    + settings.connectTimeout().toSeconds() + " s", e);
        } catch (UnknownHostException e) {
            close(tcp);
            throw new NetconfException("cannot connect to " + peer + ": unknown host " + host, e);
        } catch (IOException | IllegalArgumentException e) {
            close(tcp);
            throw new NetconfException("cannot connect to " + peer + ": " + e.getMessage(), e);
        }
        return handshake(tcp, host, port, settings, () -> Optional.ofNullable(identity), trust);
    }

    /**
     * Runs the TLS client on a connected socket and returns the transport; on failure the socket is closed.
     *
     * @param host     the name the server must be valid for (with call home: the device's address)
     * @param identity looked up only if the server asks for a client certificate, after its own was trusted
     */
    public static TlsTransport handshake(Socket tcp, String host, int port, TlsSettings settings,
                                         Supplier<Optional<TlsIdentity>> identity, ServerTrust trust)
            throws NetconfException {
        String peer = ServerTrust.where(host, port);
        ClientKeys keys = new ClientKeys(identity);
        CheckedTrust checked = new CheckedTrust(host, port, trust);
        SSLSocket ssl = null;
        try {
            tuneTcp(tcp, settings);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new KeyManager[] {keys}, new TrustManager[] {checked}, null);
            // autoClose false: after a failed handshake the TCP socket may still hold the server's alert
            ssl = (SSLSocket) ctx.getSocketFactory().createSocket(tcp, host, port, false);
            ssl.setUseClientMode(true);
            List<String> supported = Arrays.asList(ssl.getSupportedProtocols());
            String[] enabled = settings.protocols().stream().filter(supported::contains).toArray(String[]::new);
            if (enabled.length == 0) {
                throw new NetconfException("this JDK supports none of " + settings.protocols());
            }
            ssl.setEnabledProtocols(enabled);
            tcp.setSoTimeout((int) settings.handshakeTimeout().toMillis());
            ssl.startHandshake();
            tcp.setSoTimeout(0);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            String lateAlert = keys.requested() && has(e, SocketException.class) ? LateAlert.read(tcp) : null;
            close(ssl != null ? ssl : tcp);
            close(tcp);
            if (e instanceof NetconfException ne) {
                throw ne;
            }
            throw explain(e, peer, settings, keys, checked, lateAlert);
        }
        try {
            // from here JSSE reads (and decrypts) any alert itself
            return new TlsTransport(ssl, tcp, peer,
                    e -> clientCertificateRefusal(e, peer, keys, null).<IOException>map(x -> x).orElse(e));
        } catch (SSLException e) {
            close(ssl);
            close(tcp);
            throw new NetconfException("TLS session with " + peer + " has no server certificate", e);
        }
    }

    static void tuneTcp(Socket tcp, TlsSettings settings) throws IOException {
        tcp.setTcpNoDelay(true);
        if (!settings.keepAliveInterval().isZero()) {
            tcp.setKeepAlive(true);
            int seconds = (int) Math.max(1, settings.keepAliveInterval().toSeconds());
            if (tcp.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
                tcp.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, seconds);
                tcp.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, seconds);
                tcp.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, Math.max(1, settings.keepAliveMaxMissed()));
            }
        }
    }

    /** Turns a handshake failure into the exception that says what went wrong. */
    static NetconfException explain(Throwable e, String peer, TlsSettings settings, ClientKeys keys,
                                    CheckedTrust checked, String lateAlert) {
        if (checked.rejection() != null) {
            return new HostKeyException(checked.rejection());
        }
        Optional<AuthenticationException> refused = clientCertificateRefusal(e, peer, keys, lateAlert);
        if (refused.isPresent()) {
            return refused.get();
        }
        String alert = alert(e);
        if (alert != null) {
            return new NetconfException("TLS handshake with " + peer + " failed: the server sent the alert " + alert,
                    e);
        }
        if (has(e, SocketTimeoutException.class)) {
            return new NetconfException("TLS handshake with " + peer + " did not finish within "
                    + settings.handshakeTimeout().toSeconds() + " s", e);
        }
        if (has(e, EOFException.class) || has(e, SocketException.class)) {
            return new NetconfException(peer + " closed the connection during the TLS handshake: " + message(e), e);
        }
        String m = message(e);
        if (m.contains("Unsupported or unrecognized SSL message")) {
            return new NetconfException(peer + " does not speak TLS (is it the NETCONF-over-TLS port?): " + m, e);
        }
        return new NetconfException("TLS handshake with " + peer + " failed: " + m, e);
    }

    /**
     * Whether the server refused our client certificate (or wanted one), from the alert JSSE reported or, failing
     * that, the one left in the socket ({@link LateAlert}).
     */
    static Optional<AuthenticationException> clientCertificateRefusal(Throwable e, String peer, ClientKeys keys,
                                                                      String lateAlert) {
        if (!keys.requested()) {
            return Optional.empty();
        }
        String alert = alert(e);
        if (alert == null) {
            alert = lateAlert;
        }
        if (LateAlert.ENCRYPTED.equals(alert) && keys.offered().isEmpty()) {
            alert = "certificate_required"; // TLS 1.3 hides it, but without a certificate nothing else is likely
        }
        if (alert == null || !(CERTIFICATE_ALERTS.contains(alert) || alert.equals(LateAlert.ENCRYPTED))) {
            return Optional.empty();
        }
        Optional<TlsIdentity> offered = keys.offered();
        if (offered.isPresent()) {
            // TLS 1.3: after its Finished, the server reads only our certificate, its proof and our Finished
            return Optional.of(new AuthenticationException(peer + " refused our client certificate "
                    + offered.get().describe() + " (" + (alert.equals(LateAlert.ENCRYPTED)
                    ? "an encrypted TLS 1.3 alert, then it closed the connection" : "TLS alert " + alert)
                    + "): the server does not trust its issuer, or does not accept this client", e));
        }
        if (keys.identity().isPresent()) {
            return Optional.of(new AuthenticationException(peer + " asked for a client certificate of a key type "
                    + keys.askedKeyTypes() + ", but ours " + keys.identity().get().describe() + " is "
                    + keys.identity().get().privateKey().getAlgorithm() + " (TLS alert " + alert + ")", e));
        }
        return Optional.of(new AuthenticationException(peer + " requires a client certificate (TLS alert " + alert
                + "), but none is configured", e));
    }

    private static String alert(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = ALERT.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static void close(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // best effort
        }
    }

    /**
     * Runs the {@link ServerTrust} during the handshake and keeps its reason when it refuses (JSSE would report only
     * "certificate_unknown"). Client-side only.
     */
    static final class CheckedTrust extends OneSidedTrustManager {
        private final String host;
        private final int port;
        private final ServerTrust trust;
        private volatile String rejection;

        CheckedTrust(String host, int port, ServerTrust trust) {
            super(true);
            this.host = host;
            this.port = port;
            this.trust = trust;
        }

        String rejection() {
            return rejection;
        }

        @Override
        void check(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                rejection = ServerTrust.where(host, port) + " presented no certificate";
                throw new CertificateException(rejection);
            }
            try {
                trust.check(host, port, chain, authType);
            } catch (CertificateException e) {
                rejection = e.getMessage();
                throw e;
            } catch (RuntimeException e) {
                rejection = "checking the certificate of " + ServerTrust.where(host, port) + " failed: " + e;
                throw new CertificateException(rejection, e);
            }
        }
    }
}
