package dev.homeport.netconf.transport.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/** Trusts exactly the server certificates whose SHA-256 fingerprint is pinned. */
final class PinnedTrust implements ServerTrust {
    private final List<byte[]> pins;
    private final List<String> shown;

    PinnedTrust(List<String> fingerprints) {
        if (fingerprints.isEmpty()) {
            throw new IllegalArgumentException("no fingerprint to pin");
        }
        this.pins = fingerprints.stream().map(Certificates::parseFingerprint).toList();
        this.shown = pins.stream().map(Certificates::format).toList();
    }

    @Override
    public void check(String host, int port, X509Certificate[] chain, String authType) throws CertificateException {
        byte[] presented = Certificates.sha256(chain[0]);
        for (byte[] pin : pins) {
            if (java.security.MessageDigest.isEqual(pin, presented)) {
                return;
            }
        }
        throw new CertificateException("certificate of " + ServerTrust.where(host, port)
                + " does not match the pinned fingerprint: the server presented " + Certificates.format(presented)
                + " (" + chain[0].getSubjectX500Principal().getName() + "), but " + String.join(" or ", shown)
                + " is pinned. Someone may be intercepting the connection, or the device has a new certificate.");
    }

    /** For the server side of mutual TLS: exactly the pinned client certificates. */
    void checkClient(X509Certificate[] chain) throws CertificateException {
        byte[] presented = Certificates.sha256(chain[0]);
        for (byte[] pin : pins) {
            if (java.security.MessageDigest.isEqual(pin, presented)) {
                return;
            }
        }
        throw new CertificateException("client certificate " + Certificates.describe(chain[0])
                + " is not one of the pinned " + String.join(", ", shown));
    }

    @Override
    public String toString() {
        return "pinned " + shown;
    }
}
