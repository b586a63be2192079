package dev.homeport.netconf.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.netconf.AuthenticationException;
import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.testing.TestPki;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading client identities (PEM plain and encrypted, PKCS#12), and handshake failures against loopback sockets. */
class TlsCredentialsAndHandshakeTest {
    @TempDir
    static Path dir;
    static TestPki pki;
    static TestPki.Issued client;

    @BeforeAll
    static void pki() {
        pki = TestPki.create(dir, "creds");
        client = pki.client("ncuser");
    }

    @Test
    void pemIdentityPlainAndEncrypted() throws Exception {
        TlsIdentity plain = TlsIdentity.fromPem(client.chainFile(), client.keyFile(), null);
        assertThat(plain.fingerprint()).isEqualTo(client.fingerprint());
        assertThat(plain.chain()).hasSize(2);
        assertThat(plain.toString()).contains("CN=ncuser").contains(client.fingerprint());

        char[] secret = "s3cr3t-Passw0rd".toCharArray();
        Path encrypted = pki.encryptedKey(client, secret);
        TlsIdentity decrypted = TlsIdentity.fromPem(client.certFile(), encrypted, secret.clone());
        assertThat(decrypted.privateKey().getEncoded()).isEqualTo(client.key().getEncoded());

        assertThatThrownBy(() -> TlsIdentity.fromPem(client.certFile(), encrypted, "wrong-one".toCharArray()))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("wrong passphrase")
                .hasMessageNotContaining("wrong-one");
        assertThatThrownBy(() -> TlsIdentity.fromPem(client.certFile(), encrypted, null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("a passphrase is needed");
        TestPki.Issued other = pki.client("someone-else");
        assertThatThrownBy(() -> TlsIdentity.fromPem(client.certFile(), other.keyFile(), null))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("does not belong to certificate")
                .hasMessageContaining(client.fingerprint());
    }

    @Test
    void rsaKeysLoadToo() throws Exception {
        TestPki.Issued rsa = pki.rsaClient("rsa-user");
        assertThat(TlsIdentity.fromPem(rsa.certFile(), rsa.keyFile(), null).privateKey().getAlgorithm())
                .isEqualTo("RSA");
    }

    @Test
    void pkcs12Identity() throws Exception {
        char[] pw = "store-Pass".toCharArray();
        Path p12 = pki.pkcs12(client, pw);
        TlsIdentity id = TlsIdentity.fromKeyStore(p12, pw.clone(), null, null);
        assertThat(id.fingerprint()).isEqualTo(client.fingerprint());
        assertThat(TlsIdentity.fromKeyStore(p12, pw.clone(), "client", null).chain()).hasSize(2);
        assertThatThrownBy(() -> TlsIdentity.fromKeyStore(p12, "nope-pass".toCharArray(), null, null))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("wrong password")
                .hasMessageNotContaining("nope-pass");
        assertThatThrownBy(() -> TlsIdentity.fromKeyStore(p12, pw.clone(), "absent", null))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("no key 'absent'");
    }

    @Test
    void handshakeTimeoutWhenTheServerNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            TlsConnector connector = new TlsConnector(TlsSettings.defaults().withHandshakeTimeout(Duration.ofSeconds(1)));
            assertThatThrownBy(() -> connector.connect("127.0.0.1", silent.getLocalPort(),
                    TlsIdentity.fromPem(client.chainFile(), client.keyFile(), null),
                    ServerTrust.authoritiesFromPem(pki.caFile())))
                    .isInstanceOf(NetconfException.class)
                    .hasMessageContaining("TLS handshake with 127.0.0.1:" + silent.getLocalPort())
                    .hasMessageContaining("did not finish within 1 s");
        }
    }

    @Test
    void connectTimeoutWhenNobodyAnswers() throws Exception {
        // a listener whose accept queue is full: Linux drops further SYNs, so a connect gets no answer at all
        List<Socket> queued = new java.util.ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            boolean saturated = false;
            for (int i = 0; i < 10 && !saturated; i++) {
                Socket s = new Socket();
                try {
                    s.connect(full.getLocalSocketAddress(), 300);
                    queued.add(s);
                } catch (java.net.SocketTimeoutException e) {
                    s.close();
                    saturated = true;
                }
            }
            assertThat(saturated).as("the accept queue filled up").isTrue();
            TlsConnector connector = new TlsConnector(TlsSettings.defaults().withConnectTimeout(Duration.ofSeconds(1)));
            assertThatThrownBy(() -> connector.connect("127.0.0.1", full.getLocalPort(), null,
                    ServerTrust.pinned(client.fingerprint())))
                    .isInstanceOf(NetconfException.class)
                    .hasMessage("cannot connect to 127.0.0.1:" + full.getLocalPort() + ": no answer within 1 s");
        } finally {
            for (Socket s : queued) {
                s.close();
            }
        }
    }

    @Test
    void aServerThatIsNotTlsIsNamedAsSuch() throws Exception {
        try (ServerSocket ssh = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = ssh.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    s.getInputStream().read(new byte[4096]);
                } catch (Exception ignored) {
                    // the client hangs up
                }
            });
            assertThatThrownBy(() -> new TlsConnector().connect("127.0.0.1", ssh.getLocalPort(), null,
                    ServerTrust.pinned(client.fingerprint())))
                    .isInstanceOf(NetconfException.class)
                    .hasMessageContaining("does not speak TLS");
        }
    }

    @Test
    void connectionRefusedIsAClearError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> new TlsConnector().connect("127.0.0.1", port, null, ServerTrust.pinned(List.of(
                client.fingerprint()))))
                .isInstanceOf(NetconfException.class)
                .hasMessageStartingWith("cannot connect to 127.0.0.1:" + port);
    }
}
