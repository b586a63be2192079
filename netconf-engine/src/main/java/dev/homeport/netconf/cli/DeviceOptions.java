package dev.homeport.netconf.cli;

import dev.homeport.netconf.server.host.TlsDeviceHost.DeviceTls;
import dev.homeport.netconf.server.sim.DeviceUsers;
import dev.homeport.netconf.server.sim.InvalidProfileException;
import dev.homeport.netconf.server.sim.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import dev.homeport.netconf.transport.tls.CertificateAuthority;
import picocli.CommandLine.Option;

/** What every simulated device of a command shares: its profile and who may log in. */
final class DeviceOptions {
    @Option(names = "--profile", paramLabel = "P", required = true,
            description = "Built-in profile (home-router, switch, large) or a profile folder.")
    String profile;

    @Option(names = "--users", paramLabel = "FILE",
            description = "Who may log in: lines 'user:password' or 'user:ssh-public-key' (default: admin/admin).")
    Path usersFile;

    @Option(names = "--ca-dir", paramLabel = "DIR",
            description = "TLS only: the CA that issues the devices' certificates and the managers' client "
                    + "certificate admin.crt/admin.key (default ~/.homeport/device-ca, made on first use).")
    Path caDir;

    /** Devices' certificates are issued for a year; they are made anew at every start. */
    private static final Duration DEVICE_CERTIFICATE_VALIDITY = Duration.ofDays(365);

    /**
     * The CA of TLS devices, with the client certificate a manager logs in with (user {@code admin}, RFC 7589
     * cert-to-name by common name), and says on stderr how a manager uses them.
     */
    CertificateAuthority openCa(CommandIo io) throws UsageException {
        Path dir = caDir != null ? caDir : io.env("HOME").map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"))).resolve(".homeport").resolve("device-ca");
        try {
            CertificateAuthority ca = CertificateAuthority.openOrCreate(dir, "Homeport device CA");
            ca.identity("admin", CertificateAuthority.Purpose.CLIENT, List.of());
            io.err().println("homeport: TLS devices accept client certificates of the CA in " + dir
                    + "; a manager logs in as 'admin' with --cert " + dir.resolve("admin.crt") + " --key "
                    + dir.resolve("admin.key") + " and trusts the devices with --ca " + ca.certificateFile()
                    + " or by their certificate fingerprint");
            return ca;
        } catch (IOException | IllegalStateException e) {
            throw new UsageException("--ca-dir " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A device's TLS identity: a new certificate of {@code ca} for {@code names}. */
    static DeviceTls deviceTls(CertificateAuthority ca, String deviceName, List<String> names) {
        return DeviceTls.issuedBy(ca, ca.issue(deviceName, CertificateAuthority.Purpose.SERVER, names,
                DEVICE_CERTIFICATE_VALIDITY));
    }

    Profile loadProfile() throws UsageException {
        try {
            Path dir = Path.of(profile);
            if (profile.contains("/") || Files.isDirectory(dir)) {
                if (!Files.isDirectory(dir)) {
                    throw new UsageException("--profile " + profile + ": no such folder");
                }
                return Profile.load(dir);
            }
            return Profile.named(profile);
        } catch (InvalidProfileException e) {
            throw new UsageException("--profile " + profile + ": " + e.getMessage(), e);
        }
    }

    DeviceUsers loadUsers() throws UsageException {
        if (usersFile == null) {
            return DeviceUsers.defaults();
        }
        try {
            return DeviceUsers.load(usersFile);
        } catch (IOException e) {
            throw new UsageException("--users " + usersFile + ": cannot read it: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--users: " + e.getMessage(), e);
        }
    }

    /** The start-up line that says who may log in (never a password from a file). */
    String whoMayLogIn(DeviceUsers users) {
        return usersFile == null ? "devices accept user 'admin' with password 'admin' (--users FILE to change)"
                : "devices accept the users of " + usersFile + ": " + String.join(", ", users.names());
    }
}
