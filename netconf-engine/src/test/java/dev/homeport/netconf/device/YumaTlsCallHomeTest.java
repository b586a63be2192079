package dev.homeport.netconf.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.netconf.callhome.CallHomeDevice;
import dev.homeport.netconf.callhome.CallHomeEvent;
import dev.homeport.netconf.callhome.CallHomeServer;
import dev.homeport.netconf.callhome.CallHomeSettings;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.callhome.CredentialsProvider;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.testing.TestPki;
import dev.homeport.netconf.testing.YumaDevice;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.tls.KnownCertificates;
import dev.homeport.netconf.transport.tls.TlsIdentity;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 8071 call home against real devices: yuma123 behind a TLS server that dials out (section 4), and behind
 * OpenSSH that dials out (section 3), through one listener that accepts both.
 */
class YumaTlsCallHomeTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    static YumaDevice device;
    static TestPki pki;
    static TlsIdentity manager;
    static CredentialsProvider credentials;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(dir, "callhome");
        TestPki.Issued managerCert = pki.client("homeport-manager");
        manager = TlsIdentity.fromPem(managerCert.chainFile(), managerCert.keyFile(), null);
        device = YumaDevice.start(new YumaDevice.Options().callHomeCapture(true));
        credentials = CredentialsProvider.same(SshAuth.password(device.user(), device.password()), manager);
    }

    @AfterAll
    static void stop() {
        if (device != null) {
            device.close();
        }
    }

    private static CallHomeServer listen(CallHomeTrust trust, List<CallHomeEvent> events) throws Exception {
        return listen(trust, events, Duration.ofMinutes(1));
    }

    private static CallHomeServer listen(CallHomeTrust trust, List<CallHomeEvent> events, Duration pendingTimeout)
            throws Exception {
        CallHomeSettings settings = CallHomeSettings.defaults()
                .withSsh(new InetSocketAddress("127.0.0.1", 0))
                .withTls(new InetSocketAddress("127.0.0.1", 0))
                .withPending(16, pendingTimeout);
        CallHomeServer server = new CallHomeServer(settings, trust, credentials);
        server.addListener(events::add);
        server.start();
        return server;
    }

    private static <T extends CallHomeEvent> T awaitEvent(List<CallHomeEvent> events, Class<T> type, String fp) {
        await().atMost(WAIT).until(() -> find(events, type, fp).isPresent());
        return find(events, type, fp).orElseThrow();
    }

    private static <T extends CallHomeEvent> Optional<T> find(List<CallHomeEvent> events, Class<T> type, String fp) {
        return events.stream().filter(type::isInstance).map(type::cast).filter(e -> fingerprintOf(e).equals(fp))
                .findFirst();
    }

    private static String fingerprintOf(CallHomeEvent e) {
        return switch (e) {
            case CallHomeEvent.Pending p -> p.device().fingerprint();
            case CallHomeEvent.Trusted t -> t.device().fingerprint();
            case CallHomeEvent.Connected c -> c.device().fingerprint();
            case CallHomeEvent.Disconnected d -> d.device().fingerprint();
            case CallHomeEvent.Refused r -> r.device().map(CallHomeDevice::fingerprint).orElse("");
        };
    }

    @Test
    void tlsDeviceIsPendingUntilTrustedThenServesGetConfigOverTlsEndToEnd() throws Exception {
        List<CallHomeEvent> events = new CopyOnWriteArrayList<>();
        CallHomeTrust trust = CallHomeTrust.inMemory();
        try (CallHomeServer server = listen(trust, events)) {
            TestPki.Issued cert = pki.server("router-1", "127.100.0.1");
            YumaDevice.CallHomeDevice dev = device.tlsCallHome("127.0.0.1", server.tlsAddress().getPort(),
                    cert.certFile(), cert.keyFile(), pki.caFile(), 1);
            assertThat(dev.fingerprint()).isEqualTo(cert.fingerprint()); // openssl and the test PKI agree
            assertThat(dev.sourceAddress()).isEqualTo("127.100.0.1");

            CallHomeEvent.Pending pending = awaitEvent(events, CallHomeEvent.Pending.class, dev.fingerprint());
            CallHomeDevice d = pending.device();
            assertThat(d.transport()).isEqualTo(CallHomeDevice.Transport.TLS);
            assertThat(d.keyType()).isEqualTo("X.509 EC");
            assertThat(d.state()).isEqualTo(CallHomeDevice.State.PENDING);
            assertThat(pending.source().getAddress().getHostAddress()).isEqualTo("127.100.0.1");
            // held inside the TLS handshake: the device's TLS server has not completed a session with anyone
            assertThat(device.callHomeSessions(1)).isEmpty();
            assertThat(find(events, CallHomeEvent.Connected.class, dev.fingerprint())).isEmpty();

            server.trust(dev.fingerprint());
            CallHomeEvent.Connected connected = awaitEvent(events, CallHomeEvent.Connected.class, dev.fingerprint());
            NetconfClient client = new NetconfClient(connected.session());
            assertThat(client.getConfig(Datastore.RUNNING).data().getLocalName()).isEqualTo("data");
            assertThat(connected.session().peerIdentity()).isEqualTo(dev.fingerprint());
            assertThat(d.state()).isEqualTo(CallHomeDevice.State.CONNECTED);
            assertThat(trust.certificates().find(cert.certificate())).isPresent();

            // The proof that it is TLS end to end: the device's OpenSSL server verified the manager's certificate...
            assertThat(device.callHomeSessions(1)).singleElement().asString()
                    .contains("tls=TLSv1.3").contains("CN = homeport-manager\"").contains("CN = callhome Test CA\"");
            // ...and the bytes its dial-out bridge carried are TLS records, with no NETCONF in clear text
            byte[] toDevice = device.callHomeCapture(1, false);
            byte[] toManager = device.callHomeCapture(1, true);
            assertThat(toDevice).hasSizeGreaterThan(100).startsWith(0x16, 0x03); // ClientHello record
            assertThat(toManager).hasSizeGreaterThan(1000).startsWith(0x16, 0x03); // ServerHello record
            for (byte[] wire : List.of(toDevice, toManager)) {
                String text = new String(wire, StandardCharsets.ISO_8859_1);
                assertThat(text).doesNotContain("netconf").doesNotContain("hello").doesNotContain("<rpc");
            }
            client.close();
            awaitEvent(events, CallHomeEvent.Disconnected.class, dev.fingerprint());
        } finally {
            device.stopCallHome(1);
        }
    }

    @Test
    void tlsDeviceThatHungUpWhilePendingIsAcceptedWhenItCallsAgainAfterBeingTrusted() throws Exception {
        List<CallHomeEvent> events = new CopyOnWriteArrayList<>();
        CallHomeTrust trust = CallHomeTrust.inMemory();
        try (CallHomeServer server = listen(trust, events, Duration.ofSeconds(2))) {
            int port = server.tlsAddress().getPort();
            TestPki.Issued cert = pki.server("router-4", "127.100.0.4");
            device.tlsCallHome("127.0.0.1", port, cert.certFile(), cert.keyFile(), pki.caFile(), 4);
            awaitEvent(events, CallHomeEvent.Pending.class, cert.fingerprint());
            await().atMost(WAIT).until(() -> server.activeSessions() == 0); // dropped after the pending timeout
            assertThat(server.device(cert.fingerprint()).orElseThrow().state())
                    .isEqualTo(CallHomeDevice.State.PENDING);
            assertThat(find(events, CallHomeEvent.Refused.class, cert.fingerprint())).isEmpty();

            server.trust(cert.fingerprint()); // the certificate it presented is remembered
            assertThat(trust.certificates().find(cert.certificate())).isPresent();
            device.stopCallHome(4);
            device.tlsCallHome("127.0.0.1", port, cert.certFile(), cert.keyFile(), pki.caFile(), 4);
            CallHomeEvent.Connected c = awaitEvent(events, CallHomeEvent.Connected.class, cert.fingerprint());
            assertThat(new NetconfClient(c.session()).getConfig(Datastore.RUNNING).data()).isNotNull();
            assertThat(events.stream().filter(CallHomeEvent.Pending.class::isInstance)).hasSize(1);
            assertThat(device.callHomeSessions(4)).hasSize(1);
        } finally {
            device.stopCallHome(4);
        }
    }

    @Test
    void changedTlsCertificateIsRefused() throws Exception {
        List<CallHomeEvent> events = new CopyOnWriteArrayList<>();
        CallHomeTrust trust = new CallHomeTrust(KnownHosts.inMemory(KnownHosts.Policy.STRICT),
                KnownCertificates.inMemory(KnownCertificates.Policy.ACCEPT_NEW));
        try (CallHomeServer server = listen(trust, events)) {
            int port = server.tlsAddress().getPort();
            TestPki.Issued first = pki.server("router-2", "127.100.0.2");
            device.tlsCallHome("127.0.0.1", port, first.certFile(), first.keyFile(), pki.caFile(), 2);
            awaitEvent(events, CallHomeEvent.Trusted.class, first.fingerprint()); // accept-new
            CallHomeEvent.Connected c = awaitEvent(events, CallHomeEvent.Connected.class, first.fingerprint());
            assertThat(new NetconfClient(c.session()).getConfig(Datastore.RUNNING).data()).isNotNull();
            device.stopCallHome(2);
            awaitEvent(events, CallHomeEvent.Disconnected.class, first.fingerprint());

            // same device (same source address), new certificate, even from the same CA: refused
            TestPki.Issued second = pki.server("router-2", "127.100.0.2");
            device.tlsCallHome("127.0.0.1", port, second.certFile(), second.keyFile(), pki.caFile(), 2);
            CallHomeEvent.Refused refused = awaitEvent(events, CallHomeEvent.Refused.class, second.fingerprint());
            assertThat(refused.reason()).contains("CERTIFICATE CHANGED").contains("127.100.0.2")
                    .contains(second.fingerprint()).contains(first.fingerprint());
            assertThat(server.device(second.fingerprint()).orElseThrow().state())
                    .isEqualTo(CallHomeDevice.State.REFUSED);
            assertThat(server.device(first.fingerprint()).orElseThrow().state())
                    .isEqualTo(CallHomeDevice.State.OFFLINE);
            assertThat(find(events, CallHomeEvent.Connected.class, second.fingerprint())).isEmpty();
            // the device's TLS server saw one session only: the refused call never got past the handshake
            assertThat(device.callHomeSessions(2)).hasSize(1);
        } finally {
            device.stopCallHome(2);
        }
    }

    @Test
    void rejectedTlsDeviceIsDroppedAndRefusedWhenItCallsAgain() throws Exception {
        List<CallHomeEvent> events = new CopyOnWriteArrayList<>();
        try (CallHomeServer server = listen(CallHomeTrust.inMemory(), events)) {
            int port = server.tlsAddress().getPort();
            TestPki.Issued cert = pki.server("router-3", "127.100.0.3");
            device.tlsCallHome("127.0.0.1", port, cert.certFile(), cert.keyFile(), pki.caFile(), 3);
            awaitEvent(events, CallHomeEvent.Pending.class, cert.fingerprint());
            server.reject(cert.fingerprint());
            await().atMost(WAIT).until(() -> server.activeSessions() == 0);
            assertThat(server.device(cert.fingerprint()).orElseThrow().refusal()).contains("rejected by the user");
            // rejecting a held device is itself reported as a refusal
            assertThat(awaitEvent(events, CallHomeEvent.Refused.class, cert.fingerprint()).reason())
                    .contains("rejected by the user");
            events.clear();
            device.stopCallHome(3);
            device.tlsCallHome("127.0.0.1", port, cert.certFile(), cert.keyFile(), pki.caFile(), 3);
            CallHomeEvent.Refused refused = awaitEvent(events, CallHomeEvent.Refused.class, cert.fingerprint());
            assertThat(refused.reason()).contains("was rejected");
            assertThat(device.callHomeSessions(3)).isEmpty();
        } finally {
            device.stopCallHome(3);
        }
    }

    @Test
    void sshCallHomeStillWorksBesideTls() throws Exception {
        List<CallHomeEvent> events = new CopyOnWriteArrayList<>();
        try (CallHomeServer server = listen(CallHomeTrust.inMemory(), events)) {
            int port = server.sshAddress().getPort();
            YumaDevice.CallHomeDevice dev = device.callHome("127.0.0.1", port, 1, 11).get(0);
            CallHomeEvent.Pending pending = awaitEvent(events, CallHomeEvent.Pending.class, dev.fingerprint());
            assertThat(pending.device().transport()).isEqualTo(CallHomeDevice.Transport.SSH);
            server.trust(dev.fingerprint());
            CallHomeEvent.Connected c = awaitEvent(events, CallHomeEvent.Connected.class, dev.fingerprint());
            assertThat(new NetconfClient(c.session()).getConfig(Datastore.RUNNING).data()).isNotNull();
            assertThat(c.session().peerIdentity()).isEqualTo(dev.fingerprint());
            device.stopCallHome(11);
            awaitEvent(events, CallHomeEvent.Disconnected.class, dev.fingerprint());

            device.rekey(11);
            YumaDevice.CallHomeDevice rekeyed = device.callHome("127.0.0.1", port, 1, 11).get(0);
            CallHomeEvent.Refused refused = awaitEvent(events, CallHomeEvent.Refused.class, rekeyed.fingerprint());
            assertThat(refused.reason()).contains("HOST KEY CHANGED").contains(dev.fingerprint());
        } finally {
            device.stopCallHome(11);
        }
    }
}
