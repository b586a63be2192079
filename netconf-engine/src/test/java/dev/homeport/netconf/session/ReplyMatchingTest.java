package dev.homeport.netconf.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.netconf.RpcTimeoutException;
import dev.homeport.netconf.message.RpcReply;
import dev.homeport.netconf.transport.NetconfTransport;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Which outstanding RPC a reply answers (unit level: the "device" is this test, behind a scripted transport). */
class ReplyMatchingTest {
    private static final String NS = "urn:ietf:params:xml:ns:netconf:base:1.0";

    /** Sends the server's hello (base:1.0, end-of-message framing) when started; then delivers what the test says. */
    private static final class ScriptedTransport implements NetconfTransport {
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile Receiver receiver;

        @Override
        public void start(Receiver r) {
            receiver = r;
            deliver("<hello xmlns=\"" + NS + "\"><capabilities><capability>urn:ietf:params:netconf:base:1.0"
                    + "</capability></capabilities><session-id>7</session-id></hello>");
        }

        void deliver(String xml) {
            receiver.onBytes(ByteBuffer.wrap((xml + "]]>]]>").getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void send(byte[] bytes) {
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true) && receiver != null) {
                receiver.onClosed(null);
            }
        }

        @Override
        public String peer() {
            return "scripted:830";
        }

        @Override
        public String peerIdentity() {
            return "";
        }
    }

    private static String reply(String messageId) {
        return "<rpc-reply xmlns=\"" + NS + "\"" + (messageId == null ? "" : " message-id=\"" + messageId + "\"")
                + "><ok/></rpc-reply>";
    }

    @Test
    void aLateReplyToATimedOutRpcIsNotTakenForTheAnswerToTheNextOne() throws Exception {
        ScriptedTransport device = new ScriptedTransport();
        try (NetconfSession session = NetconfSession.open(device, SessionOptions.defaults())) {
            CompletableFuture<RpcReply> first = session.rpcAsync("<get/>", Duration.ofMillis(100));
            assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(RpcTimeoutException.class);
            CompletableFuture<RpcReply> second = session.rpcAsync("<get-config><source><running/></source>"
                    + "</get-config>", Duration.ofSeconds(10));
            device.deliver(reply("1")); // the device answers the first RPC at last: nobody waits for it any more
            assertThat(second).isNotDone();
            device.deliver(reply("2"));
            assertThat(second.get(5, TimeUnit.SECONDS).messageId()).contains("2");

            // a reply without message-id (some devices answer an unparsable RPC so) goes to the oldest RPC
            CompletableFuture<RpcReply> third = session.rpcAsync("<get/>", Duration.ofSeconds(10));
            device.deliver(reply(null));
            assertThat(third.get(5, TimeUnit.SECONDS).messageId()).isEmpty();
            session.abort();
        }
    }
}
