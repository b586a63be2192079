package dev.homeport.browser.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeport.browser.core.BrowserSettings;
import dev.homeport.browser.core.BrowserState;
import dev.homeport.browser.core.CredentialStore;
import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.core.SecureCredentialStore;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.schema.ModuleCache;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credential profiles in Eclipse secure storage, in Equinox as the browser runs: a saved password is read back
 * through {@link ISecurePreferences} (encrypted), by a new store over the same workspace, and by a new
 * {@link DeviceBrowser}; it never appears in a plain file of the workspace, the platform's log or preferences, or on
 * the console.
 */
class SecureCredentialStoreTest {
    private static final String PROFILE_PASSWORD = "pa55-w0rd-for-lab-7f3";
    private static final String LISTENER_PASSWORD = "listener-pw-91c2e";

    @TempDir
    Path workspace;

    @Test
    void aSavedPasswordIsReadBackThroughSecureStorageAndIsInNoPlainFileOrLog() throws Exception {
        Path state = workspace.resolve(".homeport");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            SecureCredentialStore store = SecureCredentialStore.open(state);
            store.save(new CredentialStore.Profile("lab", "netops"), PROFILE_PASSWORD.toCharArray());
            // the listener's password goes there too when the browser saves its settings
            try (DeviceBrowser browser = new DeviceBrowser(CallHomeTrust.inMemory(),
                    new ModuleCache(workspace.resolve("modules")),
                    BrowserState.file(state.resolve("browser.properties")), store)) {
                browser.applySettings(new BrowserSettings("127.0.0.1", 0, "admin", LISTENER_PASSWORD.toCharArray()));
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        // read back through Eclipse secure storage itself, in a new handle on the same file
        ISecurePreferences prefs = SecurePreferencesFactory.open(
                SecureCredentialStore.location(state).toUri().toURL(), SecureCredentialStore.options(state));
        ISecurePreferences lab = prefs.node("dev.homeport.browser/profiles/lab");
        assertEquals(PROFILE_PASSWORD, lab.get("password", null));
        assertTrue(lab.isEncrypted("password"), "the password is stored encrypted");
        assertEquals("netops", lab.get("user", null));
        assertEquals(LISTENER_PASSWORD, prefs.node("dev.homeport.browser/listener").get("password", null));

        // a new store and a new browser over the same workspace see them
        SecureCredentialStore again = SecureCredentialStore.open(state);
        assertEquals(List.of(new CredentialStore.Profile("lab", "netops")), again.profiles());
        assertArrayEquals(PROFILE_PASSWORD.toCharArray(), again.password("lab").orElseThrow());
        try (DeviceBrowser browser = new DeviceBrowser(CallHomeTrust.inMemory(),
                new ModuleCache(workspace.resolve("modules")),
                BrowserState.file(state.resolve("browser.properties")), again)) {
            assertArrayEquals(LISTENER_PASSWORD.toCharArray(), browser.settings().password());
        }

        // nowhere in plain text: the workspace's files (the secure storage file is encrypted), the platform's
        // instance area (log, preferences), the console
        assertTrue(Files.exists(SecureCredentialStore.location(state)));
        List<Path> roots = new java.util.ArrayList<>(List.of(workspace));
        if (Platform.getInstanceLocation() != null && Platform.getInstanceLocation().getURL() != null) {
            roots.add(Path.of(Platform.getInstanceLocation().getURL().toURI()));
        }
        roots.add(Platform.getLogFileLocation().toFile().toPath().getParent());
        int files = 0;
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    files++;
                    String text = read(f);
                    assertFalse(text.contains(PROFILE_PASSWORD), "profile password in plain text in " + f);
                    assertFalse(text.contains(LISTENER_PASSWORD), "listener password in plain text in " + f);
                }
            }
        }
        assertTrue(files >= 3, "the workspace holds the state file, the storage and its key: " + files);
        String printed = console.toString(StandardCharsets.UTF_8);
        assertFalse(printed.contains(PROFILE_PASSWORD) || printed.contains(LISTENER_PASSWORD), printed);
        assertTrue(Files.readString(state.resolve("browser.properties")).contains("listener.user=admin"));
    }

    private static String read(Path f) throws IOException {
        return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
    }
}
