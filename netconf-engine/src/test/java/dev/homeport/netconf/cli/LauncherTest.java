package dev.homeport.netconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.testing.FreePorts;
import dev.homeport.netconf.testing.ProjectPaths;
import dev.homeport.netconf.testing.YumaDevice;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.SafeXml;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The real {@code ./homeport} launcher as a subprocess: exit codes, stdout and stderr as a shell user sees them. */
class LauncherTest {
    static YumaDevice device;
    @TempDir
    static Path home;

    @BeforeAll
    static void start() {
        device = YumaDevice.start();
    }

    @AfterAll
    static void stop() {
        device.close();
    }

    /** A launcher process; stdout and stderr are collected on their own threads so that neither pipe blocks. */
    private static final class Launched {
        final Process process;
        final StringBuffer err = new StringBuffer();
        final CompletableFuture<String> out;

        Launched(String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of("bash", ProjectPaths.root().resolve("homeport").toString()));
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().put("HOME", home.toString());
            pb.environment().remove(CredentialOptions.PASSWORD_ENV);
            process = pb.start();
            process.getOutputStream().close();
            out = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        err.append(line).append('\n');
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
        }

        /** Waits (the first run may build the engine jar) and returns the exit code. */
        int exit() throws Exception {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("launcher did not finish; stderr:\n" + err);
            }
            out.get(30, TimeUnit.SECONDS);
            return process.exitValue();
        }

        String out() throws Exception {
            return out.get(30, TimeUnit.SECONDS);
        }

        /** Stderr without the launcher's one-time build notice. */
        String err() {
            return err.toString().lines().filter(l -> !l.startsWith("homeport: building"))
                    .reduce("", (a, b) -> a + b + "\n");
        }
    }

    private static List<String> connect() {
        return List.of("netconf", "connect", "--host", device.host(), "--port", Integer.toString(device.port()),
                "-u", device.user(), "-p", device.password(), "--accept-new-hostkey");
    }

    @Test
    void connectHelloAndGetConfigThroughTheLauncher() throws Exception {
        var hello = new Launched(Cli.args(connect(), "--hello"));
        assertThat(hello.exit()).as(hello.err()).isZero();
        Element h = SafeXml.parse(hello.out()).getDocumentElement();
        assertThat(h.getLocalName()).isEqualTo("hello");
        assertThat(Dom.childText(h, Namespaces.BASE, "session-id")).isPresent();

        var config = new Launched(Cli.args(connect(), "--get-config"));
        assertThat(config.exit()).as(config.err()).isZero();
        assertThat(Dom.child(SafeXml.parse(config.out()).getDocumentElement(), Namespaces.BASE, "data")).isPresent();
        // nothing but the engine's own diagnostics on stderr (MINA's warnings are silenced for the console)
        assertThat(config.err()).doesNotContain("[WARN]").doesNotContain("[ERROR]");
    }

    @Test
    void getSchemaPrintsTheModuleTextThroughTheLauncher() throws Exception {
        var schema = new Launched(Cli.args(connect(), "--get-schema", "ietf-interfaces"));
        assertThat(schema.exit()).as(schema.err()).isZero();
        String module = schema.out().strip();
        // the YANG text itself, as the device stores it: not XML, no rpc-reply around it
        assertThat(module).startsWith("module ietf-interfaces {").endsWith("}")
                .contains("namespace \"urn:ietf:params:xml:ns:yang:ietf-interfaces\";")
                .contains("container interfaces {")
                .doesNotContain("<rpc-reply").doesNotContain("&lt;").doesNotContain("&quot;");
        assertThat(schema.err()).doesNotContain("[WARN]").doesNotContain("[ERROR]");
    }

    @Test
    void exitCodesThroughTheLauncher(@TempDir Path tmp) throws Exception {
        var usage = new Launched("netconf", "connect", "--get");
        assertThat(usage.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(usage.err()).contains("Missing required option");
        assertThat(usage.out()).isEmpty();

        Path bad = tmp.resolve("bad.xml");
        Files.writeString(bad, "<lock xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><target><nosuch/></target></lock>");
        var rpcError = new Launched(Cli.args(connect(), "--rpc", bad.toString()));
        assertThat(rpcError.exit()).isEqualTo(ExitCodes.RPC_ERROR);
        assertThat(rpcError.out()).contains("<rpc-error>");

        var badPassword = new Launched("netconf", "connect", "--host", device.host(), "--port",
                Integer.toString(device.port()), "-u", device.user(), "-p", "Not-The-Password-9", "--accept-new-hostkey",
                "--hello");
        assertThat(badPassword.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(badPassword.err()).contains("authentication as 'ncuser'").doesNotContain("Not-The-Password-9");

        var unknownKey = new Launched("netconf", "connect", "--host", device.host(), "--port",
                Integer.toString(device.port()), "-u", device.user(), "-p", device.password(), "--hello");
        assertThat(unknownKey.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownKey.err()).contains(device.listenFingerprint());
    }

    @Test
    void listenOnceThroughTheLauncher() throws Exception {
        int port = FreePorts.next();
        var listener = new Launched("netconf", "listen", "--address", "127.0.0.1", "--port", Integer.toString(port),
                "--once", "-u", YumaDevice.USER, "-p", YumaDevice.PASSWORD, "--accept-new-hostkey", "--get-config");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!listener.err.toString().contains("listening for SSH call home")) {
            assertThat(listener.process.isAlive()).as(listener.err()).isTrue();
            assertThat(System.nanoTime()).as("listener did not start").isLessThan(deadline);
            Thread.sleep(100);
        }
        var called = device.callHome("127.0.0.1", port, 1, 1).get(0);
        assertThat(listener.exit()).as(listener.err()).isZero();
        assertThat(listener.err()).contains("call home from " + called.sourceAddress() + ":" + device.port()
                + " host key " + called.fingerprint());
        assertThat(Dom.child(SafeXml.parse(listener.out()).getDocumentElement(), Namespaces.BASE, "data")).isPresent();
    }
}
