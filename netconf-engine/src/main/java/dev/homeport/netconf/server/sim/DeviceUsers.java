package dev.homeport.netconf.server.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * Who may log in to simulated devices: {@code admin} with password {@code admin} unless a users file says otherwise.
 * The file has one entry a line, {@code user:password} or {@code user:ssh-public-key} (an OpenSSH public key line:
 * {@code ssh-ed25519 AAAA... comment}); a user may have several lines; blank lines and lines starting with {@code #}
 * are ignored. Passwords are compared in constant time and never appear in messages or {@link #toString()}.
 */
public final class DeviceUsers {
    private record Credentials(List<byte[]> passwords, List<PublicKey> keys) {
    }

    private static final DeviceUsers DEFAULT = new DeviceUsers(Map.of("admin", new Credentials(
            List.of("admin".getBytes(StandardCharsets.UTF_8)), List.of())));

    private final Map<String, Credentials> users;

    private DeviceUsers(Map<String, Credentials> users) {
        // the file's order, for messages that list the users
        this.users = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(users));
    }

    /** {@code admin} / {@code admin}. */
    public static DeviceUsers defaults() {
        return DEFAULT;
    }

    /** Reads a users file (see the class comment). */
    public static DeviceUsers load(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses users lines; {@code origin} names them in errors.
     *
     * @throws IllegalArgumentException naming the line when one is malformed, or when no user is defined
     */
    public static DeviceUsers parse(List<String> lines, String origin) {
        Map<String, List<byte[]>> passwords = new LinkedHashMap<>();
        Map<String, List<PublicKey>> keys = new LinkedHashMap<>();
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(origin + " line " + n
                        + ": expected user:password or user:ssh-public-key");
            }
            String user = line.substring(0, colon).strip();
            String secret = line.substring(colon + 1);
            if (user.isEmpty() || user.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(origin + " line " + n + ": the user name is empty or has spaces");
            }
            passwords.computeIfAbsent(user, u -> new ArrayList<>());
            keys.computeIfAbsent(user, u -> new ArrayList<>());
            if (looksLikePublicKey(secret.strip())) {
                try {
                    PublicKey key = AuthorizedKeyEntry.parseAuthorizedKeyEntry(secret.strip())
                            .resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
                    if (key == null) {
                        throw new IllegalArgumentException("unsupported key type");
                    }
                    keys.get(user).add(key);
                } catch (IOException | GeneralSecurityException | RuntimeException e) {
                    throw new IllegalArgumentException(origin + " line " + n + ": the public key of user '" + user
                            + "' cannot be read: " + e.getMessage(), e);
                }
            } else {
                if (secret.isEmpty()) {
                    throw new IllegalArgumentException(origin + " line " + n + ": empty password for '" + user + "'");
                }
                passwords.get(user).add(secret.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (passwords.isEmpty()) {
            throw new IllegalArgumentException(origin + ": no users defined");
        }
        Map<String, Credentials> users = new LinkedHashMap<>();
        for (String u : passwords.keySet()) {
            users.put(u, new Credentials(List.copyOf(passwords.get(u)), List.copyOf(keys.get(u))));
        }
        return new DeviceUsers(users);
    }

    private static boolean looksLikePublicKey(String s) {
        return s.startsWith("ssh-") || s.startsWith("ecdsa-sha2-") || s.startsWith("sk-");
    }

    public boolean checkPassword(String user, String password) {
        Credentials c = users.get(user);
        if (c == null || password == null) {
            return false;
        }
        byte[] given = password.getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (byte[] p : c.passwords()) {
            ok |= MessageDigest.isEqual(p, given);
        }
        return ok;
    }

    public boolean checkKey(String user, PublicKey key) {
        Credentials c = users.get(user);
        if (c == null || key == null) {
            return false;
        }
        for (PublicKey k : c.keys()) {
            if (KeyUtils.compareKeys(k, key)) {
                return true;
            }
        }
        return false;
    }

    public Set<String> names() {
        return users.keySet();
    }

    @Override
    public String toString() {
        return "users " + users.keySet();
    }
}
