package dev.homeport.netconf.callhome;

import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.tls.TlsIdentity;
import java.util.Optional;

/** The credentials to log in to a trusted call-home device; each device may have its own. */
@FunctionalInterface
public interface CredentialsProvider {
    /** SSH: user name and password or keys. */
    Optional<SshAuth> credentialsFor(CallHomeDevice device);

    /** TLS: the client certificate and key to present to this device (RFC 7589 mutual authentication). */
    default Optional<TlsIdentity> tlsIdentityFor(CallHomeDevice device) {
        return Optional.empty();
    }

    static CredentialsProvider same(SshAuth auth) {
        return d -> Optional.of(auth);
    }

    static CredentialsProvider same(TlsIdentity identity) {
        return same(null, identity);
    }

    /** The same SSH credentials and TLS identity for every device; either may be null. */
    static CredentialsProvider same(SshAuth auth, TlsIdentity identity) {
        return new CredentialsProvider() {
            @Override
            public Optional<SshAuth> credentialsFor(CallHomeDevice device) {
                return Optional.ofNullable(auth);
            }

            @Override
            public Optional<TlsIdentity> tlsIdentityFor(CallHomeDevice device) {
                return Optional.ofNullable(identity);
            }
        };
    }
}
