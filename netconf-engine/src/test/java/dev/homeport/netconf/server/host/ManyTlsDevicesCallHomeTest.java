package dev.homeport.netconf.server.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.netconf.callhome.CallHomeDevice;
import dev.homeport.netconf.callhome.CallHomeEvent;
import dev.homeport.netconf.callhome.CallHomeServer;
import dev.homeport.netconf.callhome.CallHomeSettings;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.callhome.CredentialsProvider;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.server.host.TlsDeviceHost.DeviceTls;
import dev.homeport.netconf.testing.CallHomeEvents;
import dev.homeport.netconf.testing.MinimalEndpoint;
import dev.homeport.netconf.transport.ssh.HostKeys;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.tls.CertificateAuthority;
import dev.homeport.netconf.transport.tls.CertificateAuthority.Purpose;
import dev.homeport.netconf.transport.tls.KnownCertificates;
import dev.homeport.netconf.transport.tls.TlsIdentity;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of simulated TLS devices in one host call one engine call-home listener at once, each from its own
 * 127.102.x.y with its own certificate, and all get a NETCONF session, while the JVM's platform threads do not grow
 * with the number of devices (handshakes, dials and readers are virtual threads). Speed is not measured here.
 */
class ManyTlsDevicesCallHomeTest {
    static final int DEVICES = 300;

    private TlsDeviceHost host;
    private CallHomeServer manager;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        if (manager != null) {
            manager.close();
        }
    }

    @Test
    void hundredsOfTlsDevicesCallingAtOnceAllConnectWithoutAPlatformThreadEach() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create("Scale CA", Duration.ofDays(1));
        TlsIdentity managerCert = ca.issue("manager", Purpose.CLIENT, List.of(), Duration.ofDays(1));
        manager = new CallHomeServer(CallHomeSettings.defaults().withSsh(null)
                .withTls(new InetSocketAddress("127.0.0.1", 0)).withMaxSessions(2 * DEVICES),
                new CallHomeTrust(KnownHosts.inMemory(KnownHosts.Policy.STRICT),
                        KnownCertificates.inMemory(KnownCertificates.Policy.ACCEPT_ALL)),
                CredentialsProvider.same(managerCert));
        CallHomeEvents events = new CallHomeEvents(Duration.ofSeconds(60));
        manager.addListener(events);
        manager.start();
        host = TlsDeviceHost.start();
        int platformBefore = platformThreads();

        Map<String, String> sourceByFingerprint = new HashMap<>();
        Map<String, String> nameByFingerprint = new HashMap<>();
        CallHomePolicy policy = CallHomePolicy.persistent().withConnectTimeout(Duration.ofSeconds(120));
        for (int i = 0; i < DEVICES; i++) {
            MinimalEndpoint d = new MinimalEndpoint("tls-dev-" + i, HostKeys.ed25519("tls/" + i), "admin", "admin",
                    false);
            DeviceTls tls = DeviceTls.issuedBy(ca, ca.issue(d.name(), Purpose.SERVER, List.of(), Duration.ofDays(1)));
            InetAddress source = InetAddress.getByName("127.102." + (i / 250) + "." + (i % 250 + 1));
            sourceByFingerprint.put(tls.fingerprint(), source.getHostAddress());
            nameByFingerprint.put(tls.fingerprint(), d.name());
            host.callHome(d, tls, manager.tlsAddress(), source, policy);
        }

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> manager.devices().stream().filter(d -> d.state() == CallHomeDevice.State.CONNECTED)
                        .count() == DEVICES);

        List<CallHomeEvent.Connected> connected = events.of(CallHomeEvent.Connected.class);
        assertThat(connected).hasSize(DEVICES);
        assertThat(connected).allSatisfy(c -> assertThat(c.source().getAddress().getHostAddress())
                .isEqualTo(sourceByFingerprint.get(c.device().fingerprint())));
        assertThat(connected.stream().map(c -> c.device().fingerprint()).distinct()).hasSize(DEVICES);
        assertThat(host.callHomes()).allSatisfy(ch -> assertThat(ch.state()).isInstanceOf(CallHome.Connected.class));
        for (int i = 0; i < DEVICES; i += 37) {
            CallHomeEvent.Connected c = connected.get(i);
            assertThat(new NetconfClient(c.session()).get().data().getTextContent())
                    .isEqualTo(nameByFingerprint.get(c.device().fingerprint()));
        }
        // both ends hold 300 sessions each on virtual threads: a handful of carrier threads at most, not one each
        assertThat(platformThreads() - platformBefore).isLessThan(DEVICES / 10);
    }

    private static int platformThreads() {
        return Thread.getAllStackTraces().size(); // virtual threads are not listed
    }
}
