package dev.homeport.netconf.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.netconf.AuthenticationException;
import dev.homeport.netconf.HostKeyException;
import dev.homeport.netconf.framing.Framing;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.testing.TestPki;
import dev.homeport.netconf.testing.YumaDevice;
import dev.homeport.netconf.transport.tls.ServerTrust;
import dev.homeport.netconf.transport.tls.TlsConnector;
import dev.homeport.netconf.transport.tls.TlsIdentity;
import dev.homeport.netconf.transport.tls.TlsSettings;
import dev.homeport.netconf.transport.tls.TlsTransport;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NETCONF over TLS (RFC 7589) against the real yuma123 device: socat's OpenSSL TLS server, requiring a client
 * certificate from the test CA, in front of netconfd.
 */
class YumaTlsTest {
    @TempDir
    static Path dir;
    static YumaDevice device;
    static TestPki pki;
    static TestPki foreignPki;
    static TestPki.Issued server;
    static TestPki.Issued client;
    static int port;
    static TlsConnector tls;

    @BeforeAll
    static void start() {
        pki = TestPki.create(dir, "lab");
        foreignPki = TestPki.create(dir, "foreign");
        server = pki.server("yuma-device", "127.0.0.1");
        client = pki.client("ncuser");
        device = YumaDevice.start();
        port = device.tlsListen(server.certFile(), server.keyFile(), pki.caFile());
        tls = new TlsConnector();
    }

    @AfterAll
    static void stop() {
        if (device != null) {
            device.close();
        }
    }

    private static TlsIdentity clientIdentity() throws Exception {
        return TlsIdentity.fromPem(client.chainFile(), client.keyFile(), null);
    }

    @Test
    void mutualAuthenticationThenGetConfig() throws Exception {
        TlsTransport t = tls.connect("127.0.0.1", port, clientIdentity(), ServerTrust.authoritiesFromPem(pki.caFile()));
        assertThat(t.protocol()).isEqualTo("TLSv1.3");
        // the engine's identity of the server is the certificate socat serves, as openssl computes it
        assertThat(t.peerIdentity()).isEqualTo(YumaDevice.certificateFingerprint(server.certFile()));
        try (NetconfClient c = new NetconfClient(NetconfSession.open(t, SessionOptions.defaults()))) {
            assertThat(c.session().framing()).isEqualTo(Framing.CHUNKED);
            assertThat(c.session().peerIdentity()).isEqualTo(server.fingerprint());
            assertThat(c.capabilities().candidate()).isTrue();
            assertThat(c.getConfig(Datastore.RUNNING).data().getLocalName()).isEqualTo("data");
        }
        // the device's TLS server verified our certificate: OpenSSL hands the client subject to the session
        assertThat(device.tlsSessions(port)).anySatisfy(line -> assertThat(line)
                .contains("tls=TLSv1.3").contains("CN = ncuser\" client-issuer=").contains("CN = lab Test CA\""));
    }

    @Test
    void tls12WorksToo() throws Exception {
        TlsConnector tls12 = new TlsConnector(TlsSettings.defaults().withProtocols(List.of("TLSv1.2")));
        TlsTransport t = tls12.connect("127.0.0.1", port, clientIdentity(), ServerTrust.pinned(server.fingerprint()));
        assertThat(t.protocol()).isEqualTo("TLSv1.2");
        try (NetconfClient c = new NetconfClient(NetconfSession.open(t, SessionOptions.defaults()))) {
            assertThat(c.getConfig(Datastore.RUNNING).data()).isNotNull();
        }
        assertThat(device.tlsSessions(port)).anyMatch(l -> l.contains("tls=TLSv1.2"));
    }

    @Test
    void pinningAcceptsTheServerCertificateInEitherForm() throws Exception {
        try (NetconfClient c = new NetconfClient(NetconfSession.open(tls.connect("127.0.0.1", port, clientIdentity(),
                ServerTrust.pinned(YumaDevice.certificateFingerprint(server.certFile()))), SessionOptions.defaults()))) {
            assertThat(c.getConfig(Datastore.RUNNING).data()).isNotNull();
        }
        // what `openssl x509 -fingerprint -sha256` prints is accepted as a pin as it is
        String opensslLine = YumaDevice.opensslFingerprintLine(server.certFile());
        assertThat(opensslLine).containsIgnoringCase("sha256 fingerprint=");
        tls.connect("127.0.0.1", port, clientIdentity(), ServerTrust.pinned(opensslLine)).close();
    }

