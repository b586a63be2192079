package dev.homeport.netconf.transport.ssh;

import dev.homeport.netconf.AuthenticationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

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

    public static List<KeyPair> loadKeys(Path file, char[] passphrase) throws AuthenticationException {
        FilePasswordProvider pp = passphrase == null ? FilePasswordProvider.EMPTY
                : FilePasswordProvider.of(new String(passphrase));
        try (InputStream in = Files.newInputStream(file)) {
            List<KeyPair> out = new ArrayList<>();
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()),
                    in, pp);
            if (loaded != null) {
                loaded.forEach(out::add);
            }
            if (out.isEmpty()) {
                throw new AuthenticationException("no private key found in " + file);
            }
            return out;
        } catch (IOException | GeneralSecurityException e) {
            throw new AuthenticationException("cannot read private key " + file + ": " + e.getMessage(), e);
        }
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
