package dev.homeport.netconf.callhome;

import dev.homeport.netconf.transport.ssh.SshAuth;
import java.util.Optional;

/** The credentials to log in to a trusted call-home device; each device may have its own. */
@FunctionalInterface
public interface CredentialsProvider {
    Optional<SshAuth> credentialsFor(CallHomeDevice device);

    static CredentialsProvider same(SshAuth auth) {
        return d -> Optional.of(auth);
    }
}
