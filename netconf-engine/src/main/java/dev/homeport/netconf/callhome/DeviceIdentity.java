package dev.homeport.netconf.callhome;

import dev.homeport.netconf.transport.ssh.HostKeys;
import dev.homeport.netconf.transport.tls.Certificates;
import java.security.PublicKey;
import java.security.cert.X509Certificate;

/** What a calling device proved it holds: its SSH host key or its TLS certificate. Devices are known by it. */
public sealed interface DeviceIdentity {

    /** {@code SHA256:base64}: OpenSSH's host key fingerprint, or the SHA-256 of the certificate (DER). */
    String fingerprint();

    /** {@code ssh-ed25519}, or {@code X.509 EC} and the like. */
    String type();

    CallHomeDevice.Transport transport();

    /** Whether another presentation is the same key or certificate. */
    boolean same(DeviceIdentity other);

    record SshHostKey(PublicKey key) implements DeviceIdentity {
        @Override
        public String fingerprint() {
            return HostKeys.fingerprint(key);
        }

        @Override
        public String type() {
            return HostKeys.type(key);
        }

        @Override
        public CallHomeDevice.Transport transport() {
            return CallHomeDevice.Transport.SSH;
        }

        @Override
        public boolean same(DeviceIdentity other) {
            return other instanceof SshHostKey k && HostKeys.same(key, k.key);
        }
    }

    record TlsCertificate(X509Certificate certificate) implements DeviceIdentity {
        @Override
        public String fingerprint() {
            return Certificates.fingerprint(certificate);
        }

        @Override
        public String type() {
            return "X.509 " + certificate.getPublicKey().getAlgorithm();
        }

        @Override
        public CallHomeDevice.Transport transport() {
            return CallHomeDevice.Transport.TLS;
        }

        @Override
        public boolean same(DeviceIdentity other) {
            return other instanceof TlsCertificate c && fingerprint().equals(c.fingerprint());
        }

        /** The certificate's subject, e.g. {@code CN=router-7,O=Example}. */
        public String subject() {
            return certificate.getSubjectX500Principal().getName();
        }
    }
}
