package dev.homeport.netconf.transport.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;

/**
 * The server side of RFC 7589 mutual authentication: decides whether a client's certificate chain is trusted. A
 * NETCONF server over TLS requires a client certificate; which user the client then is, is {@link CertToName}'s
 * question. Ready-made: {@link #authorities} (chains to a CA) and {@link #pinned} (exact certificates).
 */
@FunctionalInterface
public interface ClientTrust {

    /**
     * Throws when the client is not trusted, with a message for people that says whose certificate it is and why.
     *
     * @param chain    the client's certificate first, as presented
     * @param authType the key type, as JSSE names it
     */
    void check(X509Certificate[] chain, String authType) throws CertificateException;

    /** Client certificates that chain to one of these trust anchors (PKIX: path, validity, clientAuth usage). */
    static ClientTrust authorities(Collection<X509Certificate> anchors) {
        AuthorityTrust pkix = AuthorityTrust.of(anchors);
        return new ClientTrust() {
            @Override
            public void check(X509Certificate[] chain, String authType) throws CertificateException {
                pkix.checkClient(chain, authType);
            }

            @Override
            public String toString() {
                return "client " + pkix;
            }
        };
    }

    /** Trust anchors from a PEM bundle (one or more CA certificates). */
    static ClientTrust authoritiesFromPem(Path caBundle) throws IOException {
        return authorities(Certificates.readPem(caBundle));
    }

    /** Exactly the client certificates with these SHA-256 fingerprints ({@code SHA256:base64} or hex). */
    static ClientTrust pinned(Collection<String> fingerprints) {
        PinnedTrust pins = new PinnedTrust(List.copyOf(fingerprints));
        return new ClientTrust() {
            @Override
            public void check(X509Certificate[] chain, String authType) throws CertificateException {
                pins.checkClient(chain);
            }

            @Override
            public String toString() {
                return "client " + pins;
            }
        };
    }

    static ClientTrust pinned(String... fingerprints) {
        return pinned(List.of(fingerprints));
    }
}
