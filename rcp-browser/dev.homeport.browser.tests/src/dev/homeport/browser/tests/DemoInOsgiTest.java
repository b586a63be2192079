package dev.homeport.browser.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.homeport.browser.core.BrowserSettings;
import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.core.DeviceConnection;
import dev.homeport.browser.core.DeviceEntry;
import dev.homeport.browser.demo.Demo;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.data.XmlDataCodec;
import dev.homeport.netconf.schema.ModuleCache;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./homeport demo} in Equinox: the engine simulator's home-router profile loads from the engine bundle, the
 * device calls home into the browser's listener, is trusted, and its running datastore is read through the browser.
 */
class DemoInOsgiTest {
    @TempDir
    Path tmp;

    @Test
    void theSimulatedHomeRouterCallsHomeIsTrustedAndItsRunningDatastoreIsRead() throws Exception {
        try (DeviceBrowser browser = new DeviceBrowser(CallHomeTrust.inMemory(), new ModuleCache(tmp))) {
            browser.applySettings(new BrowserSettings("127.0.0.1", 0, "admin", "admin".toCharArray()));
            try (Demo demo = Demo.start(browser)) {
                assertTrue(browser.isSshListening());
                String fp = demo.fingerprint();
                DeviceEntry pending = await("the demo device waiting for approval", () -> browser.entry(fp)
                        .filter(e -> e.state() == DeviceEntry.State.PENDING));
                assertEquals(DeviceEntry.Transport.SSH, pending.transport());
                browser.trust(fp);
                DeviceConnection c = await("the demo device connected", () -> browser.connection(fp));
                String running = new XmlDataCodec(c.schema().context()).toXml(c.read(DeviceConnection.Store.RUNNING));
                assertTrue(running.contains("<hostname>home-router</hostname>"), running);
                assertTrue(c.hasCandidate());
            }
        }
    }

    private static <T> T await(String what, Supplier<Optional<T>> value) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> v = value.get();
            if (v.isPresent()) {
                return v.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
