package dev.homeport.browser.demo;

import dev.homeport.browser.core.BrowserSettings;
import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.netconf.server.host.CallHomePolicy;
import dev.homeport.netconf.server.host.SshDeviceHost;
import dev.homeport.netconf.server.sim.DeviceKeys;
import dev.homeport.netconf.server.sim.DeviceUsers;
import dev.homeport.netconf.server.sim.InvalidProfileException;
import dev.homeport.netconf.server.sim.Profile;
import dev.homeport.netconf.server.sim.SimulatedDevice;
import dev.homeport.netconf.transport.ssh.HostKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * {@code ./homeport demo}: the browser's SSH call-home listener on loopback, and the engine's simulated device of the
 * {@code home-router} profile ({@code server.sim}) calling home into it from loopback (RFC 8071, persistent: it calls
 * again after a drop). The user then sees it waiting for approval, trusts it, and browses and edits it. Its host key
 * is derived from its name, so its fingerprint is the same on every run; it logs in {@code admin}/{@code admin}.
 */
public final class Demo implements AutoCloseable {
    public static final String DEVICE_NAME = "home-router";
    public static final String PROFILE = "home-router";

    private final SshDeviceHost host;
    private final SimulatedDevice device;

    private Demo(SshDeviceHost host, SimulatedDevice device) {
        this.host = host;
        this.device = device;
    }

    /** The demo device of the engine's simulator: profile {@code home-router}, a stable host key, admin/admin. */
    public static SimulatedDevice device(String name) throws InvalidProfileException {
        return new SimulatedDevice(name, Profile.named(PROFILE), DeviceKeys.derive("homeport-demo", name),
                DeviceUsers.defaults(), SimulatedDevice.Options.defaults());
    }

    /**
     * Starts the SSH listener on 127.0.0.1 (the RFC 8071 port, or any free port when 4334 is taken) and the device.
     */
    public static Demo start(DeviceBrowser browser) throws IOException {
        BrowserSettings s = browser.settings();
        if (!browser.isSshListening()) {
            BrowserSettings loopback = new BrowserSettings("127.0.0.1", s.sshPort(), s.username(), s.password(),
                    s.tlsPort(), true, s.tlsEnabled(), s.tlsCertificate(), s.tlsKey());
            browser.applySettings(loopback);
            try {
                browser.startSsh(true);
            } catch (IOException e) {
                // 4334 taken (another manager, another demo): any free port will do for a device on this machine
                browser.applySettings(loopback.withSshPort(0));
                browser.startSsh(true);
            }
        }
        InetSocketAddress manager = browser.sshAddress().orElseThrow(
                () -> new IOException("the call-home listener did not start"));
        SimulatedDevice device;
        try {
            device = device(DEVICE_NAME);
        } catch (InvalidProfileException e) {
            throw new IOException("the simulator's " + PROFILE + " profile cannot be loaded: " + e.getMessage(), e);
        }
        SshDeviceHost host = SshDeviceHost.start();
        host.callHome(device, manager, InetAddress.getLoopbackAddress(), CallHomePolicy.persistent());
        return new Demo(host, device);
    }

    public SimulatedDevice device() {
        return device;
    }

    /** The demo device's host-key fingerprint, as the Devices view shows it. */
    public String fingerprint() {
        return HostKeys.fingerprint(device.hostKey().getPublic());
    }

    @Override
    public void close() {
        host.close();
    }
}
