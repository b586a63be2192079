package dev.homeport.netconf.transport.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

/**
 * Decides whether the certificate chain a NETCONF server presents is trusted for the host the client connected to
 * (RFC 7589 section 6). Ready-made: {@link #authorities} (a CA bundle plus the RFC 6125 name check), {@link #pinned}
 * (the server certificate's SHA-256 fingerprint), {@link KnownCertificates} (trust on first use, remembered).
 */
@FunctionalInterface
public interface ServerTrust {

    /**
     * Throws when the server is not trusted, with a message for people that says whose certificate it is and why.
     *
     * @param host     the name or address the client connected to (for call home: the device's source address)
     * @param port     the port connected to (for call home: the device's source port)
     * @param chain    the server's certificate first
     * @param authType the key exchange algorithm, as JSSE names it
     */
    void check(String host, int port, X509Certificate[] chain, String authType) throws CertificateException;

    /** Certificates that chain to one of these trust anchors and name the host. */
    static ServerTrust authorities(Collection<X509Certificate> anchors) {
        return AuthorityTrust.of(anchors);
    }

    /** Trust anchors from a PEM bundle (one or more CA certificates). */
    static ServerTrust authoritiesFromPem(Path caBundle) throws IOException {
        return AuthorityTrust.of(Certificates.readPem(caBundle));
    }

    /** Trust anchors from a keystore (PKCS#12 or JKS, type detected): its trusted certificate entries. */
    static ServerTrust authoritiesFromKeyStore(Path trustStore, char[] password) throws IOException {
        try {
            return AuthorityTrust.of(KeyStore.getInstance(trustStore.toFile(), password));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }

    /** The JDK's default CA certificates (its cacerts). */
    static ServerTrust systemAuthorities() {
        return AuthorityTrust.system();
    }

    /**
     * Exactly the server certificates with these SHA-256 fingerprints ({@code SHA256:base64} or hex, see
     * {@link Certificates}). Pinning replaces CA and name checks, as a known SSH host key does; it also keeps
     * trusting a pinned certificate after it expires.
     */
    static ServerTrust pinned(Collection<String> fingerprints) {
        return new PinnedTrust(List.copyOf(fingerprints));
    }

    static ServerTrust pinned(String... fingerprints) {
        return pinned(List.of(fingerprints));
    }

    /** {@code host:port}, with brackets around IPv6 addresses. */
    static String where(String host, int port) {
        return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }
}
