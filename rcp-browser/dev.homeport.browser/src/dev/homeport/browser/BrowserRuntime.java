package dev.homeport.browser;

import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.demo.Demo;
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
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the browser's state in " + workspace(), e);
            }
        }
        return browser;
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
