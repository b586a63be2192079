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
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.testing.CallHomeEvents;
import dev.homeport.netconf.testing.YumaDevice;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 8071 Call Home through {@link CallHomeServer} with real devices: each one is OpenSSH ({@code sshd -i}) on a
 * socket that socat opened to the server, with its own host key and its own 127.100.x.y source address, in front of
 * one yuma123 netconfd (so all devices share one datastore). A device dials exactly once, so a session that appears
 * after a held decision can only have come over the held connection.
 */
class YumaCallHomeTest {
    static final Duration WAIT = Duration.ofSeconds(60);

    static YumaDevice device;

    private CallHomeServer server;
    private final CallHomeEvents events = new CallHomeEvents(WAIT);
    /** Fingerprints of the devices the server asked credentials for. */
    private final List<String> credentialsAskedFor = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startDevice() {
        device = YumaDevice.start();
    }

    @AfterAll
    static void stopDevice() {
        device.close();
    }

    @AfterEach
    void stopServerAndDevices() {
        if (server != null) {
            server.close();
        }
        device.stopCallHome();
    }

    /** A listener on 127.0.0.1, port 0, that logs into every device with the device's credentials. */
    private CallHomeServer start(KnownHosts.Policy trust, Function<CallHomeSettings, CallHomeSettings> tune)
            throws Exception {
        return start(trust, tune, d -> Optional.of(SshAuth.password(device.user(), device.password())));
    }

    private CallHomeServer start(KnownHosts.Policy trust, Function<CallHomeSettings, CallHomeSettings> tune,
                                 CredentialsProvider credentials) throws Exception {
        CallHomeSettings settings = tune.apply(CallHomeSettings.defaults()
                .withSsh(new InetSocketAddress("127.0.0.1", 0)));
        server = new CallHomeServer(settings, new CallHomeTrust(KnownHosts.inMemory(trust)), d -> {
            credentialsAskedFor.add(d.fingerprint());
            return credentials.credentialsFor(d);
        });
        server.addListener(events);
        server.start();
        return server;
    }

    private List<YumaDevice.CallHomeDevice> callHome(int count, int firstId) {
        return device.callHome("127.0.0.1", server.sshAddress().getPort(), count, firstId);
    }

    // ---------------------------------------------------------------- many devices

