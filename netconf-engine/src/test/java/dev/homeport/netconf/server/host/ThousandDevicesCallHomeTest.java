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
import dev.homeport.netconf.testing.CallHomeEvents;
import dev.homeport.netconf.testing.MinimalEndpoint;
import dev.homeport.netconf.testing.ResourceCensus;
import dev.homeport.netconf.transport.ssh.HostKeys;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A thousand simulated devices in one host call one engine call-home listener, each from its own 127.101.x.y with
 * its own Ed25519 key, and all get a NETCONF session; the host's threads do not grow with the number of devices.
 * Slower than the other tests (about 20 s of key exchanges on two cores); speed is measured by the scripted
 * benchmark ({@code benchmarks/callhome-scale.sh}), not here.
 */
class ThousandDevicesCallHomeTest {
    static final int DEVICES = 1000;
    static final int IO_THREADS = 2;

    private SshDeviceHost host;
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
    void aThousandDevicesCallingAtOnceAllReachConnectedOnBoundedThreads() throws Exception {
        SshAuth admin = SshAuth.password("admin", "admin");
        manager = new CallHomeServer(CallHomeSettings.defaults().withSsh(new InetSocketAddress("127.0.0.1", 0))
                .withMaxSessions(2 * DEVICES),
                new CallHomeTrust(KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_ALL)), CredentialsProvider.same(admin));
        CallHomeEvents events = new CallHomeEvents(Duration.ofSeconds(60));
        manager.addListener(events);
        manager.start();
        // The key exchange a production engine negotiates: the test class path has Bouncy Castle (for certificate
        // tests), with which MINA prefers sntrup761x25519, whose key generation on the manager costs ten times more.
        host = SshDeviceHost.start(SshDeviceHost.Settings.defaults().withIoThreads(IO_THREADS)
                .withKeyExchanges(List.of("curve25519-sha256")));

        Map<String, String> sourceByFingerprint = new HashMap<>();
        List<MinimalEndpoint> devices = new ArrayList<>();
        CallHomePolicy policy = CallHomePolicy.persistent().withConnectTimeout(Duration.ofSeconds(120));
        for (int i = 0; i < DEVICES; i++) {
            MinimalEndpoint d = new MinimalEndpoint("dev-" + i, HostKeys.ed25519("thousand/" + i), "admin", "admin",
                    false);
            InetAddress source = InetAddress.getByName("127.101." + (i / 250) + "." + (i % 250 + 1));
            devices.add(d);
            sourceByFingerprint.put(d.fingerprint(), source.getHostAddress());
            host.callHome(d, manager.sshAddress(), source, policy);
        }

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> manager.devices().stream().filter(d -> d.state() == CallHomeDevice.State.CONNECTED)
                        .count() == DEVICES);

        List<CallHomeEvent.Connected> connected = events.of(CallHomeEvent.Connected.class);
        assertThat(connected).hasSize(DEVICES);
        assertThat(connected).allSatisfy(c -> assertThat(c.source().getAddress().getHostAddress())
                .isEqualTo(sourceByFingerprint.get(c.device().fingerprint())));
        assertThat(connected.stream().map(c -> c.device().fingerprint()).distinct()).hasSize(DEVICES);
        assertThat(host.callHomes()).allSatisfy(ch -> assertThat(ch.state()).isInstanceOf(CallHome.Connected.class));
        assertThat(devices).allSatisfy(d -> assertThat(d.accepted()).isEqualTo(1));
        for (int i = 0; i < DEVICES; i += 97) {
            CallHomeEvent.Connected c = connected.get(i);
            String name = devices.stream().filter(d -> d.fingerprint().equals(c.device().fingerprint()))
                    .findFirst().orElseThrow().name();
            assertThat(new NetconfClient(c.session()).get().data().getTextContent()).isEqualTo(name);
        }

        // the host's threads: the NIO2 workers and one timer, however many devices
        List<String> hostThreads = ResourceCensus.liveThreadNames().stream()
                .filter(n -> n.startsWith("sshd-HostServer")).toList();
        assertThat(hostThreads.stream().filter(n -> n.contains("-nio2-thread-"))).hasSizeBetween(1, IO_THREADS);
        assertThat(hostThreads.stream().filter(n -> !n.contains("-nio2-thread-"))).hasSizeLessThanOrEqualTo(1);
    }
}
