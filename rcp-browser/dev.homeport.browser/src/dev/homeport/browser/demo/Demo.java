package dev.homeport.browser.demo;

import dev.homeport.browser.core.BrowserSettings;
import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.netconf.server.host.CallHomePolicy;
import dev.homeport.netconf.server.host.SshDeviceHost;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * {@code ./homeport demo}: the browser's call-home listener on loopback, and one simulated device, {@code
 * home-router}, calling home into it from loopback (RFC 8071, persistent: it calls again after a drop). The user
 * then sees it waiting for approval, trusts it, and browses and edits it.
 */
public final class Demo implements AutoCloseable {
    public static final String DEVICE_NAME = "home-router";

    private final SshDeviceHost host;
    private final DemoDevice device;

    private Demo(SshDeviceHost host, DemoDevice device) {
        this.host = host;
        this.device = device;
    }

    /**
     * Starts the listener on 127.0.0.1 (the RFC 8071 port, or any free port when 4334 is taken) and the device.
     */
    public static Demo start(DeviceBrowser browser) throws IOException {
        BrowserSettings s = browser.settings();
        BrowserSettings loopback = new BrowserSettings("127.0.0.1", s.sshPort(), s.username(), s.password());
        if (!browser.isListening()) {
            browser.applySettings(loopback);
            try {
                browser.startListening();
            } catch (IOException e) {
                // 4334 taken (another manager, another demo): any free port will do for a device on this machine
                browser.applySettings(new BrowserSettings("127.0.0.1", 0, s.username(), s.password()));
                browser.startListening();
            }
        }
        InetSocketAddress manager = browser.sshAddress().orElseThrow(
                () -> new IOException("the call-home listener did not start"));
        DemoDevice device = new DemoDevice(DEVICE_NAME, s.username(), new String(s.password()));
        SshDeviceHost host = SshDeviceHost.start();
        host.callHome(device, manager, InetAddress.getLoopbackAddress(), CallHomePolicy.persistent());
        return new Demo(host, device);
    }

    public DemoDevice device() {
        return device;
    }

    @Override
    public void close() {
        host.close();
    }
}
