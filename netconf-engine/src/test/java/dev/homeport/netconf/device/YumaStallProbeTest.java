package dev.homeport.netconf.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.netconf.RpcTimeoutException;
import dev.homeport.netconf.message.RpcReply;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.testing.YumaDevice;
import dev.homeport.netconf.transport.NetconfTransport;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * yuma123 leaves an RPC unprocessed when it arrives in the same read as the client's hello, until more input comes.
 * Under load that happens by chance; here the hello is held back and written together with the first RPC, so it
 * happens every time. The session's stall probe must get the RPC answered.
 */
class YumaStallProbeTest {
    static YumaDevice device;
    static SshConnector ssh;

    @BeforeAll
    static void start() {
        device = YumaDevice.start();
        ssh = new SshConnector();
    }

    @AfterAll
    static void stop() {
        ssh.close();
        device.close();
    }

    /** Holds back the first write (the hello) and sends it in one piece with the second (the first RPC). */
    static final class CoalescingTransport implements NetconfTransport {
        private final NetconfTransport inner;
        private byte[] held;

        CoalescingTransport(NetconfTransport inner) {
            this.inner = inner;
        }

        @Override
        public void start(Receiver receiver) {
            inner.start(receiver);
        }

        @Override
        public synchronized void send(byte[] bytes) throws IOException {
            if (held == null) {
                held = bytes;
                return;
            }
            if (held.length > 0) {
                byte[] both = new byte[held.length + bytes.length];
                System.arraycopy(held, 0, both, 0, held.length);
                System.arraycopy(bytes, 0, both, held.length, bytes.length);
                held = new byte[0];
                inner.send(both);
                return;
            }
            inner.send(bytes);
        }

        @Override
        public void close() {
            inner.close();
        }

        @Override
        public String peer() {
            return inner.peer();
        }

        @Override
        public String peerIdentity() {
            return inner.peerIdentity();
        }
    }

    private NetconfSession open(SessionOptions options) throws Exception {
        var t = ssh.connect(device.host(), device.port(), SshAuth.password(device.user(), device.password()),
                KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_NEW));
        return NetconfSession.open(new CoalescingTransport(t), options);
    }

    @Test
    void firstRpcReadTogetherWithTheHelloIsAnsweredThanksToTheProbe() throws Exception {
        try (NetconfSession s = open(SessionOptions.defaults().withRpcTimeout(Duration.ofSeconds(20))
                .withStallProbe(Duration.ofMillis(500)))) {
            RpcReply reply = s.rpc("<get-config><source><running/></source></get-config>");
            assertThat(reply.data()).isPresent();
            // the session stays usable afterwards
            assertThat(s.rpc("<get/>").data()).isPresent();
        }
    }

    @Test
    void withoutTheProbeTheSameRpcStallsUntilItsTimeout() throws Exception {
        try (NetconfSession s = open(SessionOptions.defaults().withRpcTimeout(Duration.ofSeconds(4))
                .withStallProbe(Duration.ZERO))) {
            assertThatThrownBy(() -> s.rpc("<get-config><source><running/></source></get-config>"))
                    .isInstanceOf(RpcTimeoutException.class);
        }
    }
}
