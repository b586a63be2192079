package dev.homeport.netconf.cli;

import dev.homeport.netconf.server.host.CallHome;
import dev.homeport.netconf.server.host.CallHomePolicy;
import dev.homeport.netconf.server.host.SshDeviceHost;
import dev.homeport.netconf.server.host.TlsDeviceHost;
import dev.homeport.netconf.server.host.TlsDeviceHost.DeviceTls;
import dev.homeport.netconf.server.sim.DeviceKeys;
import dev.homeport.netconf.server.sim.DeviceUsers;
import dev.homeport.netconf.server.sim.Profile;
import dev.homeport.netconf.server.sim.SimulatedDevice;
import dev.homeport.netconf.transport.ssh.HostKeys;
import dev.homeport.netconf.transport.tls.CertificateAuthority;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code homeport device callhome}: simulated devices that call a manager home (RFC 8071) over SSH. */
@Command(name = "callhome", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Start simulated NETCONF devices that call a manager home over SSH or TLS (RFC 8071) and keep "
                + "calling (persistent connection) until interrupted (Ctrl-C).",
                "Each device has its own host key, printed on stdout with its fingerprint, and, when the manager "
                        + "is on this machine (127.0.0.0/8), its own source address 127.x.y.z."},
        footer = {"%nExamples:",
                "  homeport device callhome --profile home-router --to 127.0.0.1:4334",
                "  homeport device callhome --profile home-router --to 127.0.0.1:4334 --count 50 --reconnect 5",
                "  homeport device callhome --profile home-router --to 127.0.0.1:4335 --tls"})
public final class DeviceCallHomeCommand implements Callable<Integer> {
    /** More than this and the 127.x.y.z sources (x, y, z in 1..254) run out. */
    static final int MAX_COUNT = 126 * 254 * 254;

    @ParentCommand
    DeviceCommand parent;

    @Mixin
    DeviceOptions device = new DeviceOptions();

    @Option(names = "--to", paramLabel = "HOST:PORT", required = true,
            description = "The manager's call-home address (SSH call home is port 4334 by convention).")
    String to;

    @Option(names = "--tls", description = "Call home over TLS (RFC 8071 section 4, port 4335 by convention) instead "
            + "of SSH, each device with its own certificate of the --ca-dir CA.")
    boolean tls;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1",
            description = "Number of devices (default ${DEFAULT-VALUE}), each with its own host key and source "
                    + "address.")
    int count;

    @Option(names = "--reconnect", paramLabel = "SECONDS", defaultValue = "1",
            description = "Wait before calling again after a connection ends or fails (default ${DEFAULT-VALUE}); "
                    + "doubles after each failure in a row, up to 5 minutes.")
    double reconnect;

    @Override
    public Integer call() {
        CommandIo io = parent.io();
        Profile profile;
        DeviceUsers users;
        InetSocketAddress manager;
        CallHomePolicy policy;
        CertificateAuthority ca;
        try {
            if (count < 1 || count > MAX_COUNT) {
                throw new UsageException("--count must be 1.." + MAX_COUNT);
            }
            if (!(reconnect > 0) || reconnect > 86_400) {
                throw new UsageException("--reconnect must be more than 0 and at most 86400 seconds");
            }
            manager = parseTarget(to);
            Duration first = Duration.ofMillis(Math.max(1, Math.round(reconnect * 1000)));
            Duration max = first.compareTo(Duration.ofMinutes(5)) > 0 ? first : Duration.ofMinutes(5);
            policy = CallHomePolicy.persistent().withBackoff(new CallHomePolicy.Backoff(first, max, 2, 0.2));
            users = device.loadUsers();
            profile = device.loadProfile();
            ca = tls ? device.openCa(io) : null;
        } catch (UsageException e) {
            io.err().println("homeport: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        boolean loopback = manager.getAddress().isLoopbackAddress();
        CountDownLatch stopped = new CountDownLatch(1);
        try (SshDeviceHost host = tls ? null : SshDeviceHost.start();
             TlsDeviceHost tlsHost = tls ? TlsDeviceHost.start() : null) {
            if (tls) {
                tlsHost.addCallHomeListener(change -> report(change, io));
            } else {
                host.addCallHomeListener(change -> report(change, io));
                io.err().println("homeport: " + device.whoMayLogIn(users));
            }
            for (int i = 0; i < count; i++) {
                String name = count == 1 ? profile.name() : profile.name() + "-" + (i + 1);
                SimulatedDevice sim = new SimulatedDevice(name, profile, DeviceKeys.generate(), users,
                        SimulatedDevice.Options.defaults());
                InetAddress source = loopback ? loopbackSource(i) : anyAddress();
                String calls = "device " + name + " (profile " + profile.name() + ") calls "
                        + ListenCommand.describe(manager) + (tls ? " over TLS" : "") + " from "
                        + source.getHostAddress();
                if (tls) {
                    DeviceTls identity = DeviceOptions.deviceTls(ca, name, List.of());
                    io.out().println(calls + " certificate " + identity.fingerprint());
                    tlsHost.callHome(sim, identity, manager, source, policy);
                } else {
                    io.out().println(calls + " host key " + HostKeys.type(sim.hostKey().getPublic()) + " "
                            + HostKeys.fingerprint(sim.hostKey().getPublic()));
                    host.callHome(sim, manager, source, policy);
                }
            }
            io.out().flush();
            io.err().println("homeport: " + count + (count == 1 ? " device calls " : " devices call ")
                    + ListenCommand.describe(manager) + " home until interrupted (Ctrl-C stops)");
            io.err().flush();
            try (ShutdownHook hook = ShutdownHook.install(io, () -> {
                if (host != null) {
                    host.close();
                }
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

    /** Connections made and lost, on stderr: the process's log while it runs. */
    private static void report(CallHome.Change change, CommandIo io) {
        String who = change.callHome().endpoint().name();
        String line = switch (change.current()) {
            case CallHome.Connected c -> who + ": connected from " + ListenCommand.describe(c.local());
            case CallHome.WaitingToRetry w -> who + ": " + w.lastFailure() + "; calling again in "
                    + w.delay().toMillis() + " ms";
            default -> null;
        };
        if (line != null) {
            synchronized (io.err()) {
                io.err().println("homeport: " + line);
                io.err().flush();
            }
        }
    }

    static InetSocketAddress parseTarget(String target) throws UsageException {
        int colon = target.lastIndexOf(':');
        if (colon <= 0 || colon == target.length() - 1) {
            throw new UsageException("--to " + target + ": expected HOST:PORT");
        }
        String host = target.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int p;
        try {
            p = Integer.parseInt(target.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UsageException("--to " + target + ": the port is not a number");
        }
        if (p < 1 || p > 65535) {
            throw new UsageException("--to " + target + ": the port must be 1..65535");
        }
        InetSocketAddress a = new InetSocketAddress(host, p);
        if (a.isUnresolved()) {
            throw new UsageException("--to " + target + ": " + host + " is not a known host name or address");
        }
        return a;
    }

    /** Device i's source: 127.x.y.z with x, y, z in 1..254, so that no two devices share one. */
    static InetAddress loopbackSource(int i) {
        int z = i % 254 + 1;
        int y = i / 254 % 254 + 1;
        int x = i / (254 * 254) + 1;
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) x, (byte) y, (byte) z});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress anyAddress() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
