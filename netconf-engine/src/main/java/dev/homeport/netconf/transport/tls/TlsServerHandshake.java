package dev.homeport.netconf.transport.tls;

import dev.homeport.netconf.AuthenticationException;
import dev.homeport.netconf.NetconfException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The server side of NETCONF over TLS (RFC 7589): runs the TLS <em>server</em> on a connected socket, whether the
 * device accepted it (listening) or dialled it (call home, RFC 8071 section 4), with mutual authentication: the
 * client must present a certificate that {@link ClientTrust} accepts and that {@link CertToName} maps to a user.
 * Both checks run inside the handshake, so a refused client gets a TLS alert (and the engine's
 * {@link TlsConnector} its {@link AuthenticationException}) rather than a session that closes for no visible reason.
 *
 * <p>Blocking JSSE on the caller's thread (meant to be a virtual thread), like {@link TlsConnector}; the transport
 * it returns reads on a virtual thread of its own.
 */
public final class TlsServerHandshake {
    private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");

    /** A client that passed: the transport, and the NETCONF user its certificate maps to. */
    public record Accepted(TlsTransport transport, String username) {
    }

    private TlsServerHandshake() {
    }

    /**
     * Runs the handshake; on failure the socket is closed and the exception says why (an
     * {@link AuthenticationException} when the client's certificate was missing, untrusted or mapped to no user).
     *
     * @param identity the server's key and certificate chain
     * @param settings handshake timeout, TCP keep-alives, protocol versions (connect timeout unused)
     */
    public static Accepted accept(Socket tcp, TlsIdentity identity, ClientTrust trust, CertToName names,
                                  TlsSettings settings) throws NetconfException {
        String peer = tcp.getRemoteSocketAddress() instanceof InetSocketAddress a
                ? ServerTrust.where(a.getAddress().getHostAddress(), a.getPort()) : String.valueOf(tcp);
        ClientCheck check = new ClientCheck(trust, names);
        SSLSocket ssl = null;
        try {
            TlsConnector.tuneTcp(tcp, settings);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new KeyManager[] {new ServerKey(identity)}, new TrustManager[] {check}, null);
            ssl = (SSLSocket) ctx.getSocketFactory().createSocket(tcp, null, tcp.getPort(), false);
            ssl.setUseClientMode(false);
            ssl.setNeedClientAuth(true);
            List<String> supported = Arrays.asList(ssl.getSupportedProtocols());
            String[] enabled = settings.protocols().stream().filter(supported::contains).toArray(String[]::new);
            if (enabled.length == 0) {
                throw new NetconfException("this JDK supports none of " + settings.protocols());
            }
            ssl.setEnabledProtocols(enabled);
            tcp.setSoTimeout((int) settings.handshakeTimeout().toMillis());
            ssl.startHandshake();
            tcp.setSoTimeout(0);
            if (check.username == null) { // JSSE called no trust check: cannot happen with need-client-auth
                throw new AuthenticationException(peer + " presented no client certificate");
            }
            return new Accepted(new TlsTransport(ssl, tcp, peer, e -> e), check.username);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            close(ssl);
            close(tcp);
            if (e instanceof NetconfException ne) {
                throw ne;
            }
            throw explain(e, peer, settings, check);
        }
    }

    private static NetconfException explain(Exception e, String peer, TlsSettings settings, ClientCheck check) {
        if (check.refusal != null) {
            return new AuthenticationException("refused the TLS client " + peer + ": " + check.refusal, e);
        }
        String m = String.valueOf(e.getMessage());
        if (m.contains("Empty client certificate chain") || m.contains("certificate_required")) {
            return new AuthenticationException("refused the TLS client " + peer + ": it sent no client certificate "
                    + "(NETCONF over TLS requires one, RFC 7589)", e);
        }
        Matcher alert = ALERT.matcher(m);
        if (alert.find()) {
            return new NetconfException("TLS handshake with " + peer + " failed: the client sent the alert "
                    + alert.group(1) + (alert.group(1).contains("certificate") || alert.group(1).equals("unknown_ca")
                    ? " (it does not trust this device's certificate)" : ""), e);
        }
        if (m.contains("Remote host terminated the handshake") || has(e, java.io.EOFException.class)
                || has(e, java.net.SocketException.class)) {
            return new NetconfException(peer + " closed the connection during the TLS handshake (a manager that "
                    + "does not, or not yet, trust this device's certificate does that): " + m, e);
        }
        if (e instanceof SocketTimeoutException) {
            return new NetconfException("TLS handshake with " + peer + " did not finish within "
                    + settings.handshakeTimeout().toSeconds() + " s", e);
        }
        if (m.contains("Unsupported or unrecognized SSL message")) {
            return new NetconfException(peer + " does not speak TLS: " + m, e);
        }
        return new NetconfException("TLS handshake with " + peer + " failed: " + m, e);
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void close(java.io.Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** Offers the server's one identity for the key type it has. */
    private static final class ServerKey extends X509ExtendedKeyManager {
        private static final String ALIAS = "netconf-server";
        private final TlsIdentity identity;

        ServerKey(TlsIdentity identity) {
            this.identity = identity;
        }

        private String choose(String keyType) {
            String alg = identity.privateKey().getAlgorithm();
            return keyType == null || keyType.equals(alg) || (keyType.startsWith("EC") && alg.equals("EC"))
                    ? ALIAS : null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return choose(keyType);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return choose(keyType);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return choose(keyType) == null ? null : new String[] {ALIAS};
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return ALIAS.equals(alias) ? identity.chain().toArray(X509Certificate[]::new) : null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return ALIAS.equals(alias) ? identity.privateKey() : null;
        }
    }

    /** Runs the client trust and cert-to-name inside the handshake, and keeps the outcome. Server-side only. */
    private static final class ClientCheck extends OneSidedTrustManager {
        private final ClientTrust trust;
        private final CertToName names;
        private volatile String refusal;
        private volatile String username;

        ClientCheck(ClientTrust trust, CertToName names) {
            super(false);
            this.trust = trust;
            this.names = names;
        }

        @Override
        void check(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                refusal = "it sent no client certificate (NETCONF over TLS requires one, RFC 7589)";
                throw new CertificateException(refusal);
            }
            try {
                trust.check(chain, authType);
            } catch (CertificateException e) {
                refusal = e.getMessage();
                throw e;
            } catch (RuntimeException e) {
                refusal = "checking client certificate " + Certificates.describe(chain[0]) + " failed: " + e;
                throw new CertificateException(refusal, e);
            }
            Optional<String> user = names.userName(List.of(chain));
            if (user.isEmpty()) {
                refusal = "client certificate " + Certificates.describe(chain[0])
                        + " is trusted but maps to no NETCONF user (cert-to-name, RFC 7589 section 7)";
                throw new CertificateException(refusal);
            }
            username = user.get();
        }
    }
}
