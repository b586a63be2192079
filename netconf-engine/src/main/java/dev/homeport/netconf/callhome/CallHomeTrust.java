package dev.homeport.netconf.callhome;

import dev.homeport.netconf.transport.ssh.HostKeys;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.tls.KnownCertificates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which call-home devices are trusted. A device is recognized by its key (SSH) or certificate (TLS) wherever it calls
 * from. A key or certificate that is not known but arrives from an address that has a different trusted one is a
 * changed identity, and is refused. Everything else is unknown: pending, unless the policy accepts new devices.
 *
 * <p>SSH host keys live in a {@link KnownHosts} store, so an OpenSSH known_hosts file can seed and record trust;
 * TLS certificates live in a {@link KnownCertificates} store of the same kind. Entries are written for the source
 * address without a port, since call-home source ports change with every call.
 */
public final class CallHomeTrust {

    public sealed interface Verdict permits Trusted, Unknown, Changed, Rejected {
    }

    public record Trusted() implements Verdict {
    }

    public record Unknown() implements Verdict {
    }

    public record Changed(List<String> expectedFingerprints) implements Verdict {
    }

    public record Rejected(String reason) implements Verdict {
    }

    /** known_hosts entries without a port match port 22. */
    private static final int SSH_PORTLESS = 22;

    private final KnownHosts store;
    private final KnownCertificates certificates;
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();

    /** SSH trust from this store; TLS certificates are trusted in memory only, under the same policy. */
    public CallHomeTrust(KnownHosts store) {
        this(store, KnownCertificates.inMemory(switch (store.policy()) {
            case STRICT -> KnownCertificates.Policy.STRICT;
            case ACCEPT_NEW -> KnownCertificates.Policy.ACCEPT_NEW;
            case ACCEPT_ALL -> KnownCertificates.Policy.ACCEPT_ALL;
        }));
    }

    public CallHomeTrust(KnownHosts store, KnownCertificates certificates) {
        this.store = store;
        this.certificates = certificates;
    }

    public static CallHomeTrust inMemory() {
        return new CallHomeTrust(KnownHosts.inMemory(KnownHosts.Policy.STRICT),
                KnownCertificates.inMemory(KnownCertificates.Policy.STRICT));
    }

    /** The SSH host-key store. */
    public KnownHosts store() {
        return store;
    }

    /** The TLS certificate store. */
    public KnownCertificates certificates() {
        return certificates;
    }

    /** True when unknown devices of this transport are trusted on first contact (accept-new or accept-all). */
    public boolean acceptsNew(CallHomeDevice.Transport transport) {
        return switch (transport) {
            case SSH -> store.policy() != KnownHosts.Policy.STRICT;
            case TLS -> certificates.policy() != KnownCertificates.Policy.STRICT;
        };
    }

    public Verdict classify(InetSocketAddress source, DeviceIdentity identity) {
        String fp = identity.fingerprint();
        if (rejected.contains(fp)) {
            return new Rejected("device " + fp + " was rejected");
        }
        String host = source.getAddress().getHostAddress();
        return switch (identity) {
            case DeviceIdentity.SshHostKey k -> classifyKey(host, k.key(), fp);
            case DeviceIdentity.TlsCertificate c -> classifyCertificate(host, c.certificate(), fp);
        };
    }

    private Verdict classifyKey(String host, PublicKey key, String fp) {
        if (store.findKey(key).isPresent()) {
            return new Trusted();
        }
        if (store.policy() == KnownHosts.Policy.ACCEPT_ALL) {
            return new Trusted();
        }
        var m = store.lookup(host, SSH_PORTLESS, key);
        if (m instanceof KnownHosts.Changed c) {
            return new Changed(c.expected().stream().map(e -> HostKeys.fingerprint(e.key())).toList());
        }
        if (m instanceof KnownHosts.Revoked) {
            return new Rejected("device key " + fp + " is marked @revoked");
        }
        return new Unknown();
    }

    private Verdict classifyCertificate(String host, X509Certificate cert, String fp) {
        if (certificates.isRevoked(cert)) {
            return new Rejected("device certificate " + fp + " is marked @revoked");
        }
        if (certificates.find(cert).isPresent() || certificates.policy() == KnownCertificates.Policy.ACCEPT_ALL) {
            return new Trusted();
        }
        if (certificates.lookup(host, KnownCertificates.DEFAULT_PORT, cert) instanceof KnownCertificates.Changed c) {
            return new Changed(c.expected().stream().map(KnownCertificates.Entry::fingerprint).toList());
        }
        return new Unknown();
    }

    /** Trusts a key or certificate, remembering the address it called from (so that a later change is detected). */
    public void trust(InetSocketAddress source, DeviceIdentity identity) throws IOException {
        rejected.remove(identity.fingerprint());
        String host = source.getAddress().getHostAddress();
        switch (identity) {
            case DeviceIdentity.SshHostKey k -> {
                if (store.findKey(k.key()).isEmpty()) {
                    store.add(host, SSH_PORTLESS, k.key());
                }
            }
            case DeviceIdentity.TlsCertificate c -> {
                if (certificates.find(c.certificate()).isEmpty()) {
                    certificates.add(host, KnownCertificates.DEFAULT_PORT, c.certificate());
                }
            }
        }
    }

    public void reject(String fingerprint) {
        rejected.add(fingerprint);
    }

    /** Unpins a key or certificate (the device is unknown again on its next call) and lifts a rejection. */
    public void forget(String fingerprint) throws IOException {
        rejected.remove(fingerprint);
        store.remove(fingerprint);
        if (fingerprint.startsWith("SHA256:")) {
            certificates.remove(fingerprint);
        }
    }
}
