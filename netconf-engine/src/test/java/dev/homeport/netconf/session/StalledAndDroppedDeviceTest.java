package dev.homeport.netconf.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.homeport.netconf.RpcTimeoutException;
import dev.homeport.netconf.SessionClosedException;
import dev.homeport.netconf.message.RpcReply;
import dev.homeport.netconf.testing.DeviceSessions;
import dev.homeport.netconf.testing.ResourceCensus;
import dev.homeport.netconf.testing.ScriptedSshDevice;
import dev.homeport.netconf.testing.Scripts;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.transport.ssh.SshSettings;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A device that stalls in the middle of a reply, and one that drops TCP in the middle of a chunk. The RPC fails
 * with a message saying which; a session to a good device on the same engine keeps working; and repeating the
 * failure leaks neither threads (platform or virtual) nor sockets.
 */
class StalledAndDroppedDeviceTest {
    private static final int ROUNDS = 3;
    /** The first bytes of a reply announced as a 200-byte chunk. */
    private static final String HEADER = "\n#200\n";
    private static final String PARTIAL = HEADER + "<rpc-reply xmlns=\"urn:ietf:params:xml:ns:ne";
    private static final int PARTIAL_DATA = PARTIAL.length() - HEADER.length();

    private ScriptedSshDevice device;
    private SshConnector engine;
    private NetconfSession good;

    @BeforeEach
    void start() throws Exception {
        device = new ScriptedSshDevice()
                .on("good", Scripts.wellBehaved())
                .on("stall", c -> {
                    c.hello();
                    c.nextRpc();
                    c.sendRaw(PARTIAL);
                    c.stallUntilClientLeaves();
                })
                .on("silent", c -> {
                    c.hello();
                    c.stallUntilClientLeaves();
                })
                .on("replyThenDrop", c -> {
                    c.hello();
                    c.reply(c.nextRpc(), "<data><last>words</last></data>");
                    // The case is "the reply arrived, then the TCP connection went", so the reply is given time to
                    // arrive. Dropping at once failed once in CI: no byte of the reply reached the client's NETCONF
                    // layer, and MINA logged the client's own write still pending as the channel closed.
                    Thread.sleep(100);
                    c.dropConnection();
                })
                .on("drop", c -> {
                    c.hello();
                    c.nextRpc();
                    c.sendRaw(PARTIAL);
                    // This case is "the bytes arrived, then the TCP connection went": give them time to arrive
                    // (on a loaded CI machine the drop once overtook them)
                    Thread.sleep(300);
                    c.dropConnection();
                });
        engine = new SshConnector(SshSettings.defaults());
        good = DeviceSessions.open(engine, device, "good", options());
    }

    @AfterEach
    void stop() throws Exception {
        good.close();
        engine.close();
        device.close();
    }

    private static SessionOptions options() {
        return SessionOptions.defaults().withHelloTimeout(Duration.ofSeconds(20)).withRpcTimeout(Duration.ofSeconds(2));
    }

    @Test
    void deviceThatStallsMidReplyTimesOutAndLeaksNothing() throws Exception {
        stallRound(); // warm-up: lazily started pools (the engine timer, MINA's I/O threads) reach their size
        ResourceCensus before = awaitStableCensus();
        for (int i = 0; i < ROUNDS; i++) {
            stallRound();
        }
        assertNoLeak(before);
    }

    @Test
    void deviceThatDropsTcpMidChunkFailsTheRpcAndLeaksNothing() throws Exception {
        dropRound();
        ResourceCensus before = awaitStableCensus();
        for (int i = 0; i < ROUNDS; i++) {
            dropRound();
        }
        assertNoLeak(before);
    }

    @Test
    void replySentJustBeforeTheDropIsDelivered() throws Exception {
        // The reply arrives just before the connection goes: it must reach the caller, not be lost to the close.
        for (int i = 0; i < 10; i++) {
            NetconfSession session = DeviceSessions.open(engine, device, "replyThenDrop", options());
            RpcReply reply = session.rpc("<get/>");
            assertThat(reply.data()).isPresent();
            assertThat(reply.data().get().getTextContent()).isEqualTo("words");
            await().atMost(Duration.ofSeconds(10)).until(() -> !session.isOpen());
            assertThat(session.closeFuture().toCompletableFuture().join().description())
                    .isEqualTo("127.0.0.1:" + device.port() + " closed the connection");
        }
    }

