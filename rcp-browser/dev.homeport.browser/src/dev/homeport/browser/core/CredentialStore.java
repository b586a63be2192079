package dev.homeport.browser.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saved logins: credential profiles (a name and a user) whose passwords live in secure storage, and the listener's
 * own login password. The application uses {@link SecureCredentialStore} (Eclipse secure storage); tests of the
 * panels outside OSGi use {@link #inMemory()}. Passwords go in and out as char arrays and are never printed.
 */
public interface CredentialStore {
    /** A saved login: what the user picks by name when trusting or connecting a device. */
    record Profile(String name, String user) {
        public Profile {
            if (name == null || name.isBlank() || name.contains("/")) {
                throw new IllegalArgumentException("a profile needs a name without '/'");
            }
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("profile " + name + " needs a user name");
            }
            name = name.trim();
            user = user.trim();
        }
    }

    List<Profile> profiles();

    Optional<Profile> profile(String name);

    /** Saves (or replaces) a profile and its password. */
    void save(Profile profile, char[] password) throws IOException;

    Optional<char[]> password(String profileName) throws IOException;

    void remove(String profileName) throws IOException;

    /** The call-home listener's login password (the user is a plain setting). */
    void saveListenerPassword(char[] password) throws IOException;

    Optional<char[]> listenerPassword() throws IOException;

    /** Kept in this object only: for tests and for runs without secure storage. */
    static CredentialStore inMemory() {
        return new CredentialStore() {
            private final Map<String, Profile> profiles = new ConcurrentHashMap<>();
            private final Map<String, char[]> passwords = new ConcurrentHashMap<>();

            @Override
            public List<Profile> profiles() {
                List<Profile> out = new ArrayList<>(profiles.values());
                out.sort(Comparator.comparing(Profile::name));
                return out;
            }

            @Override
            public Optional<Profile> profile(String name) {
                return Optional.ofNullable(profiles.get(name));
            }

            @Override
            public void save(Profile profile, char[] password) {
                profiles.put(profile.name(), profile);
                passwords.put("profile/" + profile.name(), password.clone());
            }

            @Override
            public Optional<char[]> password(String profileName) {
                return Optional.ofNullable(passwords.get("profile/" + profileName)).map(char[]::clone);
            }

            @Override
            public void remove(String profileName) {
                profiles.remove(profileName);
                passwords.remove("profile/" + profileName);
            }

            @Override
            public void saveListenerPassword(char[] password) {
                passwords.put("listener", password.clone());
            }

            @Override
            public Optional<char[]> listenerPassword() {
                return Optional.ofNullable(passwords.get("listener")).map(char[]::clone);
            }
        };
    }
}
