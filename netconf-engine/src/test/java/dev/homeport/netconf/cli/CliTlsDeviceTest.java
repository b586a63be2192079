package dev.homeport.netconf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.netconf.testing.FreePorts;
import dev.homeport.netconf.testing.TestPki;
import dev.homeport.netconf.testing.YumaDevice;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.SafeXml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * {@code homeport netconf connect --tls} and {@code listen --tls-port} against the real yuma123 device: socat's
 * OpenSSL TLS server (requiring a client certificate from the test CA) in front of netconfd, and TLS call-home
 * devices that dial the listener and run the TLS server on that connection (RFC 8071 section 4).
 */
class CliTlsDeviceTest {
    static final String HEADER = "### call home from ";
    @TempDir
    static Path dir;
    static YumaDevice device;
    static TestPki pki;
    static TestPki.Issued server;
    static TestPki.Issued client;
    static int tlsPort;
    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        pki = TestPki.create(dir, "cli");
        server = pki.server("yuma-device", "127.0.0.1");
        client = pki.client("ncuser");
        device = YumaDevice.start();
        tlsPort = device.tlsListen(server.certFile(), server.keyFile(), pki.caFile());
    }

    @AfterAll
    static void stop() {
        device.close();
    }

    private static List<String> connect(String... trust) {
        List<String> a = new ArrayList<>(List.of("netconf", "connect", "--tls", "--host", "127.0.0.1", "--port",
                Integer.toString(tlsPort), "--cert", client.chainFile().toString(), "--key",
                client.keyFile().toString()));
        a.addAll(List.of(trust));
        return a;
    }

    private Cli.Result run(List<String> base, String... more) throws Exception {
        return Cli.withHome(home).run(Cli.args(base, more));
    }

    private static Element data(String out) throws Exception {
        Element reply = SafeXml.parse(out).getDocumentElement();
        assertThat(reply.getLocalName()).isEqualTo("rpc-reply");
        return Dom.child(reply, Namespaces.BASE, "data").orElseThrow();
    }

    @Test
    void getConfigOverTlsWithTheDeviceTrustedByItsCa() throws Exception {
        var r = run(connect("--ca", pki.caFile().toString()), "--get-config");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(data(r.out())).isNotNull();
        assertThat(r.err()).isEmpty();
        // the device's TLS server checked our certificate
        assertThat(device.tlsSessions(tlsPort)).anySatisfy(l -> assertThat(l).contains("CN = ncuser\""));
    }

    @Test
    void helloOverTlsWithThePinInOpensslsHexForm() throws Exception {
        String hex = YumaDevice.opensslFingerprintLine(server.certFile()); // "sha256 Fingerprint=AB:CD:..."
        String pin = hex.substring(hex.indexOf('=') + 1);
        var r = run(connect("--pin", pin), "--hello");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Element hello = SafeXml.parse(r.out()).getDocumentElement();
        assertThat(hello.getLocalName()).isEqualTo("hello");
        assertThat(r.out()).contains("urn:ietf:params:netconf:base:1.1");
    }

    @Test
    void pinMismatchIsRefusedWithBothFingerprints() throws Exception {
        TestPki.Issued other = pki.server("other", "127.0.0.1");
        var r = run(connect("--pin", other.fingerprint()), "--get-config");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("does not match the pinned fingerprint").contains(server.fingerprint())
                .contains(other.fingerprint());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void knownCertsLearnsTheCertificateOnceThenTrustsItWithoutBeingAsked() throws Exception {
        Path known = home.resolve("known_certs");
        var strict = run(connect("--known-certs", known.toString()), "--hello");
        assertThat(strict.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(strict.err()).contains("is unknown").contains("--pin " + server.fingerprint())
                .contains("--accept-new-cert");
        assertThat(known).doesNotExist();

        var learn = run(connect("--known-certs", known.toString(), "--accept-new-cert"), "--hello");
        assertThat(learn.exitCode()).as(learn.toString()).isZero();
        assertThat(learn.err()).contains("trusted new certificate " + server.fingerprint())
                .contains("recorded in " + known);
        assertThat(Files.readString(known)).contains("[127.0.0.1]:" + tlsPort + " " + server.fingerprint());

        var again = run(connect("--known-certs", known.toString()), "--get-config");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.err()).isEmpty();
        assertThat(data(again.out())).isNotNull();
    }

    @Test
    void encryptedKeyWithItsPasswordFromTheEnvironment() throws Exception {
        Path encrypted = pki.encryptedKey(client, "key-secret-7".toCharArray());
        List<String> base = new ArrayList<>(List.of("netconf", "connect", "--tls", "--host", "127.0.0.1", "--port",
                Integer.toString(tlsPort), "--cert", client.chainFile().toString(), "--key", encrypted.toString(),
                "--ca", pki.caFile().toString()));
        var noPassword = Cli.withHome(home).run(Cli.args(base, "--hello"));
        assertThat(noPassword.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noPassword.err()).contains("is encrypted").contains("--key-password-env");

        var withPassword = Cli.withHome(home).env("TLS_KEY_PASSWORD", "key-secret-7")
                .run(Cli.args(base, "--key-password-env", "TLS_KEY_PASSWORD", "--get-config"));
        assertThat(withPassword.exitCode()).as(withPassword.toString()).isZero();
        assertThat(data(withPassword.out())).isNotNull();
        assertThat(withPassword.err()).doesNotContain("key-secret-7");
    }

    @Test
    void aClientCertificateFromAnotherCaIsRefusedByTheDevice() throws Exception {
        TestPki foreign = TestPki.create(dir.resolve("foreign"), "foreign");
        TestPki.Issued stranger = foreign.client("intruder");
        var r = Cli.withHome(home).run("netconf", "connect", "--tls", "--host", "127.0.0.1", "--port",
                Integer.toString(tlsPort), "--cert", stranger.certFile().toString(), "--key",
                stranger.keyFile().toString(), "--ca", pki.caFile().toString(), "--get-config");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("refused our client certificate").contains("CN=intruder");
    }

    // ---------------------------------------------------------------- TLS call home

    private static Cli.Running startListening(Cli cli, List<String> args) {
        Cli.Running r = cli.start(args.toArray(String[]::new));
        await().atMost(Duration.ofSeconds(60)).until(() -> r.err().contains("for TLS call home on") || r.isDone());
        assertThat(r.isDone()).as(r.err()).isFalse();
        return r;
    }

    private static List<String> listenTls(int port, String... more) {
        List<String> a = new ArrayList<>(List.of("netconf", "listen", "--address", "127.0.0.1", "--tls-port",
                Integer.toString(port), "--cert", client.chainFile().toString(), "--key",
                client.keyFile().toString()));
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void listenOnceServesThePinnedTlsDeviceAndNamesItsCertificate() throws Exception {
        int port = FreePorts.next();
        TestPki.Issued cert = pki.server("router-21", "127.100.0.21");
        var listener = startListening(Cli.withHome(home), listenTls(port, "--pin", cert.fingerprint(), "--once",
                "--get-config"));
        assertThat(listener.err()).contains("listening for TLS call home on 127.0.0.1:" + port)
                .doesNotContain("SSH call home");
        try {
            var dev = device.tlsCallHome("127.0.0.1", port, cert.certFile(), cert.keyFile(), pki.caFile(), 21);
            var r = listener.await(Duration.ofMinutes(2));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.err()).containsPattern("call home from 127\\.100\\.0\\.21:\\d+ certificate "
                    + java.util.regex.Pattern.quote(dev.fingerprint()));
            assertThat(dev.fingerprint()).isEqualTo(cert.fingerprint()); // openssl agrees
            assertThat(data(r.out())).isNotNull();
            // the device's TLS server verified the listener's client certificate
            assertThat(device.callHomeSessions(21)).singleElement().asString().contains("CN = ncuser\"");
        } finally {
            device.stopCallHome(21);
        }
    }

    @Test
    void listenServesSshAndTlsDevicesTogetherAndLearnsNewCertificates() throws Exception {
        int sshPort = FreePorts.next();
        int port = FreePorts.next();
        Path known = home.resolve("device-certs");
        List<String> args = new ArrayList<>(listenTls(port, "--known-certs", known.toString(), "--accept-new-cert",
                "--port", Integer.toString(sshPort), "-u", YumaDevice.USER, "-p", YumaDevice.PASSWORD,
                "--accept-new-hostkey", "--exit-after", "3", "--hello"));
        var listener = startListening(Cli.withHome(home), args);
        assertThat(listener.err()).contains("listening for SSH call home on 127.0.0.1:" + sshPort
                + " and for TLS call home on 127.0.0.1:" + port);
        TestPki.Issued a = pki.server("router-22", "127.100.0.22");
        TestPki.Issued b = pki.server("router-23", "127.100.0.23");
        try {
            device.tlsCallHome("127.0.0.1", port, a.certFile(), a.keyFile(), pki.caFile(), 22);
            device.tlsCallHome("127.0.0.1", port, b.certFile(), b.keyFile(), pki.caFile(), 23);
            var ssh = device.callHome("127.0.0.1", sshPort, 1, 24).get(0);
            var r = listener.await(Duration.ofMinutes(3));
            assertThat(r.exitCode()).as(r.toString()).isZero();

            List<String> headers = r.out().lines().filter(l -> l.startsWith(HEADER)).toList();
            assertThat(headers).hasSize(3);
            assertThat(headers).anyMatch(h -> h.startsWith(HEADER + "127.100.0.22:")
                    && h.endsWith(" certificate " + a.fingerprint()));
            assertThat(headers).anyMatch(h -> h.startsWith(HEADER + "127.100.0.23:")
                    && h.endsWith(" certificate " + b.fingerprint()));
            assertThat(headers).anyMatch(h -> h.startsWith(HEADER + ssh.sourceAddress() + ":")
                    && h.endsWith(" host key " + ssh.fingerprint()));
            assertThat(r.out().split("<hello", -1)).hasSize(4); // three hellos, one per device
            assertThat(r.err()).contains("trusted new certificate " + a.fingerprint())
                    .contains("trusted new certificate " + b.fingerprint()).contains("recorded in " + known);
            assertThat(Files.readString(known)).contains("127.100.0.22 " + a.fingerprint())
                    .contains("127.100.0.23 " + b.fingerprint());
        } finally {
            device.stopCallHome(22, 23, 24);
        }
    }

    @Test
    void anUnknownTlsDeviceIsNotServedAndTheHintNamesItsFingerprint() throws Exception {
        int port = FreePorts.next();
        TestPki.Issued pinned = pki.server("router-25", "127.100.0.25");
        TestPki.Issued unknown = pki.server("router-26", "127.100.0.26");
        var listener = startListening(Cli.withHome(home), listenTls(port, "--pin", pinned.fingerprint(),
                "--exit-after", "1", "--get-config"));
        try {
            device.tlsCallHome("127.0.0.1", port, unknown.certFile(), unknown.keyFile(), pki.caFile(), 26);
            await().atMost(Duration.ofSeconds(60)).until(() -> listener.err().contains("--pin "
                    + unknown.fingerprint()));
            assertThat(listener.err()).contains("unknown certificate " + unknown.fingerprint())
                    .contains("CN=router-26").contains("not served");
            assertThat(listener.isDone()).isFalse();

            device.tlsCallHome("127.0.0.1", port, pinned.certFile(), pinned.keyFile(), pki.caFile(), 25);
            var r = listener.await(Duration.ofMinutes(2));
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).contains("certificate " + pinned.fingerprint())
                    .doesNotContain(unknown.fingerprint());
            // the unknown device never got a TLS session: it was held inside the handshake, then dropped
            assertThat(device.callHomeSessions(26)).isEmpty();
        } finally {
            device.stopCallHome(25, 26);
        }
    }
}
