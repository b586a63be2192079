package dev.homeport.netconf.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.homeport.netconf.SessionClosedException;
import dev.homeport.netconf.callhome.CallHomeEvent;
import dev.homeport.netconf.callhome.CallHomeServer;
import dev.homeport.netconf.callhome.CallHomeSettings;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.callhome.CredentialsProvider;
import dev.homeport.netconf.message.RpcReply;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.session.CloseReason;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.testing.BlackHoleProxy;
import dev.homeport.netconf.testing.YumaDevice;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.transport.ssh.SshSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SSH keep-alives and the idle timeout against the real yuma123 device (OpenSSH answers the keep-alives): a healthy
 * quiet session stays up; a device behind a path that turns into a black hole (a relay that stops forwarding but
 * closes nothing) is detected by unanswered keep-alives within interval x (maxMissed + 1) and the session ends with
 * a message that says so; an idle session is closed after the idle timeout although keep-alives keep flowing.
 */
class YumaKeepAliveAndIdleTest {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final int MAX_MISSED = 3;
    /** Scheduling on a loaded 2-core machine: the timer, MINA's I/O threads and the session's worker. */
    private static final Duration SLACK = Duration.ofSeconds(2);

    static YumaDevice device;

    @BeforeAll
    static void start() {
        device = YumaDevice.start();
    }

    @AfterAll
    static void stop() {
        device.close();
    }

