package dev.homeport.netconf.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.netconf.testing.TestPki;
import dev.homeport.netconf.transport.tls.CertificateAuthority.Purpose;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run-time PKI of simulated devices: a CA folder made once and reused, device and client certificates that the
 * engine's trust checks (PKIX, RFC 6125 names, cert-to-name) accept for what they are and refuse for the rest.
 */
class CertificateAuthorityTest {
    static final Duration DAY = Duration.ofDays(1);

    @Test
    void aFolderGetsACaAndADeviceCertificateOnceAndTheSameOnesAfterwards(@TempDir Path dir) throws Exception {
        Path pki = dir.resolve("pki");
        CertificateAuthority ca = CertificateAuthority.openOrCreate(pki, "Homeport demo CA");
        TlsIdentity device = ca.identity("home-router-1", Purpose.SERVER, List.of("127.0.0.1", "localhost"));

        assertThat(pki.resolve("ca.crt")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.resolve("ca.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.resolve("home-router-1.key"))))
                .isEqualTo("rw-------");
        // the fingerprint the CLI prints is the one an independent computation (and openssl) gives
        assertThat(device.fingerprint()).isEqualTo(TestPki.fingerprint(device.certificate()))
                .isEqualTo(Certificates.fingerprint(Certificates.readPem(pki.resolve("home-router-1.crt")).get(0)));

        CertificateAuthority again = CertificateAuthority.openOrCreate(pki, "ignored when present");
        TlsIdentity sameDevice = again.identity("home-router-1", Purpose.SERVER, List.of("ignored"));
        assertThat(again.fingerprint()).isEqualTo(ca.fingerprint());
        assertThat(sameDevice.fingerprint()).isEqualTo(device.fingerprint());
        TlsIdentity other = again.identity("home-router-2", Purpose.SERVER, List.of("127.0.0.1"));
        assertThat(other.fingerprint()).isNotEqualTo(device.fingerprint());

        // the files are what TlsIdentity.fromPem and the CLI's --tls-ca read
        TlsIdentity fromFiles = TlsIdentity.fromPem(pki.resolve("home-router-1.crt"), pki.resolve("home-router-1.key"),
                null);
        assertThat(fromFiles.chain()).hasSize(2);
        ServerTrust.authoritiesFromPem(again.certificateFile()).check("127.0.0.1", 6513,
                fromFiles.chain().toArray(X509Certificate[]::new), "ECDHE_ECDSA");
    }

    @Test
    void openSslAcceptsTheCertificatesAndAgreesOnTheFingerprint(@TempDir Path dir) throws Exception {
        CertificateAuthority ca = CertificateAuthority.openOrCreate(dir, "OpenSSL check CA");
        TlsIdentity device = ca.identity("device", Purpose.SERVER, List.of("127.0.0.1", "device.lab"));
        TlsIdentity client = ca.identity("client", Purpose.CLIENT, List.of());
        String caFile = dir.resolve("ca.crt").toString();

        assertThat(openssl("verify", "-CAfile", caFile, "-purpose", "sslserver", "-verify_ip", "127.0.0.1",
                dir.resolve("device.crt").toString())).contains("device.crt: OK");
        assertThat(openssl("verify", "-CAfile", caFile, "-purpose", "sslclient", dir.resolve("client.crt").toString()))
                .contains("client.crt: OK");
        // a client certificate is not good for a server, and the other way round
        assertThat(openssl("verify", "-CAfile", caFile, "-purpose", "sslserver", dir.resolve("client.crt").toString()))
                .doesNotContain(": OK");
        String text = openssl("x509", "-noout", "-text", "-in", dir.resolve("device.crt").toString());
        assertThat(text).contains("CA:FALSE").contains("TLS Web Server Authentication")
                .contains("IP Address:127.0.0.1").contains("DNS:device.lab").contains("Digital Signature")
                .contains("X509v3 Authority Key Identifier");
        assertThat(openssl("x509", "-noout", "-text", "-in", caFile)).contains("CA:TRUE").contains("Certificate Sign");
        String hex = openssl("x509", "-noout", "-fingerprint", "-sha256", "-in", dir.resolve("device.crt").toString());
        assertThat(Certificates.normalizeFingerprint(hex.strip())).isEqualTo(device.fingerprint());
        // the key file is one OpenSSL reads, and it is the certificate's key
        assertThat(openssl("pkey", "-in", dir.resolve("device.key").toString(), "-pubout"))
                .isEqualTo(openssl("x509", "-noout", "-pubkey", "-in", dir.resolve("device.crt").toString()));
        assertThat(client.fingerprint()).isNotEqualTo(device.fingerprint());
    }

    private static String openssl(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Test
    void anIncompleteCaOrAForeignCertificateInTheFolderIsAnErrorNotReplaced(@TempDir Path dir) throws Exception {
        CertificateAuthority.openOrCreate(dir, "first");
        Files.delete(dir.resolve("ca.key"));
        assertThatThrownBy(() -> CertificateAuthority.openOrCreate(dir, "second"))
                .isInstanceOf(IOException.class).hasMessageContaining("incomplete").hasMessageContaining("ca.key");
        assertThat(dir.resolve("ca.crt")).exists();

        Path other = dir.resolve("other");
        CertificateAuthority ca = CertificateAuthority.openOrCreate(other, "other");
        TlsIdentity foreign = CertificateAuthority.create("stranger", DAY).issue("dev", Purpose.SERVER, List.of(), DAY);
        CertificateAuthority.writePublic(other.resolve("dev.crt"), foreign.chain());
        CertificateAuthority.writePrivate(other.resolve("dev.key"), foreign.privateKey());
        assertThatThrownBy(() -> ca.identity("dev", Purpose.SERVER, List.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("was not issued by the CA");
        assertThatThrownBy(() -> CertificateAuthority.writePrivate(other.resolve("dev.key"), foreign.privateKey()))
                .hasMessageContaining("will not overwrite");
        assertThatThrownBy(() -> ca.identity("../escape", Purpose.SERVER, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverAndClientCertificatesAreTrustedForWhatTheyAreOnly() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Test CA", DAY);
        TlsIdentity device = ca.issue("sw-1", Purpose.SERVER, List.of("127.0.0.5", "sw-1.lab"), DAY);
        TlsIdentity client = ca.issue("alice", Purpose.CLIENT, List.of(), DAY);
        X509Certificate[] deviceChain = device.chain().toArray(X509Certificate[]::new);
        X509Certificate[] clientChain = client.chain().toArray(X509Certificate[]::new);

        ca.serverTrust().check("127.0.0.5", 6513, deviceChain, "ECDHE_ECDSA");
        ca.serverTrust().check("sw-1.lab", 6513, deviceChain, "ECDHE_ECDSA");
        assertThatThrownBy(() -> ca.serverTrust().check("127.0.0.6", 6513, deviceChain, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("not valid for 127.0.0.6");
        ca.clientTrust().check(clientChain, "EC");
        // a device certificate is no client certificate (extended key usage), and vice versa
        assertThatThrownBy(() -> ca.clientTrust().check(deviceChain, "EC"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("CN=sw-1");
        assertThatThrownBy(() -> ca.serverTrust().check("127.0.0.5", 6513, clientChain, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);

        ClientTrust pinned = ClientTrust.pinned(client.fingerprint());
        pinned.check(clientChain, "EC");
        assertThatThrownBy(() -> pinned.check(new X509Certificate[] {ca.issue("bob", Purpose.CLIENT, List.of(), DAY)
                .certificate()}, "EC")).hasMessageContaining("CN=bob").hasMessageContaining("not one of the pinned");

        TlsIdentity rsa = ca.issue("carol", "RSA", Purpose.CLIENT, List.of(), DAY);
        assertThat(rsa.privateKey().getAlgorithm()).isEqualTo("RSA");
        ca.clientTrust().check(rsa.chain().toArray(X509Certificate[]::new), "RSA");
    }

    @Test
    void certToNameTriesEntriesInOrderAndMatchesFingerprintsAnywhereInTheChain() {
        CertificateAuthority ca = CertificateAuthority.create("Names CA", DAY);
        TlsIdentity alice = ca.issue("alice", Purpose.CLIENT, List.of("alice.example.net"), DAY);
        TlsIdentity bob = ca.issue("bob", Purpose.CLIENT, List.of(), DAY);
        TlsIdentity other = CertificateAuthority.create("Other", DAY).issue("eve", Purpose.CLIENT, List.of(), DAY);

        assertThat(CertToName.commonName().userName(alice.chain())).contains("alice");
        CertToName byCa = new CertToName(List.of(
                new CertToName.Entry(Optional.of(alice.fingerprint()), CertToName.MapType.SPECIFIED,
                        Optional.of("admin")),
                new CertToName.Entry(Optional.of(ca.fingerprint()), CertToName.MapType.SAN_DNS_NAME, Optional.empty()),
                new CertToName.Entry(Optional.of(ca.fingerprint()), CertToName.MapType.COMMON_NAME,
                        Optional.empty())));
        assertThat(byCa.userName(alice.chain())).contains("admin"); // the first entry wins
        assertThat(byCa.userName(bob.chain())).contains("bob"); // no dNSName: falls through to the CN
        assertThat(byCa.userName(other.chain())).isEmpty(); // another CA: no entry applies
        assertThat(CertToName.specified(ca.fingerprint(), "operator").then(CertToName.commonName())
                .userName(other.chain())).contains("eve");
        assertThatThrownBy(() -> new CertToName.Entry(Optional.empty(), CertToName.MapType.COMMON_NAME,
                Optional.of("x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
