package dev.homeport.netconf.transport.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * CA-based server authentication: the JDK's PKIX validation (path, validity, key usage, algorithm constraints)
 * against the given anchors, then the RFC 6125 name check of {@link ServerIdentity}.
 */
final class AuthorityTrust implements ServerTrust {
    private final X509TrustManager pkix;
    private final String anchors;

    private AuthorityTrust(X509TrustManager pkix, String anchors) {
        this.pkix = pkix;
        this.anchors = anchors;
    }

    static AuthorityTrust of(Collection<X509Certificate> anchors) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("no trust anchor given");
        }
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : anchors) {
                ks.setCertificateEntry("anchor-" + i++, c);
            }
            return of(ks);
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build an in-memory trust store", e);
        }
    }

    static AuthorityTrust of(KeyStore anchors) throws GeneralSecurityException {
        if (anchors.size() == 0) {
            throw new IllegalArgumentException("the trust store holds no certificate");
        }
        return new AuthorityTrust(pkix(anchors), anchors.size() + " trusted certificate(s)");
    }

    static AuthorityTrust system() {
        try {
            return new AuthorityTrust(pkix(null), "the JDK's CA certificates");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no usable default trust store", e);
        }
    }

    private static X509TrustManager pkix(KeyStore anchors) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(anchors);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    @Override
    public void check(String host, int port, X509Certificate[] chain, String authType) throws CertificateException {
        X509Certificate leaf = chain[0];
        try {
            pkix.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            throw new CertificateException("certificate of " + ServerTrust.where(host, port) + " is not trusted: "
                    + Certificates.describe(leaf) + ", issued by " + leaf.getIssuerX500Principal().getName() + ": "
                    + reason(e), e);
        }
        Optional<String> mismatch = ServerIdentity.mismatch(leaf, host);
        if (mismatch.isPresent()) {
            throw new CertificateException("certificate of " + ServerTrust.where(host, port) + " ("
                    + Certificates.describe(leaf) + ") is not valid for " + host + ": " + mismatch.get());
        }
    }

    /**
     * For the server side of mutual TLS: the JDK's PKIX validation of a client's chain (path, validity, key usage
     * for clientAuth) against the same anchors. Clients are not checked for a name: cert-to-name maps them to a user.
     */
    void checkClient(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            pkix.checkClientTrusted(chain, authType);
        } catch (CertificateException e) {
            X509Certificate leaf = chain[0];
            throw new CertificateException("client certificate " + Certificates.describe(leaf) + ", issued by "
                    + leaf.getIssuerX500Principal().getName() + ", is not trusted: " + reason(e), e);
        }
    }

    /** The JDK's PKIX messages name internal classes; say what they mean. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return "a certificate of the chain has expired (" + t.getMessage() + ")";
            }
            if (t instanceof CertificateNotYetValidException) {
                return "a certificate of the chain is not valid yet (" + t.getMessage() + ")";
            }
            if (t instanceof CertPathBuilderException) {
                return "it does not chain to a trusted certificate authority";
            }
            if (t instanceof CertPathValidatorException v && v.getReason() != null
                    && v.getReason() != CertPathValidatorException.BasicReason.UNSPECIFIED) {
                return "path validation failed: " + v.getReason().toString().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ') + " (" + v.getMessage() + ")";
            }
        }
        return e.getMessage();
    }

    @Override
    public String toString() {
        return "authorities: " + anchors;
    }
}
