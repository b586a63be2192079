package dev.homeport.netconf.cli;

import dev.homeport.netconf.server.sim.DeviceUsers;
import dev.homeport.netconf.server.sim.InvalidProfileException;
import dev.homeport.netconf.server.sim.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What every simulated device of a command shares: its profile and who may log in. */
final class DeviceOptions {
    @Option(names = "--profile", paramLabel = "P", required = true,
            description = "Built-in profile (home-router, switch, large) or a profile folder.")
    String profile;

    @Option(names = "--users", paramLabel = "FILE",
            description = "Who may log in: lines 'user:password' or 'user:ssh-public-key' (default: admin/admin).")
    Path usersFile;

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
