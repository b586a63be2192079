package dev.homeport.netconf.transport.ssh;

import java.net.SocketAddress;
import java.security.PublicKey;

/** Decides whether a device's SSH host key is trusted. */
@FunctionalInterface
public interface HostKeyVerifier {

    /**
     * @param host the name or address the user connected to (or the call-home source address)
     * @param port the port connected to; for call home, the device's source port
     * @return whether to continue, and why not
     */
    Decision verify(String host, int port, SocketAddress remote, PublicKey key);

    sealed interface Decision permits Accept, Reject {
    }

    record Accept() implements Decision {
    }

    record Reject(String reason) implements Decision {
    }

    static Decision accept() {
        return new Accept();
    }

    static Decision reject(String reason) {
        return new Reject(reason);
    }
}
