package dev.homeport.netconf.server.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.homeport.netconf.AuthenticationException;
import dev.homeport.netconf.HostKeyException;
import dev.homeport.netconf.callhome.CallHomeEvent;
import dev.homeport.netconf.callhome.CallHomeServer;
import dev.homeport.netconf.callhome.CallHomeSettings;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.callhome.CredentialsProvider;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.server.host.CallHome.Change;
import dev.homeport.netconf.server.host.CallHome.Connected;
import dev.homeport.netconf.server.host.CallHome.Connecting;
import dev.homeport.netconf.server.host.CallHome.WaitingForPeriod;
import dev.homeport.netconf.server.host.CallHome.WaitingToRetry;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.testing.CallHomeEvents;
import dev.homeport.netconf.testing.MinimalEndpoint;
import dev.homeport.netconf.testing.StallingTcpProxy;
import dev.homeport.netconf.transport.ssh.HostKeyVerifier;
import dev.homeport.netconf.transport.ssh.HostKeys;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device host against the engine's own client and call-home listener, over real SSH on loopback: listening
 * endpoints with their own host keys, call home from distinct source addresses, backoff after a manager restart,
 * periodic calls, and keep-alives that notice a manager gone silent.
 */
class SshDeviceHostTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final SshAuth ADMIN = SshAuth.password("admin", "admin");

    private SshDeviceHost host;
    private SshConnector client;
    private final List<CallHomeServer> managers = new ArrayList<>();
    private final List<Change> changes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startHost() {
        host = SshDeviceHost.start(SshDeviceHost.Settings.defaults().withIoThreads(2));
        host.addCallHomeListener(changes::add);
    }

    @AfterEach
    void stopAll() {
        host.close();
        managers.forEach(CallHomeServer::close);
        if (client != null) {
            client.close();
        }
    }

    // ---------------------------------------------------------------- listening endpoints

    @Test
    void engineClientTalksNetconfToAListeningEndpointAndIsRefusedWithAWrongPassword() throws Exception {
        MinimalEndpoint router = MinimalEndpoint.named("router-1");
        SshDeviceHost.Listener l = host.listen(router, new InetSocketAddress("127.0.0.1", 0));
        assertThat(l.address().getPort()).isPositive();
        client = new SshConnector();

        try (NetconfSession s = NetconfSession.open(client.connect("127.0.0.1", l.address().getPort(), ADMIN,
                trustOnly(router)), SessionOptions.defaults())) {
            assertThat(s.peerIdentity()).isEqualTo(router.fingerprint());
            assertThat(new NetconfClient(s).get().data().getTextContent()).isEqualTo("router-1");
            assertThat(router.sessions()).hasSize(1);
            assertThat(router.sessions().get(0).sessionId()).isEqualTo(s.sessionId());
            s.closeSession();
        }
        await().atMost(WAIT).until(() -> router.sessions().isEmpty());

        assertThatThrownBy(() -> client.connect("127.0.0.1", l.address().getPort(),
                SshAuth.password("admin", "wrong"), trustOnly(router)))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("admin");
        assertThat(router.accepted()).isEqualTo(1);
    }

    @Test
    void twoEndpointsOnTwoPortsOfOneHostPresentTheirOwnHostKeys() throws Exception {
        MinimalEndpoint a = MinimalEndpoint.named("switch-a");
        MinimalEndpoint b = MinimalEndpoint.named("switch-b");
        int portA = host.listen(a, new InetSocketAddress("127.0.0.1", 0)).address().getPort();
        int portB = host.listen(b, new InetSocketAddress("127.0.0.1", 0)).address().getPort();
        client = new SshConnector();

        Map<Integer, String> seen = new java.util.concurrent.ConcurrentHashMap<>();
        HostKeyVerifier recording = (h, port, remote, key) -> {
            seen.put(port, HostKeys.fingerprint(key));
            return HostKeyVerifier.accept();
        };
        for (int port : List.of(portA, portB)) {
            try (NetconfSession s = NetconfSession.open(client.connect("127.0.0.1", port, ADMIN, recording),
                    SessionOptions.defaults())) {
                assertThat(new NetconfClient(s).get().data().getTextContent())
                        .isEqualTo(port == portA ? "switch-a" : "switch-b");
            }
        }

        assertThat(seen).containsEntry(portA, a.fingerprint()).containsEntry(portB, b.fingerprint());
        assertThat(a.fingerprint()).isNotEqualTo(b.fingerprint());
        assertThatThrownBy(() -> client.connect("127.0.0.1", portB, ADMIN, trustOnly(a)))
                .isInstanceOf(HostKeyException.class);
    }

    @Test
    void aTakenAddressIsRefusedClearlyAndAClosedListenerAcceptsNoMore() throws Exception {
        MinimalEndpoint first = MinimalEndpoint.named("pe-1");
        SshDeviceHost.Listener l = host.listen(first, new InetSocketAddress("127.0.0.1", 0));

        assertThatThrownBy(() -> host.listen(MinimalEndpoint.named("pe-2"), l.address()))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("cannot listen for pe-2 on 127.0.0.1:" + l.address().getPort());
        client = new SshConnector();
        try (NetconfSession s = NetconfSession.open(client.connect("127.0.0.1", l.address().getPort(), ADMIN,
                trustOnly(first)), SessionOptions.defaults())) {
            assertThat(new NetconfClient(s).get().data().getTextContent()).isEqualTo("pe-1");

            l.close();

            await().atMost(WAIT).until(() -> !s.isOpen());
        }
        assertThat(host.listeners()).isEmpty();
        assertThatThrownBy(() -> client.connect("127.0.0.1", l.address().getPort(), ADMIN, trustOnly(first)))
                .hasMessageContaining("cannot connect");
    }

    // ---------------------------------------------------------------- call home

    @Test
    void devicesCallingHomeFromTheirOwnSourceAddressesAreEachIdentifiedByTheirHostKey() throws Exception {
        CallHomeServer manager = manager(0, KnownHosts.Policy.ACCEPT_NEW);
        CallHomeEvents events = events(manager);
        List<MinimalEndpoint> devices = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> MinimalEndpoint.named("cpe-" + i)).toList();
        Map<String, String> sourceOf = new java.util.HashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            InetAddress source = InetAddress.getByName("127.100.0." + (i + 1));
            host.callHome(devices.get(i), manager.sshAddress(), source, CallHomePolicy.persistent());
            sourceOf.put(devices.get(i).fingerprint(), source.getHostAddress());
        }

        await().atMost(WAIT).until(() -> events.of(CallHomeEvent.Connected.class).size() == 5);
        for (CallHomeEvent.Connected c : events.of(CallHomeEvent.Connected.class)) {
            String fp = c.device().fingerprint();
            assertThat(sourceOf).containsKey(fp);
            assertThat(c.source().getAddress().getHostAddress()).isEqualTo(sourceOf.get(fp));
            MinimalEndpoint device = devices.stream().filter(d -> d.fingerprint().equals(fp)).findFirst().orElseThrow();
            assertThat(new NetconfClient(c.session()).get().data().getTextContent()).isEqualTo(device.name());
        }
        assertThat(host.callHomes()).hasSize(5).allSatisfy(ch -> {
            assertThat(ch.state()).isInstanceOf(Connected.class);
            assertThat(((Connected) ch.state()).local().getAddress()).isEqualTo(ch.source());
        });
    }

    @Test
    void persistentCallHomeBacksOffWhileTheManagerIsDownAndReconnectsWhenItIsBack() throws Exception {
        CallHomeServer first = manager(0, KnownHosts.Policy.ACCEPT_ALL);
        int port = first.sshAddress().getPort();
        MinimalEndpoint device = MinimalEndpoint.named("olt-1");
        CallHomePolicy policy = CallHomePolicy.persistent()
                .withBackoff(new CallHomePolicy.Backoff(Duration.ofMillis(100), Duration.ofMillis(800), 2, 0));
        CallHome ch = host.callHome(device, first.sshAddress(), InetAddress.getByName("127.100.1.1"), policy);
        awaitState(ch, Connected.class::isInstance);

        first.close();
        // 1 drop, then refused attempts: 100, 200, 400, 800 (cap), 800, 800 ms
        await().atMost(WAIT).until(() -> retries(ch).size() >= 6);
        List<WaitingToRetry> waits = retries(ch).subList(0, 6);
        assertThat(waits).extracting(w -> w.delay().toMillis()).containsExactly(100L, 200L, 400L, 800L, 800L, 800L);
        assertThat(waits).extracting(WaitingToRetry::failures).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(waits.get(1).lastFailure()).contains("cannot connect from 127.100.1.1");
        // the observed spacing between attempts is at least the planned delay
        List<Instant> attempts = states(ch).stream().filter(Connecting.class::isInstance)
                .map(s -> ((Connecting) s).since()).toList();
        for (int i = 1; i < 6; i++) {
            Duration spacing = Duration.between(waits.get(i - 1).nextAttempt().minus(waits.get(i - 1).delay()),
                    attempts.get(i));
            assertThat(spacing).as("wait %d", i).isGreaterThanOrEqualTo(waits.get(i - 1).delay().minusMillis(2));
        }

        CallHomeServer second = manager(port, KnownHosts.Policy.ACCEPT_ALL);
        CallHomeEvents events = events(second);
        CallHomeEvent.Connected back = events.await(CallHomeEvent.Connected.class, e -> true);
        assertThat(back.device().fingerprint()).isEqualTo(device.fingerprint());
        awaitState(ch, Connected.class::isInstance);
        assertThat(ch.connections()).isEqualTo(2);
        assertThat(new NetconfClient(back.session()).get().data().getTextContent()).isEqualTo("olt-1");
    }

    @Test
    void periodicCallHomeHangsUpWhenIdleStaysWhileBusyAndCallsAgainEachPeriod() throws Exception {
        CallHomeServer manager = manager(0, KnownHosts.Policy.ACCEPT_ALL);
        CallHomeEvents events = events(manager);
        MinimalEndpoint device = MinimalEndpoint.named("meter-1");
        Duration period = Duration.ofSeconds(3);
        Duration idle = Duration.ofMillis(500);
        Instant anchor = Instant.now();
        CallHomePolicy policy = CallHomePolicy.periodic(period, idle)
                .withConnection(new CallHomePolicy.Periodic(period, Optional.of(anchor), idle, 3));
        CallHome ch = host.callHome(device, manager.sshAddress(), InetAddress.getByName("127.100.2.1"), policy);

        // first period: connected, nothing to say, hung up after the idle timeout
        events.await(CallHomeEvent.Connected.class, e -> true);
        WaitingForPeriod between = (WaitingForPeriod) awaitState(ch, WaitingForPeriod.class::isInstance);
        assertThat(between.lastOutcome()).contains("idle");
        assertThat(between.nextAttempt()).isEqualTo(anchor.plus(period));
        assertThat(Instant.now()).isBefore(anchor.plus(period));

        // second period: the manager keeps asking for 2 s (four idle timeouts), and the connection stays
        await().atMost(WAIT).until(() -> events.of(CallHomeEvent.Connected.class).size() == 2);
        Instant secondAt = Instant.now();
        assertThat(secondAt).isAfterOrEqualTo(anchor.plus(period));
        NetconfSession s = events.of(CallHomeEvent.Connected.class).get(1).session();
        NetconfClient nc = new NetconfClient(s);
        while (Duration.between(secondAt, Instant.now()).compareTo(Duration.ofSeconds(2)) < 0) {
            assertThat(nc.get().data().getTextContent()).isEqualTo("meter-1");
            assertThat(ch.state()).isInstanceOf(Connected.class);
            Thread.sleep(100);
        }
        // and when the manager goes quiet the device hangs up again and waits for the third period
        WaitingForPeriod third = (WaitingForPeriod) awaitState(ch, st -> st instanceof WaitingForPeriod w
                && w.nextAttempt().equals(anchor.plus(period.multipliedBy(2))));
        assertThat(third.lastOutcome()).contains("idle");
        assertThat(ch.connections()).isEqualTo(2);
        ch.stop();
    }

    @Test
    void keepAlivesNoticeAManagerThatWentSilentAndTheDeviceCallsAgain() throws Exception {
        CallHomeServer manager = manager(0, KnownHosts.Policy.ACCEPT_ALL);
        CallHomeEvents events = events(manager);
        try (StallingTcpProxy proxy = new StallingTcpProxy(manager.sshAddress())) {
            MinimalEndpoint device = MinimalEndpoint.named("ap-1");
            CallHomePolicy policy = CallHomePolicy.persistent()
                    .withKeepAlive(new KeepAlive(Duration.ofMillis(200), 2))
                    .withBackoff(new CallHomePolicy.Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2, 0));
            CallHome ch = host.callHome(device, proxy.address(), InetAddress.getByName("127.100.3.1"), policy);
            events.await(CallHomeEvent.Connected.class, e -> true);

            // a live manager answers: many keep-alive intervals pass without a reconnect
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                    .until(() -> ch.state() instanceof Connected && ch.connections() == 1);

            proxy.stallExisting();
            WaitingToRetry dropped = (WaitingToRetry) awaitState(ch, WaitingToRetry.class::isInstance);
            assertThat(dropped.lastFailure()).contains("did not answer 2 SSH keep-alives");
            await().atMost(WAIT).until(() -> events.of(CallHomeEvent.Connected.class).size() == 2);
            awaitState(ch, st -> st instanceof Connected && ch.connections() == 2);
            assertThat(proxy.connections()).isEqualTo(2);
            NetconfSession again = events.of(CallHomeEvent.Connected.class).get(1).session();
            assertThat(new NetconfClient(again).get().data().getTextContent()).isEqualTo("ap-1");
        }
    }

    @Test
    void stoppingACallHomeHangsUpAndCallsNoMore() throws Exception {
        CallHomeServer manager = manager(0, KnownHosts.Policy.ACCEPT_ALL);
        CallHomeEvents events = events(manager);
        CallHome ch = host.callHome(MinimalEndpoint.named("cam-1"), manager.sshAddress(),
                InetAddress.getByName("127.100.4.1"), CallHomePolicy.persistent()
                        .withBackoff(new CallHomePolicy.Backoff(Duration.ofMillis(50), Duration.ofMillis(50), 1, 0)));
        events.await(CallHomeEvent.Connected.class, e -> true);

        ch.stop();

        events.await(CallHomeEvent.Disconnected.class, e -> true);
        assertThat(ch.state()).isEqualTo(new CallHome.Stopped("stopped"));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> events.of(CallHomeEvent.Connected.class).size() == 1 && ch.attempts() == 1);
    }

    @Test
    void aSourceAddressTheMachineDoesNotHaveGivesAClearFailureAndTheCallHomeKeepsTrying() throws Exception {
        CallHomeServer manager = manager(0, KnownHosts.Policy.ACCEPT_ALL);
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never a local address
        CallHome ch = host.callHome(MinimalEndpoint.named("bad-source"), manager.sshAddress(),
                InetAddress.getByName("192.0.2.1"), CallHomePolicy.persistent()
                        .withBackoff(new CallHomePolicy.Backoff(Duration.ofMillis(50), Duration.ofMillis(100), 2, 0)));

        await().atMost(WAIT).until(() -> retries(ch).size() >= 3);
        assertThat(retries(ch)).allSatisfy(w -> assertThat(w.lastFailure()).startsWith("cannot connect from 192.0.2.1"));
        assertThat(ch.connections()).isZero();
        // the host carries on: another device calls the same manager
        CallHomeEvents events = events(manager);
        host.callHome(MinimalEndpoint.named("good-source"), manager.sshAddress(), InetAddress.getByName("127.100.5.1"),
                CallHomePolicy.persistent());
        assertThat(events.await(CallHomeEvent.Connected.class, e -> true).device().fingerprint())
                .isEqualTo(MinimalEndpoint.named("good-source").fingerprint());
    }

    // ---------------------------------------------------------------- helpers

    private CallHomeServer manager(int port, KnownHosts.Policy trust) throws Exception {
        CallHomeSettings settings = CallHomeSettings.defaults().withSsh(new InetSocketAddress("127.0.0.1", port));
        CallHomeServer m = new CallHomeServer(settings, new CallHomeTrust(KnownHosts.inMemory(trust)),
                CredentialsProvider.same(ADMIN));
        m.start();
        managers.add(m);
        return m;
    }

    private static CallHomeEvents events(CallHomeServer manager) {
        CallHomeEvents e = new CallHomeEvents(WAIT);
        manager.addListener(e);
        return e;
    }

    private static HostKeyVerifier trustOnly(MinimalEndpoint device) {
        return (h, port, remote, key) -> HostKeys.fingerprint(key).equals(device.fingerprint())
                ? HostKeyVerifier.accept() : HostKeyVerifier.reject("not " + device.name() + "'s key");
    }

    private List<CallHome.State> states(CallHome ch) {
        return changes.stream().filter(c -> c.callHome() == ch).map(Change::current).toList();
    }

    private List<WaitingToRetry> retries(CallHome ch) {
        return states(ch).stream().filter(WaitingToRetry.class::isInstance).map(WaitingToRetry.class::cast)
                .collect(Collectors.toList());
    }

    /** Waits for a state reported after the changes seen so far... or already current. */
    private CallHome.State awaitState(CallHome ch, Predicate<CallHome.State> wanted) {
        AtomicReference<CallHome.State> found = new AtomicReference<>();
        int seen = states(ch).size();
        await().atMost(WAIT).until(() -> {
            List<CallHome.State> all = states(ch);
            for (int i = Math.max(0, seen - 1); i < all.size(); i++) {
                if (wanted.test(all.get(i))) {
                    found.set(all.get(i));
                    return true;
                }
            }
            return false;
        });
        return found.get();
    }
}
