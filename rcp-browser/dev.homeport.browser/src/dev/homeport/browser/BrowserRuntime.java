package dev.homeport.browser;

import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.demo.Demo;
import dev.homeport.netconf.callhome.CallHomeEvent;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.core.runtime.Platform;

/**
 * The one {@link DeviceBrowser} of the running application, shared by its views. Pinned device keys are kept in the
 * workspace ({@code -data}) as an OpenSSH known_hosts file, so trusted devices stay trusted across restarts; modules
 * go to the engine's shared module cache.
 */
public final class BrowserRuntime {
    private static DeviceBrowser browser;
    private static Demo demo;

    private BrowserRuntime() {
    }

    public static synchronized DeviceBrowser browser() {
        if (browser == null) {
            try {
                Path state = workspace().resolve(".homeport");
                Files.createDirectories(state);
                KnownHosts pinned = KnownHosts.file(state.resolve("known_hosts"), KnownHosts.Policy.STRICT);
                browser = new DeviceBrowser(new CallHomeTrust(pinned), ModuleCache.openDefault());
                browser.addEventListener(BrowserRuntime::log);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the browser's state in " + workspace(), e);
            }
        }
        return browser;
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

    /** Starts the demo (listener plus a simulated device calling home), once. */
    static synchronized void startDemo() throws IOException {
        if (demo == null) {
            demo = Demo.start(browser());
            System.out.println("homeport-browser: demo device " + Demo.DEVICE_NAME + " (" + demo.device().fingerprint()
                    + ") calls home to " + browser().sshAddress().map(Object::toString).orElse("?"));
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
