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
import dev.homeport.netconf.transport.tls.CertificateAuthority;
import dev.homeport.netconf.transport.tls.ServerTrust;
import dev.homeport.netconf.transport.tls.TlsConnector;
import dev.homeport.netconf.transport.tls.TlsIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
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

        Cli.Result tlsPort = cli.run("device", "serve", "--profile", "home-router", "--tls-port", "70000");
        assertThat(tlsPort.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tlsPort.err()).contains("--tls-port must be");

        Path users = home.resolve("bad-users");
        Files.writeString(users, "no colon here\n");
        Cli.Result badUsers = cli.run("device", "serve", "--profile", "home-router", "--users", users.toString());
        assertThat(badUsers.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badUsers.err()).contains("line 1");
    }

    private static final Pattern SERVED_TLS = Pattern.compile(
            "device (\\S+) \\(profile home-router\\) TLS 127\\.0\\.0\\.1:(\\d+) certificate (SHA256:\\S+)");

    @Test
    void serveOverTlsWithACertificateOfTheDeviceCa() throws Exception {
        Path ca = home.resolve("ca");
        Cli.Running serve = Cli.withHome(home).start("device", "serve", "--profile", "home-router", "--port", "0",
                "--tls-port", "0", "--ca-dir", ca.toString());
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> SERVED_TLS.matcher(serve.out()).find()
                    || serve.isDone());
            Matcher m = SERVED_TLS.matcher(serve.out());
            assertThat(m.find()).as(serve.out() + serve.err()).isTrue();
            assertThat(serve.err()).contains("--cert " + ca.resolve("admin.crt"));
            TlsIdentity admin = TlsIdentity.fromPem(ca.resolve("admin.crt"), ca.resolve("admin.key"), null);
            // trusted by the CA file the command names, and the certificate is the one it printed
            try (NetconfClient c = new NetconfClient(NetconfSession.open(new TlsConnector().connect("127.0.0.1",
                    Integer.parseInt(m.group(2)), admin, ServerTrust.authoritiesFromPem(ca.resolve("ca.crt"))),
                    SessionOptions.defaults()))) {
                assertThat(c.getConfig(Datastore.RUNNING).toXml()).contains("<hostname>home-router</hostname>");
            }
            try (NetconfClient c = new NetconfClient(NetconfSession.open(new TlsConnector().connect("127.0.0.1",
                    Integer.parseInt(m.group(2)), admin, ServerTrust.pinned(List.of(m.group(3)))),
                    SessionOptions.defaults()))) {
                assertThat(c.getConfig(Datastore.RUNNING).toXml()).contains("home-router");
            }
        } finally {
            serve.interrupt();
        }
        assertThat(serve.await(Duration.ofMinutes(1)).exitCode()).isZero();
    }

    @Test
    void callHomeOverTlsToTheListener() throws Exception {
        Path ca = home.resolve("ca");
        Cli cli = Cli.withHome(home);
        // the CA and the manager's certificate exist before the listener needs them
        CertificateAuthority.openOrCreate(ca, "Homeport device CA").identity("admin",
                CertificateAuthority.Purpose.CLIENT, List.of());
        Cli.Running listener = cli.start("netconf", "listen", "--address", "127.0.0.1", "--tls-port", "0",
                "--cert", ca.resolve("admin.crt").toString(), "--key", ca.resolve("admin.key").toString(),
                "--known-certs", home.resolve("known-certs").toString(), "--accept-new-cert", "--exit-after", "2",
                "--get-config");
        Pattern listening = Pattern.compile("TLS call home on 127\\.0\\.0\\.1:(\\d+)");
        await().atMost(Duration.ofMinutes(1)).until(() -> listening.matcher(listener.err()).find()
                || listener.isDone());
        Matcher l = listening.matcher(listener.err());
        assertThat(l.find()).as(listener.err()).isTrue();
        Cli.Running devices = cli.start("device", "callhome", "--profile", "home-router", "--to",
                "127.0.0.1:" + l.group(1), "--tls", "--count", "2", "--ca-dir", ca.toString());
        Cli.Result served;
        try {
            served = listener.await(Duration.ofMinutes(3));
        } finally {
            devices.interrupt();
        }
        assertThat(served.exitCode()).as(served.toString()).isZero();
        Pattern cert = Pattern.compile("certificate (SHA256:\\S+)");
        List<String> announced = devices.out().lines().map(cert::matcher).filter(Matcher::find)
                .map(x -> x.group(1)).toList();
        assertThat(announced).as(devices.out()).hasSize(2).doesNotHaveDuplicates();
        assertThat(served.out()).contains("<hostname>home-router</hostname>");
        for (String fp : announced) {
            assertThat(served.out()).contains("certificate " + fp);
        }
        devices.await(Duration.ofMinutes(1));
    }
}