    @Test
    void pinMismatchNamesBothFingerprints() {
        TestPki.Issued elsewhere = pki.server("another-device", "127.0.0.1");
        assertThatThrownBy(() -> tls.connect("127.0.0.1", port, clientIdentity(),
                ServerTrust.pinned(elsewhere.fingerprint())))
                .isInstanceOf(HostKeyException.class)
                .hasMessageContaining("does not match the pinned fingerprint")
                .hasMessageContaining("presented " + server.fingerprint())
                .hasMessageContaining(elsewhere.fingerprint());
    }

    @Test
    void untrustedCertificateAuthoritySaysWhoseCertificate() {
        assertThatThrownBy(() -> tls.connect("127.0.0.1", port, clientIdentity(),
                ServerTrust.authoritiesFromPem(foreignPki.caFile())))
                .isInstanceOf(HostKeyException.class)
                .hasMessageContaining("certificate of 127.0.0.1:" + port + " is not trusted")
                .hasMessageContaining("CN=yuma-device")
                .hasMessageContaining(server.fingerprint())
                .hasMessageContaining("does not chain to a trusted certificate authority");
    }

    @Test
    void hostnameMismatchIsRefused() throws Exception {
        TestPki.Issued wrongName = pki.server("misnamed", "192.0.2.7", "router.example.net");
        int misnamed = device.tlsListen(wrongName.certFile(), wrongName.keyFile(), pki.caFile());
        try {
            assertThatThrownBy(() -> tls.connect("127.0.0.1", misnamed, clientIdentity(),
                    ServerTrust.authoritiesFromPem(pki.caFile())))
                    .isInstanceOf(HostKeyException.class)
                    .hasMessageContaining("is not valid for 127.0.0.1")
                    .hasMessageContaining("IP:192.0.2.7")
                    .hasMessageContaining("DNS:router.example.net")
                    .hasMessageContaining(wrongName.fingerprint());
            // pinning that certificate instead of checking names: accepted
            tls.connect("127.0.0.1", misnamed, clientIdentity(), ServerTrust.pinned(wrongName.fingerprint())).close();
        } finally {
            device.stopTls(misnamed);
        }
    }

    /**
     * Connects and opens the session: with TLS 1.3 the server judges the client certificate after the client's side
     * of the handshake is done, so a refusal may surface in either step (the same exception either way).
     */
    private static void openSession(TlsConnector connector, TlsIdentity identity, ServerTrust trust)
            throws Exception {
        NetconfSession.open(connector.connect("127.0.0.1", port, identity, trust), SessionOptions.defaults()).close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void clientCertificateFromAnotherCaIsRefusedByTheDevice(String version) throws Exception {
        TestPki.Issued stranger = foreignPki.client("intruder");
        TlsConnector connector = new TlsConnector(TlsSettings.defaults().withProtocols(List.of(version)));
        assertThatThrownBy(() -> openSession(connector,
                TlsIdentity.fromPem(stranger.certFile(), stranger.keyFile(), null),
                ServerTrust.authoritiesFromPem(pki.caFile())))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("refused our client certificate")
                .hasMessageContaining("CN=intruder")
                .hasMessageContaining(stranger.fingerprint())
                // TLS 1.2 alerts are plain text; a TLS 1.3 alert is encrypted, and readable only if JSSE got to it
                .hasMessageMatching(version.equals("TLSv1.2") ? "(?s).*TLS alert unknown_ca.*"
                        : "(?s).*(TLS alert unknown_ca|an encrypted TLS 1.3 alert).*");
    }

    @Test
    void noClientCertificateIsRefusedByTheDevice() {
        assertThatThrownBy(() -> openSession(tls, null, ServerTrust.authoritiesFromPem(pki.caFile())))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("requires a client certificate")
                .hasMessageContaining("certificate_required");
    }

    @Test
    void plaintextNetconfGetsNoAnswer() throws Exception {
        // the port speaks only TLS: a NETCONF hello in clear text gets no hello back
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("<?xml version=\"1.0\"?><hello xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\"><capabilities>"
                    + "<capability>urn:ietf:params:netconf:base:1.0</capability></capabilities></hello>]]>]]>")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] reply = in.readNBytes(4096);
            assertThat(new String(reply, StandardCharsets.ISO_8859_1)).doesNotContain("hello");
        } catch (java.net.SocketException e) {
            assertThat(e.getMessage()).containsIgnoringCase("reset"); // OpenSSL may reset instead of closing
        }
    }
}
