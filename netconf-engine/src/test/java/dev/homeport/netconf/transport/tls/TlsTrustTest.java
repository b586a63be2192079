package dev.homeport.netconf.transport.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.netconf.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fingerprints, the RFC 6125 name check, CA trust, pinning and the known-certificates store, on a test PKI. */
class TlsTrustTest {
    @TempDir
    static Path dir;
    static TestPki pki;
    static TestPki otherPki;
    static TestPki.Issued server;

    @BeforeAll
    static void pki() {
        pki = TestPki.create(dir, "main");
        otherPki = TestPki.create(dir, "other");
        server = pki.server("device", "127.0.0.1", "device.example.com", "*.lab.example.com", "::1");
    }

    private static X509Certificate[] chain(TestPki.Issued i) {
        return i.chain().toArray(X509Certificate[]::new);
    }

    @Test
    void fingerprintIsSha256OfTheDerInOpenSshStyleAndReadsHexToo() {
        String fp = Certificates.fingerprint(server.certificate());
        assertThat(fp).isEqualTo(server.fingerprint()).startsWith("SHA256:").hasSize(7 + 43);
        String hex = HexFormat.ofDelimiter(":").withUpperCase().formatHex(Certificates.sha256(server.certificate()));
        assertThat(Certificates.normalizeFingerprint(hex)).isEqualTo(fp);
        assertThat(Certificates.normalizeFingerprint("sha256 Fingerprint=" + hex)).isEqualTo(fp);
        assertThat(Certificates.normalizeFingerprint(hex.replace(":", "").toLowerCase(Locale.ROOT))).isEqualTo(fp);
        assertThat(Certificates.normalizeFingerprint(fp + "=")).isEqualTo(fp);
        assertThatThrownBy(() -> Certificates.parseFingerprint("SHA256:abc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("43 base64");
        assertThatThrownBy(() -> Certificates.parseFingerprint("AB:CD"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 hex digits");
    }

    @Test
    void serverIdentityFollowsRfc6125() {
        X509Certificate c = server.certificate();
        assertThat(ServerIdentity.mismatch(c, "127.0.0.1")).isEmpty();
        assertThat(ServerIdentity.mismatch(c, "::1")).isEmpty();
        assertThat(ServerIdentity.mismatch(c, "[0:0:0:0:0:0:0:1]")).isEmpty();
        assertThat(ServerIdentity.mismatch(c, "device.example.com")).isEmpty();
        assertThat(ServerIdentity.mismatch(c, "DEVICE.Example.COM.")).isEmpty();
        assertThat(ServerIdentity.mismatch(c, "r1.lab.example.com")).isEmpty();
        assertThat(ServerIdentity.mismatch(c, "a.r1.lab.example.com")).isPresent();
        assertThat(ServerIdentity.mismatch(c, "lab.example.com")).isPresent();
        assertThat(ServerIdentity.mismatch(c, "127.0.0.2")).get().asString()
                .contains("IP:127.0.0.1", "DNS:device.example.com", "not the IP address 127.0.0.2");
        // a certificate whose only name is its CN: DNS names may match the CN, IP addresses never do
        TestPki.Issued cnOnly = pki.server("router.example.com");
        assertThat(ServerIdentity.mismatch(cnOnly.certificate(), "router.example.com")).isEmpty();
        assertThat(ServerIdentity.mismatch(cnOnly.certificate(), "other.example.com")).get().asString()
                .contains("no subjectAltName and CN=router.example.com");
        TestPki.Issued cnIp = pki.server("127.0.0.1");
        assertThat(ServerIdentity.mismatch(cnIp.certificate(), "127.0.0.1")).isPresent();
        // a DNS subjectAltName disables the CN fallback
        TestPki.Issued sanAndCn = pki.server("cn.example.com", "san.example.com");
        assertThat(ServerIdentity.mismatch(sanAndCn.certificate(), "cn.example.com")).isPresent();
        assertThat(ServerIdentity.matchesDns("*.com", "example.com")).isFalse();
        assertThat(ServerIdentity.matchesDns("f*.example.com", "foo.example.com")).isFalse();
    }

    @Test
    void authoritiesCheckTheChainThenTheName() throws Exception {
        ServerTrust trust = ServerTrust.authoritiesFromPem(pki.caFile());
        trust.check("127.0.0.1", 6513, chain(server), "UNKNOWN");
        trust.check("device.example.com", 6513, new X509Certificate[] {server.certificate()}, "UNKNOWN");
        assertThatThrownBy(() -> trust.check("10.1.2.3", 6513, chain(server), "UNKNOWN"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("certificate of 10.1.2.3:6513")
                .hasMessageContaining(server.fingerprint())
                .hasMessageContaining("is not valid for 10.1.2.3");
        TestPki.Issued stranger = otherPki.server("stranger", "127.0.0.1");
        assertThatThrownBy(() -> ServerTrust.authorities(List.of(pki.caCertificate()))
                .check("127.0.0.1", 830, chain(stranger), "UNKNOWN"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("is not trusted")
                .hasMessageContaining("CN=stranger")
                .hasMessageContaining(stranger.fingerprint())
                .hasMessageContaining("does not chain to a trusted certificate authority");
        // a client certificate is not a server certificate (extended key usage)
        TestPki.Issued client = pki.client("ncuser");
        assertThatThrownBy(() -> trust.check("127.0.0.1", 830, chain(client), "UNKNOWN"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("is not trusted");
    }

    @Test
    void pinningAcceptsOnlyThePinnedCertificate() throws Exception {
        String hex = HexFormat.ofDelimiter(":").formatHex(Certificates.sha256(server.certificate()));
        ServerTrust.pinned(server.fingerprint()).check("127.0.0.1", 6513, chain(server), "UNKNOWN");
        ServerTrust.pinned(hex).check("elsewhere.example", 1, chain(server), "UNKNOWN"); // hex works; no name check
        TestPki.Issued other = pki.server("device", "127.0.0.1");
        assertThatThrownBy(() -> ServerTrust.pinned(server.fingerprint()).check("127.0.0.1", 6513, chain(other), "U"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("does not match the pinned fingerprint")
                .hasMessageContaining(other.fingerprint())
                .hasMessageContaining(server.fingerprint());
        assertThatThrownBy(() -> ServerTrust.pinned("SHA256:tooShort"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knownCertificatesRememberAndRefuseAChange(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("known_certificates");
        KnownCertificates tofu = KnownCertificates.file(file, KnownCertificates.Policy.ACCEPT_NEW);
        tofu.check("127.0.0.1", 6513, chain(server), "UNKNOWN");
        tofu.check("127.0.0.1", 7000, chain(server), "UNKNOWN");
        assertThat(Files.readAllLines(file)).containsExactly(
                "127.0.0.1 " + server.fingerprint() + " " + server.subject(),
                "[127.0.0.1]:7000 " + server.fingerprint() + " " + server.subject());
        KnownCertificates strict = KnownCertificates.file(file, KnownCertificates.Policy.STRICT);
        strict.check("127.0.0.1", 6513, chain(server), "UNKNOWN");
        TestPki.Issued renewed = pki.server("device", "127.0.0.1");
        assertThatThrownBy(() -> strict.check("127.0.0.1", 6513, chain(renewed), "UNKNOWN"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("CERTIFICATE CHANGED for 127.0.0.1:6513")
                .hasMessageContaining(renewed.fingerprint())
                .hasMessageContaining(server.fingerprint())
                .hasMessageContaining(file + ":1");
        assertThatThrownBy(() -> strict.check("127.0.0.9", 6513, chain(renewed), "UNKNOWN"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("is unknown");
        // hand-written entries may use openssl's hex form, and @revoked
        String hex = HexFormat.ofDelimiter(":").withUpperCase().formatHex(Certificates.sha256(renewed.certificate()));
        Files.writeString(file, "# comment\n[10.0.0.1]:830 " + hex + "\n@revoked 127.0.0.1 " + server.fingerprint()
                + "\nbroken line\n");
        KnownCertificates edited = KnownCertificates.file(file, KnownCertificates.Policy.STRICT);
        edited.check("10.0.0.1", 830, chain(renewed), "UNKNOWN");
        assertThatThrownBy(() -> edited.check("127.0.0.1", 6513, chain(server), "UNKNOWN"))
                .isInstanceOf(CertificateException.class).hasMessageContaining("@revoked");
        assertThat(edited.entries()).hasSize(2);
    }
}
