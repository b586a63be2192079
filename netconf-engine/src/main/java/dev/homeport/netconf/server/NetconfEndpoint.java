package dev.homeport.netconf.server;

import dev.homeport.netconf.transport.NetconfTransport;
import java.security.KeyPair;
import java.security.PublicKey;

/**
 * A NETCONF server as its transports see it: its identity, how it checks logins, and what it does with an
 * authenticated connection. A simulated device implements this; SSH and TLS hosts (listening or calling home) carry
 * any number of endpoints in one JVM.
 */
public interface NetconfEndpoint {

    /** A short name for logs and CLI output, e.g. {@code home-router-3}. */
    String name();

    /** The SSH host key that identifies this device to managers. */
    KeyPair hostKey();

    /** Password login (SSH password and keyboard-interactive). */
    boolean authenticatePassword(String user, String password);

    /** Public-key login. */
    boolean authenticatePublicKey(String user, PublicKey key);

    /**
     * Starts NETCONF on an authenticated transport. {@code username} is the SSH user, or for TLS the name mapped
     * from the client certificate (RFC 7589 cert-to-name).
     */
    void accept(NetconfTransport transport, String username);
}