    @Test
    void twentyDevicesCallingAtOnceAreEachIdentifiedByTheirHostKeyAndAnswerGetConfig() throws Exception {
        start(KnownHosts.Policy.ACCEPT_NEW, s -> s);

        List<YumaDevice.CallHomeDevice> devices = callHome(20, 1);

        Set<String> expected = devices.stream().map(YumaDevice.CallHomeDevice::fingerprint).collect(Collectors.toSet());
        assertThat(expected).hasSize(20);
        await().atMost(WAIT).until(() -> events.of(CallHomeEvent.Connected.class).size() >= 20);
        List<CallHomeEvent.Connected> connected = events.of(CallHomeEvent.Connected.class);
        assertThat(connected).hasSize(20);
        assertThat(connected).extracting(e -> e.device().fingerprint()).containsExactlyInAnyOrderElementsOf(expected);
        Map<String, String> sourceByKey = devices.stream().collect(Collectors.toMap(
                YumaDevice.CallHomeDevice::fingerprint, YumaDevice.CallHomeDevice::sourceAddress));
        for (CallHomeEvent.Connected c : connected) {
            assertThat(c.source().getAddress().getHostAddress()).isEqualTo(sourceByKey.get(c.device().fingerprint()));
            assertThat(c.session().peerIdentity()).isEqualTo(c.device().fingerprint());
        }

        // every session answers, all at once
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (CallHomeEvent.Connected c : connected) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return new NetconfClient(c.session()).getConfig(Datastore.RUNNING).data().getLocalName();
                    } catch (Exception e) {
                        throw new IllegalStateException(c.device().fingerprint() + ": " + e, e);
                    }
                }, pool));
            }
            assertThat(answers).allSatisfy(a -> assertThat(a.get()).isEqualTo("data"));
        }
        assertThat(server.devices()).hasSize(20).allMatch(d -> d.state() == CallHomeDevice.State.CONNECTED);
        assertThat(server.activeSessions()).isEqualTo(20);
    }

    // ---------------------------------------------------------------- trust

    @Test
    void deviceWhoseHostKeyChangedIsRefusedNamingBothKeysAndGetsNoCredentials() throws Exception {
        start(KnownHosts.Policy.ACCEPT_NEW, s -> s);
        YumaDevice.CallHomeDevice before = callHome(1, 31).get(0);
        events.await(CallHomeEvent.Connected.class, e -> e.device().fingerprint().equals(before.fingerprint()));
        device.stopCallHome(31);
        events.await(CallHomeEvent.Disconnected.class, e -> e.device().fingerprint().equals(before.fingerprint()));

        device.rekey(31);
        YumaDevice.CallHomeDevice after = callHome(1, 31).get(0);

        assertThat(after.sourceAddress()).isEqualTo(before.sourceAddress());
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());
        CallHomeEvent.Refused refused = events.await(CallHomeEvent.Refused.class,
                e -> e.device().map(d -> d.fingerprint().equals(after.fingerprint())).orElse(false));
        assertThat(refused.reason()).contains("HOST KEY CHANGED", before.fingerprint(), after.fingerprint());
        assertThat(refused.source().getAddress().getHostAddress()).isEqualTo(after.sourceAddress());
        assertThat(server.device(after.fingerprint()).orElseThrow().state()).isEqualTo(CallHomeDevice.State.REFUSED);
        assertThat(credentialsAskedFor).containsExactly(before.fingerprint());
        assertThat(events.of(CallHomeEvent.Connected.class)).hasSize(1);
    }

    @Test
    void unknownDeviceStaysPendingUntilTrustedThenConnectsOnTheHeldConnection() throws Exception {
        start(KnownHosts.Policy.STRICT, s -> s);
        YumaDevice.CallHomeDevice dev = callHome(1, 41).get(0);

        CallHomeEvent.Pending pending = events.await(CallHomeEvent.Pending.class,
                e -> e.device().fingerprint().equals(dev.fingerprint()));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> server.device(dev.fingerprint()).orElseThrow().state() == CallHomeDevice.State.PENDING);
        assertThat(credentialsAskedFor).isEmpty();
        assertThat(events.of(CallHomeEvent.Connected.class)).isEmpty();

        server.trust(dev.fingerprint());

        CallHomeEvent.Connected connected = events.await(CallHomeEvent.Connected.class,
                e -> e.device().fingerprint().equals(dev.fingerprint()));
        assertThat(connected.source()).isEqualTo(pending.source());
        assertThat(new NetconfClient(connected.session()).getConfig(Datastore.RUNNING).data()).isNotNull();
        assertThat(events.of(CallHomeEvent.Trusted.class)).extracting(e -> e.device().fingerprint())
                .containsExactly(dev.fingerprint());
        assertThat(credentialsAskedFor).containsExactly(dev.fingerprint());
    }

    @Test
    void rejectedDeviceIsRefusedNowAndWhenItCallsAgain() throws Exception {
        start(KnownHosts.Policy.STRICT, s -> s);
        YumaDevice.CallHomeDevice dev = callHome(1, 51).get(0);
        events.await(CallHomeEvent.Pending.class, e -> e.device().fingerprint().equals(dev.fingerprint()));

        server.reject(dev.fingerprint());

        CallHomeEvent.Refused now = events.await(CallHomeEvent.Refused.class, e -> true);
        assertThat(now.device()).map(CallHomeDevice::fingerprint).hasValue(dev.fingerprint());
        assertThat(now.reason()).contains("rejected");
        assertThat(server.device(dev.fingerprint()).orElseThrow().state()).isEqualTo(CallHomeDevice.State.REFUSED);

        device.stopCallHome(51);
        callHome(1, 51);
        await().atMost(WAIT).until(() -> events.of(CallHomeEvent.Refused.class).size() >= 2);
        CallHomeEvent.Refused again = events.of(CallHomeEvent.Refused.class).get(1);
        assertThat(again.device()).map(CallHomeDevice::fingerprint).hasValue(dev.fingerprint());
        assertThat(again.reason()).contains("rejected");
        assertThat(credentialsAskedFor).isEmpty();
        assertThat(events.of(CallHomeEvent.Connected.class)).isEmpty();
    }

    // ---------------------------------------------------------------- limits

    @Test
    void sessionCapRefusesDevicesBeyondMaxSessionsWithAClearEvent() throws Exception {
        start(KnownHosts.Policy.ACCEPT_NEW, s -> s.withMaxSessions(2));
        callHome(2, 61);
        await().atMost(WAIT).until(() -> events.of(CallHomeEvent.Connected.class).size() == 2);

        YumaDevice.CallHomeDevice third = callHome(1, 63).get(0);

        CallHomeEvent.Refused refused = events.await(CallHomeEvent.Refused.class, e -> true);
        assertThat(refused.reason()).isEqualTo("session limit of 2 reached");
        assertThat(refused.source().getAddress().getHostAddress()).isEqualTo(third.sourceAddress());
        assertThat(refused.device()).isEmpty();
        assertThat(server.device(third.fingerprint())).isEmpty();
        assertThat(server.activeSessions()).isEqualTo(2);
        assertThat(events.of(CallHomeEvent.Connected.class)).hasSize(2);
    }

    @Test
    void repeatedFailuresFromOneAddressGetItBlockedForAWhile() throws Exception {
        // two failed logins within 30 s block the address for 8 s (long enough for the harness to dial again)
        AtomicReference<String> password = new AtomicReference<>("wrong-password");
        start(KnownHosts.Policy.ACCEPT_NEW, s -> s.withBlocking(2, Duration.ofSeconds(30), Duration.ofSeconds(8)),
                d -> Optional.of(SshAuth.password(device.user(), password.get())));
        String source = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            source = callHome(1, 71).get(0).sourceAddress();
            int n = attempt;
            await().atMost(WAIT).until(() -> events.of(CallHomeEvent.Refused.class).size() == n);
            assertThat(events.of(CallHomeEvent.Refused.class).get(n - 1).reason()).contains("authentication");
            device.stopCallHome(71);
        }

        callHome(1, 71);

        await().atMost(WAIT).until(() -> events.of(CallHomeEvent.Refused.class).size() == 3);
        CallHomeEvent.Refused blocked = events.of(CallHomeEvent.Refused.class).get(2);
        assertThat(blocked.reason()).startsWith("address " + source + " is blocked until ")
                .endsWith(" after repeated failures");
        assertThat(blocked.device()).isEmpty();
        assertThat(credentialsAskedFor).hasSize(2);

        // the block is real time: once it has passed, the address is heard again
        Instant until = Instant.parse(blocked.reason().split(" ")[5]);
        await().atMost(WAIT).until(() -> Instant.now().isAfter(until));
        password.set(device.password());
        device.stopCallHome(71);
        callHome(1, 71);
        events.await(CallHomeEvent.Connected.class, e -> true);
        assertThat(credentialsAskedFor).hasSize(3);
    }

    // ---------------------------------------------------------------- calling again

    @Test
    void deviceThatCallsAgainReplacesItsEarlierSession() throws Exception {
        start(KnownHosts.Policy.ACCEPT_NEW, s -> s);
        YumaDevice.CallHomeDevice first = callHome(1, 81).get(0);
        NetconfSession earlier = events.await(CallHomeEvent.Connected.class, e -> true).session();

        // the same device (same host key) calls again from another address while its first connection is up
        device.shareCallHomeKey(81, 82);
        YumaDevice.CallHomeDevice again = callHome(1, 82).get(0);
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());

        await().atMost(WAIT).until(() -> events.of(CallHomeEvent.Connected.class).size() == 2);
        NetconfSession later = events.of(CallHomeEvent.Connected.class).get(1).session();
        List<CallHomeEvent> sequence = events.all().stream()
                .filter(e -> e instanceof CallHomeEvent.Connected || e instanceof CallHomeEvent.Disconnected)
                .toList();
        assertThat(sequence).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Connected", "Disconnected", "Connected");
        assertThat(earlier.isOpen()).isFalse();
        assertThat(later.isOpen()).isTrue();
        assertThat(new NetconfClient(later).getConfig(Datastore.RUNNING).data()).isNotNull();
        CallHomeDevice known = server.device(first.fingerprint()).orElseThrow();
        assertThat(server.devices()).hasSize(1);
        assertThat(known.state()).isEqualTo(CallHomeDevice.State.CONNECTED);
        assertThat(known.session()).containsSame(later);
        assertThat(known.lastAddress().getAddress().getHostAddress()).isEqualTo(again.sourceAddress());
    }
}
