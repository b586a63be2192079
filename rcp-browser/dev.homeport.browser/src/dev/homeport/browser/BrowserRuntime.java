package dev.homeport.browser;

import dev.homeport.browser.core.BrowserState;
import dev.homeport.browser.core.CredentialStore;
import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.core.EclipseJobs;
import dev.homeport.browser.core.SecureCredentialStore;
import dev.homeport.browser.demo.Demo;
import dev.homeport.netconf.callhome.CallHomeEvent;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.tls.KnownCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.core.runtime.Platform;

/**
 * The one {@link DeviceBrowser} of the running application, shared by its views. Its state is in the workspace
 * ({@code -data}), folder {@code .homeport}: pinned device keys as an OpenSSH known_hosts file and pinned TLS
 * certificates as known_certificates (trusted devices stay trusted across restarts), the listener settings, known
 * devices and UI state ({@code browser.properties}), and the passwords in Eclipse secure storage
 * ({@link SecureCredentialStore}). Modules go to the engine's shared module cache. Long work runs as Eclipse Jobs.
 */
public final class BrowserRuntime {
    private static DeviceBrowser browser;
    private static Demo demo;

    private BrowserRuntime() {
    }

    public static synchronized DeviceBrowser browser() {
        if (browser == null) {
            Path state = workspace().resolve(".homeport");
            try {
                Files.createDirectories(state);
                KnownHosts pinned = KnownHosts.file(state.resolve("known_hosts"), KnownHosts.Policy.STRICT);
                KnownCertificates certificates = KnownCertificates.file(state.resolve("known_certificates"),
                        KnownCertificates.Policy.STRICT);
                browser = new DeviceBrowser(new CallHomeTrust(pinned, certificates), ModuleCache.openDefault(),
                        BrowserState.file(state.resolve("browser.properties")), credentials(state));
                browser.jobs(new EclipseJobs());
                browser.addEventListener(BrowserRuntime::log);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the browser's state in " + workspace(), e);
            }
        }
        return browser;
    }

    private static CredentialStore credentials(Path state) {
        try {
            return SecureCredentialStore.open(state);
        } catch (IOException | RuntimeException | LinkageError e) {
            // the browser still works: profiles and the listener password last for this run only
            System.err.println("homeport-browser: secure storage is not available (" + e.getMessage()
                    + "); saved passwords last for this run only");
            return CredentialStore.inMemory();
        }
    }

    /** One console line per call-home event (-consoleLog shows it): what happened, to which key, never a secret. */
    private static void log(CallHomeEvent e) {
        String what = switch (e) {
            case CallHomeEvent.Pending p -> "waiting for approval: " + p.device().fingerprint();
            case CallHomeEvent.Trusted t -> "trusted: " + t.device().fingerprint();
            case CallHomeEvent.Connected c -> "connected: " + c.device().fingerprint();
            case CallHomeEvent.Disconnected d -> "disconnected: " + d.device().fingerprint() + " (" + d.reason() + ")";
            case CallHomeEvent.Refused r -> "refused: " + r.device().map(d -> d.fingerprint()).orElse("?") + " ("
                    + r.reason() + ")";
        };
        System.out.println("homeport-browser: call home from " + e.source().getAddress().getHostAddress() + ": " + what);
    }

    private static Path workspace() {
        try {
            var location = Platform.getInstanceLocation();
            if (location != null && location.getURL() != null) {
                return Path.of(location.getURL().toURI());
            }
        } catch (Exception e) {
            // fall through to the home directory
        }
        return Path.of(System.getProperty("user.home"), ".homeport", "browser");
    }

    /** Starts the demo (listener plus the simulator's home-router calling home), once. */
    static synchronized void startDemo() throws IOException {
        if (demo == null) {
            demo = Demo.start(browser());
            System.out.println("homeport-browser: demo device " + Demo.DEVICE_NAME + " (" + demo.fingerprint()
                    + ") calls home to " + browser().sshAddress().map(Object::toString).orElse("?")
                    + " (engine simulator, profile " + Demo.PROFILE + ")");
        }
    }

    static synchronized void shutdown() {
        if (demo != null) {
            demo.close();
            demo = null;
        }
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
