package dev.homeport.browser.core;

import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.PBEKeySpec;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;

/**
 * Credential profiles in Eclipse secure storage ({@code org.eclipse.equinox.security}): the profile's user as a plain
 * entry, its password encrypted. Nodes: {@code /dev.homeport.browser/profiles/NAME} (user, password) and
 * {@code /dev.homeport.browser/listener} (password).
 *
 * <p>The storage is a file in the workspace ({@code .homeport/secure_storage}), not the user's default one: the
 * browser also runs where no OS keyring or password prompt is there (Xvfb, CI, a fresh machine). Its master
 * password is a random key kept next to it in {@code .homeport/secure_storage.key} (owner-only permissions), given
 * to Equinox's default provider as {@link IProviderHints#DEFAULT_PASSWORD}; so the passwords are as safe as that
 * file, like an SSH private key without a passphrase, and never stored in clear text.
 */
public final class SecureCredentialStore implements CredentialStore {
    private static final String ROOT = "dev.homeport.browser";
    private static final String PASSWORD = "password";
    private static final String USER = "user";

    private final ISecurePreferences root;

    private SecureCredentialStore(ISecurePreferences root) {
        this.root = root;
    }

    /** Opens (or creates) the storage of a workspace state folder ({@code <workspace>/.homeport}). */
    public static SecureCredentialStore open(Path stateFolder) throws IOException {
        Files.createDirectories(stateFolder);
        Path storage = stateFolder.resolve("secure_storage");
        try {
            ISecurePreferences prefs = SecurePreferencesFactory.open(storage.toUri().toURL(), options(stateFolder));
            if (prefs == null) {
                throw new IOException("Eclipse secure storage cannot be opened at " + storage);
            }
            return new SecureCredentialStore(prefs.node(ROOT));
        } catch (MalformedURLException e) {
            throw new IOException("bad secure storage location " + storage, e);
        }
    }

    /** The storage file's open options: the workspace's own master key, never a prompt. */
    public static Map<Object, Object> options(Path stateFolder) throws IOException {
        Map<Object, Object> options = new HashMap<>();
        options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(masterKey(stateFolder.resolve(
                "secure_storage.key"))));
        options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
        return options;
    }

    public static Path location(Path stateFolder) {
        return stateFolder.resolve("secure_storage");
    }

    private static char[] masterKey(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        }
        return Files.readString(file).trim().toCharArray();
    }

    @Override
    public List<Profile> profiles() {
        ISecurePreferences node = root.node("profiles");
        List<Profile> out = new ArrayList<>();
        for (String name : node.childrenNames()) {
            profile(name).ifPresent(out::add);
        }
        out.sort(java.util.Comparator.comparing(Profile::name));
        return out;
    }

    @Override
    public Optional<Profile> profile(String name) {
        ISecurePreferences profiles = root.node("profiles");
        if (!profiles.nodeExists(name)) {
            return Optional.empty();
        }
        try {
            String user = profiles.node(name).get(USER, null);
            return user == null ? Optional.empty() : Optional.of(new Profile(name, user));
        } catch (StorageException e) {
            return Optional.empty();
        }
    }

    @Override
    public void save(Profile profile, char[] password) throws IOException {
        ISecurePreferences node = root.node("profiles").node(profile.name());
        try {
            node.put(USER, profile.user(), false);
            node.put(PASSWORD, new String(password), true);
            root.flush();
        } catch (StorageException e) {
            throw new IOException("cannot save profile " + profile.name() + " in secure storage: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public Optional<char[]> password(String profileName) throws IOException {
        ISecurePreferences profiles = root.node("profiles");
        if (!profiles.nodeExists(profileName)) {
            return Optional.empty();
        }
        return read(profiles.node(profileName), "profile " + profileName);
    }

    @Override
    public void remove(String profileName) throws IOException {
        ISecurePreferences profiles = root.node("profiles");
        if (profiles.nodeExists(profileName)) {
            profiles.node(profileName).removeNode();
            root.flush();
        }
    }

    @Override
    public void saveListenerPassword(char[] password) throws IOException {
        try {
            root.node("listener").put(PASSWORD, new String(password), true);
            root.flush();
        } catch (StorageException e) {
            throw new IOException("cannot save the listener's password in secure storage: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<char[]> listenerPassword() throws IOException {
        return root.nodeExists("listener") ? read(root.node("listener"), "the listener") : Optional.empty();
    }

    private static Optional<char[]> read(ISecurePreferences node, String what) throws IOException {
        try {
            String pw = node.get(PASSWORD, null);
            return Optional.ofNullable(pw).map(String::toCharArray);
        } catch (StorageException e) {
            throw new IOException("cannot read the password of " + what + " from secure storage: " + e.getMessage(),
                    e);
        }
    }
}