    private static NetconfClient open(SshConnector ssh, String host, int port) throws Exception {
        var t = ssh.connect(host, port, SshAuth.password(device.user(), device.password()),
                KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_NEW));
        return new NetconfClient(NetconfSession.open(t, SessionOptions.defaults()));
    }

    private static CloseReason awaitClose(NetconfSession s, Duration within) throws Exception {
        return s.closeFuture().toCompletableFuture().get(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void keepAlivesToALiveDeviceAreAnsweredAndTheQuietSessionStaysOpen() throws Exception {
        try (SshConnector ssh = new SshConnector(SshSettings.defaults().withKeepAlive(INTERVAL, MAX_MISSED));
             NetconfClient c = open(ssh, device.host(), device.port())) {
            // twice as long as a dead device would take to be detected: OpenSSH answered every keep-alive
            Thread.sleep(INTERVAL.multipliedBy(2L * (MAX_MISSED + 1)).toMillis());
            assertThat(c.session().isOpen()).isTrue();
            assertThat(c.getConfig(Datastore.RUNNING).data().getLocalName()).isEqualTo("data");
        }
    }

    @Test
    void aBlackHoledDeviceIsDetectedByKeepAlivesAndTheOutstandingRpcSaysWhy() throws Exception {
        try (BlackHoleProxy path = new BlackHoleProxy(device.host(), device.port());
             SshConnector ssh = new SshConnector(SshSettings.defaults().withKeepAlive(INTERVAL, MAX_MISSED));
             NetconfClient c = open(ssh, path.host(), path.port())) {
            assertThat(c.getConfig(Datastore.RUNNING).data()).isNotNull(); // works through the relay

            path.freeze();
            long frozenAt = System.nanoTime();
            CompletableFuture<RpcReply> rpc = c.session().rpcAsync("<get-config><source><running/></source>"
                    + "</get-config>", Duration.ofMinutes(5));
            CloseReason reason = awaitClose(c.session(), Duration.ofSeconds(60));
            Duration detected = Duration.ofNanos(System.nanoTime() - frozenAt);

            String expected = "no reply from " + path.host() + ":" + path.port() + " to " + MAX_MISSED
                    + " SSH keep-alives sent every 1 s: the device or the network path to it is down";
            assertThat(reason.description()).contains(expected);
            assertThat(reason.orderly()).isFalse();
            // at least MAX_MISSED - 1 intervals (a keep-alive may have been on its way when the path froze), at most
            // MAX_MISSED + 1 (the check runs when the next keep-alive is due) plus scheduling slack
            assertThat(detected).isBetween(INTERVAL.multipliedBy(MAX_MISSED - 1),
                    INTERVAL.multipliedBy(MAX_MISSED + 1).plus(SLACK));
            Throwable failed = catchThrowable(rpc::get);
            assertThat(failed).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(SessionClosedException.class)
                    .hasMessageContaining("<get-config> to " + path.host() + ":" + path.port() + " failed")
                    .hasMessageContaining(expected)
                    .hasMessageContaining("while 1 RPC was outstanding");
        }
    }

    @Test
    void anIdleSessionIsClosedAfterTheIdleTimeoutWhileKeepAlivesFlow() throws Exception {
        Duration idle = Duration.ofSeconds(3);
        // keep-alives every 500 ms are answered all along: they must not count as activity
        SshSettings settings = SshSettings.defaults().withKeepAlive(Duration.ofMillis(500), MAX_MISSED)
                .withIdleTimeout(idle);
        try (SshConnector ssh = new SshConnector(settings);
             NetconfClient c = open(ssh, device.host(), device.port())) {
            // NETCONF traffic more often than the idle timeout keeps it open well past it
            long until = System.nanoTime() + idle.multipliedBy(2).toNanos();
            long lastRpc = 0;
            while (lastRpc < until) {
                Thread.sleep(700);
                assertThat(c.getConfig(Datastore.RUNNING).data()).isNotNull();
                lastRpc = System.nanoTime();
            }
            assertThat(c.session().isOpen()).isTrue();

            CloseReason reason = awaitClose(c.session(), Duration.ofSeconds(60));
            Duration quiet = Duration.ofNanos(System.nanoTime() - lastRpc);
            assertThat(reason.description()).isEqualTo("session with " + device.host() + ":" + device.port()
                    + " closed: no NETCONF message in either direction for 3 s (idle timeout)");
            assertThat(quiet).isBetween(idle.minusMillis(200), idle.plus(SLACK));
            Throwable after = catchThrowable(() -> c.getConfig(Datastore.RUNNING));
            assertThat(after).isInstanceOf(SessionClosedException.class).hasMessageContaining("idle timeout");
        }
    }

    /**
     * A call-home device held for the user's decision has not authenticated yet. MINA's authentication clock starts
     * with the TCP connection, so with the plain authentication timeout as its limit it dropped held devices once that
     * passed (30 s by default, while they may be held for minutes).
     */
    @Test
    void aCallHomeDeviceHeldLongerThanTheAuthTimeoutIsStillServedOnceTrusted() throws Exception {
        List<CallHomeEvent> events = new CopyOnWriteArrayList<>();
        Duration authTimeout = Duration.ofSeconds(2);
        CallHomeSettings settings = CallHomeSettings.defaults().withSsh(new InetSocketAddress("127.0.0.1", 0))
                .withPending(4, Duration.ofMinutes(1))
                .withSshSettings(SshSettings.defaults().withAuthTimeout(authTimeout));
        try (CallHomeServer server = new CallHomeServer(settings, CallHomeTrust.inMemory(),
                CredentialsProvider.same(SshAuth.password(device.user(), device.password())))) {
            server.addListener(events::add);
            server.start();
            var dev = device.callHome("127.0.0.1", server.sshAddress().getPort(), 1, 1).get(0);
            await().atMost(Duration.ofSeconds(60)).until(() -> events.stream()
                    .anyMatch(e -> e instanceof CallHomeEvent.Pending));
            // held for three times the authentication timeout
            Thread.sleep(authTimeout.multipliedBy(3).toMillis());
            assertThat(events).noneMatch(e -> e instanceof CallHomeEvent.Refused);
            server.trust(dev.fingerprint());
            await().atMost(Duration.ofSeconds(60)).until(() -> events.stream()
                    .anyMatch(e -> e instanceof CallHomeEvent.Connected));
            var connected = events.stream().filter(e -> e instanceof CallHomeEvent.Connected)
                    .map(CallHomeEvent.Connected.class::cast).findFirst().orElseThrow();
            try (NetconfClient c = new NetconfClient(connected.session())) {
                assertThat(c.getConfig(Datastore.RUNNING).data()).isNotNull();
            }
        } finally {
            device.stopCallHome(1);
        }
    }
}