    @Test
    void theShortestTimeoutsStillFire() throws Exception {
        // A timer that fires before the RPC is registered must not leave the RPC waiting for ever.
        try (NetconfSession silent = DeviceSessions.open(engine, device, "silent", options())) {
            for (int i = 0; i < 200; i++) {
                CompletableFuture<RpcReply> f = silent.rpcAsync("<get/>", Duration.ZERO);
                Throwable failure = catchThrowable(() -> f.get(5, TimeUnit.SECONDS));
                assertThat(failure).as("RPC %d must time out, not hang", i).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(RpcTimeoutException.class).hasMessageContaining("within 0 s");
            }
            assertThat(silent.outstandingRpcs()).isZero();
        }
    }

    @Test
    void closeSessionWithASubSecondRpcTimeoutWaitsForTheOk() throws Exception {
        NetconfSession quick = DeviceSessions.open(engine, device, "good",
                options().withRpcTimeout(Duration.ofMillis(900)));
        quick.closeSession(); // throws if <close-session> is given no time to be answered
        assertThat(quick.isOpen()).isFalse();
        assertThat(quick.closeFuture().toCompletableFuture().join().orderly()).isTrue();
    }

    private void stallRound() throws Exception {
        try (NetconfSession stalled = DeviceSessions.open(engine, device, "stall", options())) {
            CompletableFuture<RpcReply> stuck = stalled.rpcAsync("<get/>", Duration.ofSeconds(1));
            assertThat(good.rpc("<get/>").isOk()).as("the good session answers while the other stalls").isTrue();
            RpcTimeoutException e = catchThrowableOfType(RpcTimeoutException.class, () -> NetconfSession.await(stuck));
            assertThat(e).as("the stalled RPC must time out").isNotNull();
            System.out.println("stalled device -> " + e.getMessage());
            assertThat(e.getMessage()).isEqualTo("no complete reply to <get> (message-id 1) from 127.0.0.1:"
                    + device.port() + " within 1 s; " + PARTIAL_DATA + " bytes of a message arrived, then the device stalled");
        }
        assertThat(good.isOpen()).isTrue();
        assertThat(good.rpc("<get/>").isOk()).isTrue();
    }

    private void dropRound() throws Exception {
        NetconfSession dropped = DeviceSessions.open(engine, device, "drop", options());
        SessionClosedException e = catchThrowableOfType(SessionClosedException.class, () -> dropped.rpc("<get/>"));
        assertThat(e).as("the RPC must fail when the device drops the connection").isNotNull();
        System.out.println("dropping device -> " + e.getMessage());
        assertThat(e.getMessage()).isEqualTo("<get> to 127.0.0.1:" + device.port() + " failed: 127.0.0.1:"
                + device.port() + " closed the connection in the middle of a message (" + PARTIAL_DATA + " bytes of it received)"
                + " while 1 RPC was outstanding");
        assertThat(dropped.isOpen()).isFalse();
        dropped.close();
        assertThat(good.isOpen()).isTrue();
        assertThat(good.rpc("<get/>").isOk()).isTrue();
    }

    /** The census once the sessions that just ended have finished closing: two equal readings in a row. */
    private static ResourceCensus awaitStableCensus() {
        ResourceCensus[] last = {ResourceCensus.take()};
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            ResourceCensus now = ResourceCensus.take();
            boolean same = now.equals(last[0]);
            last[0] = now;
            return same;
        });
        return last[0];
    }

    private void assertNoLeak(ResourceCensus before) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ResourceCensus.take().growthSince(before))
                        .as("threads and sockets after %d more failed sessions", ROUNDS).isEmpty());
        System.out.println("census before and after " + ROUNDS + " failed sessions: " + before);
        assertThat(before.sockets()).as("the good session's client and device sockets").isGreaterThanOrEqualTo(2);
        assertThat(device.connections()).isEqualTo(1 + 1 + ROUNDS);
        assertThat(device.scriptFailures()).isEmpty();
    }
}
