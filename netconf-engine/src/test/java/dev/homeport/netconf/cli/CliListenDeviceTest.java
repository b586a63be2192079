package dev.homeport.netconf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.netconf.testing.FreePorts;
import dev.homeport.netconf.testing.YumaDevice;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.SafeXml;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * {@code homeport netconf listen} with real yuma123 devices calling home (socat + sshd -i), in-process with
 * captured output. Every listener binds 127.0.0.1 on a free port.
 */
class CliListenDeviceTest {
    static final String HEADER = "### call home from ";
    static YumaDevice device;
    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        device = YumaDevice.start();
    }

    @AfterAll
    static void stop() {
        device.close();
    }

    private static List<String> listen(int port, String... more) {
        List<String> a = new ArrayList<>(List.of("netconf", "listen", "--address", "127.0.0.1", "--port",
                Integer.toString(port), "-u", YumaDevice.USER, "-p", YumaDevice.PASSWORD));
        a.addAll(List.of(more));
        return a;
    }

    private static Cli.Running startListening(Cli cli, List<String> args) {
        Cli.Running r = cli.start(args.toArray(String[]::new));
        await().atMost(Duration.ofSeconds(60)).until(() -> r.err().contains("listening for SSH call home") || r.isDone());
        assertThat(r.isDone()).as(r.err()).isFalse();
        return r;
    }

    private static String device(YumaDevice.CallHomeDevice d) {
        return d.sourceAddress() + ":" + device.port() + " host key " + d.fingerprint();
    }

    /** Splits serve-mode stdout into the blocks after each header line, by header. */
    private static Map<String, String> blocks(String out) {
        Map<String, String> blocks = new LinkedHashMap<>();
        String header = null;
        StringBuilder body = new StringBuilder();
        for (String line : out.split("\n", -1)) {
            if (line.startsWith(HEADER)) {
                if (header != null) {
                    assertThat(blocks.put(header, body.toString())).as("header twice: " + header).isNull();
                }
                header = line.substring(HEADER.length());
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        if (header != null) {
            assertThat(blocks.put(header, body.toString())).as("header twice: " + header).isNull();
        }
        return blocks;
    }

    @Test
    void listenOncePrintsTheRunningConfigOfTheDeviceThatCalls() throws Exception {
        int port = FreePorts.next();
        var listener = startListening(Cli.withHome(home), listen(port, "--once", "--accept-new-hostkey",
                "--get-config"));
        var called = device.callHome("127.0.0.1", port, 1, 1).get(0);
        var r = listener.await(Duration.ofMinutes(2));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("call home from " + device(called));
        Element reply = SafeXml.parse(r.out()).getDocumentElement();
        assertThat(reply.getLocalName()).isEqualTo("rpc-reply");
        assertThat(Dom.child(reply, Namespaces.BASE, "data")).isPresent();
        assertThat(r.out()).doesNotContain(HEADER);
    }

    @Test
    void servesTwentyDevicesCallingAtOnceWithoutInterleaving() throws Exception {
        int port = FreePorts.next();
        var listener = startListening(Cli.withHome(home), listen(port, "--exit-after", "20", "--accept-new-hostkey",
                "--get-config"));
        List<YumaDevice.CallHomeDevice> devices = device.callHome("127.0.0.1", port, 20, 101);
        assertThat(devices).hasSize(20);
        var r = listener.await(Duration.ofMinutes(3));
        assertThat(r.exitCode()).as(r.toString()).isZero();

        Map<String, String> blocks = blocks(r.out());
        Set<String> expected = devices.stream().map(CliListenDeviceTest::device).collect(Collectors.toSet());
        assertThat(blocks.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(devices.stream().map(YumaDevice.CallHomeDevice::fingerprint).distinct()).hasSize(20);
        for (var e : blocks.entrySet()) {
            // each block is one complete reply: it parses on its own
            Element reply = SafeXml.parse(e.getValue()).getDocumentElement();
            assertThat(reply.getLocalName()).as(e.getKey()).isEqualTo("rpc-reply");
            assertThat(Dom.child(reply, Namespaces.BASE, "data")).as(e.getKey()).isPresent();
        }
    }

    @Test
    void unknownDeviceIsReportedWithItsFingerprintAndNotServed() throws Exception {
        int port = FreePorts.next();
        var listener = startListening(Cli.withHome(home), listen(port, "--once", "--hello"));
        var called = device.callHome("127.0.0.1", port, 1, 201).get(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> listener.err().contains("not served"));
        assertThat(listener.err()).contains("call home from " + called.sourceAddress() + ":" + device.port()
                + ": unknown host key ssh-ed25519 " + called.fingerprint()).contains("--accept-new-hostkey");
        assertThat(listener.isDone()).isFalse(); // still waiting for a device it may serve
        listener.interrupt();
        var r = listener.await(Duration.ofSeconds(30));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("stopped before any device called home");
    }

    @Test
    void knownHostsFileRecordsDevicesAndThenTrustsThemStrictly(@TempDir Path tmp) throws Exception {
        Path kh = tmp.resolve("devices.known_hosts");
        int port = FreePorts.next();
        var first = startListening(Cli.withHome(home), listen(port, "--once", "--known-hosts", kh.toString(),
                "--accept-new-hostkey", "--hello"));
        var called = device.callHome("127.0.0.1", port, 1, 301).get(0);
        assertThat(first.await(Duration.ofMinutes(2)).exitCode()).isZero();
        assertThat(Files.readString(kh)).startsWith(called.sourceAddress() + " ssh-ed25519 ");

        int port2 = FreePorts.next();
        var strict = startListening(Cli.withHome(home), listen(port2, "--once", "--known-hosts", kh.toString(),
                "--hello"));
        device.stopCallHome(301); // its first call is over; the same device (same key) calls again
        device.callHome("127.0.0.1", port2, 1, 301);
        var r = strict.await(Duration.ofMinutes(2));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("<session-id>");
        assertThat(r.err()).contains("call home from " + device(called)).doesNotContain("trusted new host key");
    }

    @Test
    void stopsCleanlyWhenInterruptedAndFreesThePort() throws Exception {
        int port = FreePorts.next();
        var listener = startListening(Cli.withHome(home), listen(port, "--accept-new-hostkey", "--hello"));
        device.callHome("127.0.0.1", port, 2, 401);
        await().atMost(Duration.ofSeconds(90)).until(() -> blocks(listener.out()).size() == 2);
        listener.interrupt();
        var r = listener.await(Duration.ofSeconds(30));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void rpcErrorOfTheCallingDeviceIsExit1(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.xml");
        Files.writeString(bad, "<lock xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><target><nosuch/></target></lock>");
        int port = FreePorts.next();
        var listener = startListening(Cli.withHome(home), listen(port, "--once", "--accept-new-hostkey", "--rpc",
                bad.toString()));
        device.callHome("127.0.0.1", port, 1, 501);
        var r = listener.await(Duration.ofMinutes(2));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.RPC_ERROR);
        assertThat(r.out()).contains("<rpc-error>").contains("unknown-element");
    }

    @Test
    void onceEndsWithExit2WhenTheTrustedDeviceRefusesTheLogin() throws Exception {
        int port = FreePorts.next();
        List<String> args = new ArrayList<>(List.of("netconf", "listen", "--address", "127.0.0.1", "--port",
                Integer.toString(port), "-u", YumaDevice.USER, "-p", "Wrong-Pass-42", "--once", "--accept-new-hostkey",
                "--get-config"));
        var listener = startListening(Cli.withHome(home), args);
        var called = device.callHome("127.0.0.1", port, 1, 601).get(0);
        var r = listener.await(Duration.ofMinutes(2));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("(host key " + called.fingerprint() + ") refused: authentication as 'ncuser'");
        assertThat(r.out() + r.err()).doesNotContain("Wrong-Pass-42");
    }

    @Test
    void maxSessionsRefusesDevicesBeyondTheCapWhileASubscriptionHoldsItsSession() throws Exception {
        int port = FreePorts.next();
        var listener = startListening(Cli.withHome(home), listen(port, "--max-sessions", "1", "--accept-new-hostkey",
                "--subscribe"));
        var first = device.callHome("127.0.0.1", port, 1, 701).get(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> listener.err().contains("subscribed to the default stream"));
        var second = device.callHome("127.0.0.1", port, 1, 702).get(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> listener.err().contains("session limit of 1 reached"));
        assertThat(listener.err()).contains("call home from " + second.sourceAddress() + ":" + device.port()
                + " refused: session limit of 1 reached");
        assertThat(listener.err()).doesNotContain("call home from " + device(second));
        listener.interrupt();
        var r = listener.await(Duration.ofSeconds(30));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("call home from " + device(first));
    }
}
