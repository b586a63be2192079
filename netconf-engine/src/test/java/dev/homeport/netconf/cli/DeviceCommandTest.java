package dev.homeport.netconf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.homeport.netconf.AuthenticationException;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.transport.ssh.HostKeyVerifier;
import dev.homeport.netconf.transport.ssh.HostKeys;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code homeport device serve|callhome} in-process: what it prints, who may log in, refusals before starting. */
class DeviceCommandTest {
    private static final Pattern SERVED = Pattern.compile(
            "device (\\S+) \\(profile home-router\\) SSH 127\\.0\\.0\\.1:(\\d+) host key \\S+ (SHA256:\\S+)");

    @TempDir
    Path home;

    @Test
    void serveAnnouncesItsFingerprintAndDefaultUserAndServesTheEngineClient() throws Exception {
        Cli.Running serve = Cli.withHome(home).start("device", "serve", "--profile", "home-router", "--port", "0");
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> SERVED.matcher(serve.out()).find() || serve.isDone());
            Matcher m = SERVED.matcher(serve.out());
            assertThat(m.find()).as(serve.out() + serve.err()).isTrue();
            assertThat(serve.err()).contains("accept user 'admin' with password 'admin'");
            int port = Integer.parseInt(m.group(2));
            AtomicReference<PublicKey> seen = new AtomicReference<>();
            try (SshConnector ssh = new SshConnector(); NetconfClient c = new NetconfClient(NetconfSession.open(
                    ssh.connect("127.0.0.1", port, SshAuth.password("admin", "admin"), (host, p, remote, key) -> {
                        seen.set(key);
                        return HostKeyVerifier.accept();
                    }), SessionOptions.defaults()))) {
                assertThat(c.getConfig(Datastore.RUNNING).toXml()).contains("<hostname>home-router</hostname>");
            }
            assertThat(HostKeys.fingerprint(seen.get())).as("the printed fingerprint is the device's")
                    .isEqualTo(m.group(3));
        } finally {
            serve.interrupt();
        }
        assertThat(serve.await(Duration.ofMinutes(1)).exitCode()).isZero();
    }

    @Test
    void usersFileReplacesAdminAdmin() throws Exception {
        Path users = home.resolve("users");
        Files.writeString(users, "# operators\nops:Secret-42\n");
        Cli.Running serve = Cli.withHome(home).start("device", "serve", "--profile", "home-router", "--port", "0",
                "--users", users.toString());
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> SERVED.matcher(serve.out()).find() || serve.isDone());
            Matcher m = SERVED.matcher(serve.out());
            assertThat(m.find()).as(serve.out() + serve.err()).isTrue();
            assertThat(serve.err()).contains("the users of " + users + ": ops").doesNotContain("Secret-42");
            int port = Integer.parseInt(m.group(2));
            try (SshConnector ssh = new SshConnector()) {
                assertThatThrownBy(() -> ssh.connect("127.0.0.1", port, SshAuth.password("admin", "admin"),
                        KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_ALL))).isInstanceOf(AuthenticationException.class);
                try (NetconfClient c = new NetconfClient(NetconfSession.open(ssh.connect("127.0.0.1", port,
                        SshAuth.password("ops", "Secret-42"), KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_ALL)),
                        SessionOptions.defaults()))) {
                    assertThat(c.getConfig(Datastore.RUNNING).toXml()).contains("home-router");
                }
            }
        } finally {
            serve.interrupt();
        }
        assertThat(serve.await(Duration.ofMinutes(1)).exitCode()).isZero();
    }

    @Test
    void badCommandLinesAreRefusedBeforeStarting() throws Exception {
        Cli cli = Cli.withHome(home);
        Cli.Result noProfile = cli.run("device", "serve");
        assertThat(noProfile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noProfile.err()).contains("--profile");

        Cli.Result unknown = cli.run("device", "callhome", "--profile", "toaster", "--to", "127.0.0.1:4334");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no built-in profile 'toaster'").contains("home-router");

        Cli.Result badTarget = cli.run("device", "callhome", "--profile", "home-router", "--to", "127.0.0.1");
        assertThat(badTarget.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badTarget.err()).contains("expected HOST:PORT");

        Cli.Result badCount = cli.run("device", "callhome", "--profile", "home-router", "--to", "127.0.0.1:4334",
                "--count", "0");
        assertThat(badCount.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badCount.err()).contains("--count must be");

        Cli.Result tls = cli.run("device", "callhome", "--profile", "home-router", "--to", "127.0.0.1:4335", "--tls");
        assertThat(tls.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tls.err()).contains("not available yet");

        Cli.Result tlsPort = cli.run("device", "serve", "--profile", "home-router", "--tls-port");
        assertThat(tlsPort.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tlsPort.err()).contains("not available yet");

        Path users = home.resolve("bad-users");
        Files.writeString(users, "no colon here\n");
        Cli.Result badUsers = cli.run("device", "serve", "--profile", "home-router", "--users", users.toString());
        assertThat(badUsers.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badUsers.err()).contains("line 1");
    }
}
