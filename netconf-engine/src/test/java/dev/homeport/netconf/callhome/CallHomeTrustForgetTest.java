package dev.homeport.netconf.callhome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.transport.ssh.HostKeys;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.tls.CertificateAuthority;
import dev.homeport.netconf.transport.tls.KnownCertificates;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forgetting a device unpins its key or certificate, in memory and in the files, and leaves the others. */
class CallHomeTrustForgetTest {
    private static final InetSocketAddress FROM = new InetSocketAddress("127.0.0.1", 40000);

    @TempDir
    Path tmp;

    @Test
    void forgettingAnSshDeviceRemovesItsKeyFromKnownHostsAndKeepsTheOtherLines() throws Exception {
        Path file = tmp.resolve("known_hosts");
        Files.writeString(file, "# devices\n");
        KeyPair a = KeyPairGenerator.getInstance("EC").generateKeyPair();
        KeyPair b = KeyPairGenerator.getInstance("EC").generateKeyPair();
        CallHomeTrust trust = new CallHomeTrust(KnownHosts.file(file, KnownHosts.Policy.STRICT),
                KnownCertificates.inMemory(KnownCertificates.Policy.STRICT));
        trust.trust(FROM, new DeviceIdentity.SshHostKey(a.getPublic()));
        trust.trust(new InetSocketAddress("127.0.0.2", 40000), new DeviceIdentity.SshHostKey(b.getPublic()));
        assertThat(trust.classify(FROM, new DeviceIdentity.SshHostKey(a.getPublic())))
                .isInstanceOf(CallHomeTrust.Trusted.class);

        trust.forget(HostKeys.fingerprint(a.getPublic()));

        assertThat(trust.classify(FROM, new DeviceIdentity.SshHostKey(a.getPublic())))
                .isInstanceOf(CallHomeTrust.Unknown.class);
        assertThat(trust.classify(FROM, new DeviceIdentity.SshHostKey(b.getPublic())))
                .isInstanceOf(CallHomeTrust.Trusted.class);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2).first().isEqualTo("# devices");
        KnownHosts reread = KnownHosts.file(file, KnownHosts.Policy.STRICT);
        assertThat(reread.findKey(a.getPublic())).isEmpty();
        assertThat(reread.findKey(b.getPublic())).isPresent();
    }

    @Test
    void forgettingATlsDeviceRemovesItsCertificateFromTheFileAndLiftsARejection() throws Exception {
        Path file = tmp.resolve("known_certificates");
        CertificateAuthority ca = CertificateAuthority.create("test CA", Duration.ofDays(1));
        X509Certificate one = ca.issue("one", CertificateAuthority.Purpose.SERVER, List.of("127.0.0.1"),
                Duration.ofDays(1)).certificate();
        X509Certificate two = ca.issue("two", CertificateAuthority.Purpose.SERVER, List.of("127.0.0.1"),
                Duration.ofDays(1)).certificate();
        CallHomeTrust trust = new CallHomeTrust(KnownHosts.inMemory(KnownHosts.Policy.STRICT),
                KnownCertificates.file(file, KnownCertificates.Policy.STRICT));
        trust.trust(FROM, new DeviceIdentity.TlsCertificate(one));
        trust.trust(new InetSocketAddress("127.0.0.2", 40000), new DeviceIdentity.TlsCertificate(two));
        DeviceIdentity first = new DeviceIdentity.TlsCertificate(one);
        trust.reject(first.fingerprint());

        trust.forget(first.fingerprint());

        assertThat(trust.classify(FROM, first)).isInstanceOf(CallHomeTrust.Unknown.class);
        KnownCertificates reread = KnownCertificates.file(file, KnownCertificates.Policy.STRICT);
        assertThat(reread.find(one)).isEmpty();
        assertThat(reread.find(two)).isPresent();
    }
}
