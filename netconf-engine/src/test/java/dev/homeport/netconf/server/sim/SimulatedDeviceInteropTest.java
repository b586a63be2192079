package dev.homeport.netconf.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.server.host.CallHome;
import dev.homeport.netconf.server.host.CallHomePolicy;
import dev.homeport.netconf.server.host.SshDeviceHost;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.testing.FreePorts;
import dev.homeport.netconf.testing.ProjectPaths;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.xml.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Other NETCONF implementations against a simulated device served by the product's {@link SshDeviceHost}: Debian's
 * python3-ncclient (every operation, and {@code manager.call_home()}), yuma123's {@code yangcli}, and libyang's
 * {@code yanglint} checking the device's configuration against the profile's own modules.
 */
class SimulatedDeviceInteropTest {
    static SshDeviceHost host;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        host = SshDeviceHost.start();
    }

    /** A new home router (each test changes its own), listening on a free loopback port; returns the port. */
    static int newDevice(String name) throws Exception {
        return host.listen(Sim.homeRouter(name), new InetSocketAddress("127.0.0.1", 0)).address().getPort();
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /** A finished external program. */
    record Run(int exit, String out, String err) {
        String both() {
            return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    static Run run(Path dir, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish; stderr:\n" + err.getNow(""));
        }
        return new Run(p.exitValue(), out.get(30, TimeUnit.SECONDS), err.get(30, TimeUnit.SECONDS));
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    static Path script() throws IOException {
        Path s = tmp.resolve("ncclient_drive.py");
        if (!Files.exists(s)) {
            try (InputStream in = SimulatedDeviceInteropTest.class.getResourceAsStream("/interop/ncclient_drive.py")) {
                Files.write(s, in.readAllBytes());
            }
        }
        return s;
    }

    @Test
    void ncclientDrivesEveryOperation() throws Exception {
        Run r = run(tmp, List.of("/usr/bin/python3", script().toString(), "listen", "127.0.0.1",
                Integer.toString(newDevice("ncclient")), "admin", "admin"));
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.out().lines().toList()).as(r.both()).containsExactly("ok hello", "ok get-config", "ok get",
                "ok get-xpath", "ok edit-config", "ok validate", "ok commit", "ok discard-changes",
                "ok confirmed-commit-cancel", "ok confirmed-commit-timeout", "ok rejected-edit", "ok unknown-rpc",
                "ok copy-config", "ok delete-config", "ok lock-unlock", "ok kill-session", "ok get-schema",
                "ok netconf-monitoring", "ok yang-library", "ok with-defaults", "ok get-data", "ok edit-data",
                "ok partial-lock", "ok notifications-replay", "ok set-current-datetime", "ok close-session");
    }

    @Test
    void ncclientAcceptsACallHomeFromTheDevice() throws Exception {
        SimulatedDevice caller = Sim.homeRouter("interop-caller");
        int port = FreePorts.next();
        // the device keeps calling (every 200-500 ms) until ncclient's call_home() listens and accepts it
        CallHome ch = host.callHome(caller, new InetSocketAddress("127.0.0.1", port), InetAddress.getByName(
                "127.0.0.1"), CallHomePolicy.persistent().withBackoff(new CallHomePolicy.Backoff(
                Duration.ofMillis(200), Duration.ofMillis(500), 2, 0)));
        try {
            Run r = run(tmp, List.of("/usr/bin/python3", script().toString(), "callhome", "127.0.0.1",
                    Integer.toString(port), "admin", "admin"));
            assertThat(r.exit()).as(r.both()).isZero();
            assertThat(r.out()).as(r.both()).contains("ok call-home");
            assertThat(ch.connections()).isGreaterThanOrEqualTo(1);
        } finally {
            host.remove(ch);
        }
    }

    @Test
    void yangcliConnectsAndReads() throws Exception {
        Run r = run(tmp, List.of("yangcli", "--server=127.0.0.1", "--ncport=" + newDevice("yangcli"),
                "--user=admin", "--password=admin", "--batch-mode", "--run-command=xget /system"));
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.out()).as(r.both()).contains("NETCONF session established for admin")
                .contains("hostname home-router").contains("server isp-primary");
    }

    @Test
    void yanglintAcceptsTheConfigurationAsValidForTheProfileModules() throws Exception {
        int port = newDevice("yanglint");
        String config;
        try (SshConnector ssh = new SshConnector(); NetconfClient c = new NetconfClient(NetconfSession.open(
                ssh.connect("127.0.0.1", port, SshAuth.password("admin", "admin"),
                        KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_ALL)), SessionOptions.defaults()))) {
            config = c.getConfig(Datastore.RUNNING, null, null).roots().stream().map(SafeXml::toString)
                    .reduce("", String::concat);
        }
        assertThat(config).contains("home-router");
        Path good = tmp.resolve("running.xml");
        Files.writeString(good, config);
        assertThat(yanglint(good).exit()).as(yanglint(good).both()).isZero();
        // the check can fail: a value of the wrong type is refused
        Path bad = tmp.resolve("tampered.xml");
        Files.writeString(bad, config.replaceFirst("<enabled>true</enabled>", "<enabled>maybe</enabled>"));
        assertThat(Files.readString(bad)).contains("maybe");
        Run refused = yanglint(bad);
        assertThat(refused.exit()).as(refused.both()).isNotZero();
        assertThat(refused.err()).contains("maybe");
    }

    /** yanglint -t config with the profile's modules and its features. */
    private static Run yanglint(Path data) throws Exception {
        Path yang = ProjectPaths.root().resolve("netconf-engine/src/main/resources/profiles/home-router/yang");
        java.util.Properties props = new java.util.Properties();
        try (var in = Files.newBufferedReader(yang.getParent().resolve("profile.properties"))) {
            props.load(in);
        }
        List<String> cmd = new ArrayList<>(List.of("yanglint", "-t", "config", "-p", yang.toString()));
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("features.")) {
                cmd.addAll(List.of("-F", key.substring("features.".length()) + ":"
                        + String.join(",", props.getProperty(key).trim().split("\\s+"))));
            }
        }
        try (var files = Files.list(yang)) {
            files.filter(f -> f.toString().endsWith(".yang")).sorted().forEach(f -> cmd.add(f.toString()));
        }
        cmd.add(data.toString());
        return run(tmp, cmd);
    }
}
