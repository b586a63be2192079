package dev.homeport.netconf.cli;

import dev.homeport.netconf.server.host.SshDeviceHost;
import dev.homeport.netconf.server.host.TlsDeviceHost;
import dev.homeport.netconf.server.sim.DeviceKeys;
import dev.homeport.netconf.server.sim.DeviceUsers;
import dev.homeport.netconf.server.sim.Profile;
import dev.homeport.netconf.server.sim.SimulatedDevice;
import dev.homeport.netconf.transport.ssh.HostKeys;
import dev.homeport.netconf.transport.tls.CertificateAuthority;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code homeport device serve}: one simulated device that NETCONF clients reach over SSH. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Start a simulated NETCONF device and serve clients over SSH (and TLS with --tls-port) until "
                + "interrupted (Ctrl-C).",
                "The device's host-key fingerprint is printed on stdout; a client checks it on first contact."},
        footer = {"%nExamples:",
                "  homeport device serve --profile home-router",
                "  homeport device serve --profile switch --port 2830 --users users.txt",
                "  homeport device serve --profile home-router --tls-port 6513"})
public final class DeviceServeCommand implements Callable<Integer> {
    @ParentCommand
    DeviceCommand parent;

    @Mixin
    DeviceOptions device = new DeviceOptions();

    @Option(names = "--address", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String address;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8830",
            description = "SSH port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--tls-port", paramLabel = "PORT", arity = "0..1", fallbackValue = "6513",
            description = "Also serve NETCONF over TLS (RFC 7589) on PORT (6513 when none is given), with a "
                    + "certificate of the --ca-dir CA; clients log in with a client certificate of that CA.")
    Integer tlsPort;

    @Override
    public Integer call() {
        CommandIo io = parent.io();
        Profile profile;
        DeviceUsers users;
        InetSocketAddress bind;
        CertificateAuthority ca;
        try {
            if (port < 0 || port > 65535) {
                throw new UsageException("--port must be 0..65535");
            }
            if (tlsPort != null && (tlsPort < 0 || tlsPort > 65535)) {
                throw new UsageException("--tls-port must be 0..65535");
            }
            bind = new InetSocketAddress(address, port);
            if (bind.isUnresolved()) {
                throw new UsageException("--address " + address + " is not a known host name or address");
            }
            users = device.loadUsers();
            profile = device.loadProfile();
            ca = tlsPort == null ? null : device.openCa(io);
        } catch (UsageException e) {
            io.err().println("homeport: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        SimulatedDevice sim = new SimulatedDevice(profile.name(), profile, DeviceKeys.generate(), users,
                SimulatedDevice.Options.defaults());
        CountDownLatch stopped = new CountDownLatch(1);
        try (SshDeviceHost host = SshDeviceHost.start(); TlsDeviceHost tlsHost = ca == null ? null
                : TlsDeviceHost.start()) {
            SshDeviceHost.Listener l;
            TlsDeviceHost.Listener tl = null;
            try {
                l = host.listen(sim, bind);
                if (tlsHost != null) {
                    tl = tlsHost.listen(sim, DeviceOptions.deviceTls(ca, sim.name(), List.of(address, "localhost")),
                            new InetSocketAddress(address, tlsPort));
                }
            } catch (IOException e) {
                io.err().println("homeport: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            io.err().println("homeport: " + device.whoMayLogIn(users));
            io.out().println("device " + sim.name() + " (profile " + profile.name() + ") SSH "
                    + ListenCommand.describe(l.address()) + " host key " + HostKeys.type(sim.hostKey().getPublic())
                    + " " + HostKeys.fingerprint(sim.hostKey().getPublic()));
            if (tl != null) {
                io.out().println("device " + sim.name() + " (profile " + profile.name() + ") TLS "
                        + ListenCommand.describe(tl.address()) + " certificate " + tl.tls().fingerprint());
            }
            io.out().flush();
            io.err().println("homeport: serving until interrupted (Ctrl-C stops)");
            io.err().flush();
            try (ShutdownHook hook = ShutdownHook.install(io, () -> {
                host.close();
                if (tlsHost != null) {
                    tlsHost.close();
                }
                stopped.countDown();
            })) {
                stopped.await();
            } catch (InterruptedException e) {
                // stopped from outside (a test, an embedding program)
            }
        }
        return ExitCodes.OK;
    }
}
