package dev.homeport.netconf.transport.ssh;

import dev.homeport.netconf.AuthenticationException;
import dev.homeport.netconf.transport.KeyFiles;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Credentials for one device: a username plus a password (used for password and keyboard-interactive
 * authentication) and/or key pairs (ed25519, ecdsa, rsa). {@link #toString()} never shows secrets.
 */
public final class SshAuth {
    private final String username;
    private final char[] password;
    private final List<KeyPair> keys;

    private SshAuth(String username, char[] password, List<KeyPair> keys) {
        if (username == null || username.isEmpty()) {
            throw new IllegalArgumentException("username is required");
        }
        this.username = username;
        this.password = password == null ? null : password.clone();
        this.keys = List.copyOf(keys);
    }

    public static SshAuth password(String username, char[] password) {
        return new SshAuth(username, password, List.of());
    }

    public static SshAuth password(String username, String password) {
        return password(username, password.toCharArray());
    }

    public static SshAuth keys(String username, List<KeyPair> keys) {
        return new SshAuth(username, null, keys);
    }

    /** Loads an OpenSSH or PEM private key file; {@code passphrase} may be null for unencrypted keys. */
    public static SshAuth keyFile(String username, Path file, char[] passphrase) throws AuthenticationException {
        return keys(username, loadKeys(file, passphrase));
    }

    /** Loads an OpenSSH or PEM private key file; {@code passphrase} may be null for unencrypted keys. */
    public static List<KeyPair> loadKeys(Path file, char[] passphrase) throws AuthenticationException {
        return KeyFiles.loadKeyPairs(file, passphrase);
    }

    public SshAuth withKeys(List<KeyPair> more) {
        List<KeyPair> all = new ArrayList<>(keys);
        all.addAll(more);
        return new SshAuth(username, password, all);
    }

    public String username() {
        return username;
    }

    public Optional<char[]> password() {
        return Optional.ofNullable(password).map(char[]::clone);
    }

    public List<KeyPair> keys() {
        return keys;
    }

    /** Overwrites the password in memory. */
    public void destroy() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public String toString() {
        return "SshAuth[user=" + username + (password != null ? ", password=*****" : "")
                + (keys.isEmpty() ? "" : ", keys=" + keys.size()) + "]";
    }
}
