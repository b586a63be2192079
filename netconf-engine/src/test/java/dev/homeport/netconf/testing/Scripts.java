package dev.homeport.netconf.testing;

import dev.homeport.netconf.testing.ScriptedSshDevice.ClientRpc;
import dev.homeport.netconf.testing.ScriptedSshDevice.Script;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Ready-made device scripts. */
public final class Scripts {
    private Scripts() {
    }

    /** A well-behaved device: answers every RPC with {@code <ok/>} and close-session by closing. */
    public static Script wellBehaved() {
        return wellBehaved(new CountDownLatch(0));
    }

    /**
     * A well-behaved device that holds its first reply until {@code release} opens: the client's first RPC stays
     * outstanding while a test does something else.
     */
    public static Script wellBehaved(CountDownLatch release) {
        return c -> {
            c.hello();
            boolean first = true;
            while (true) {
                ClientRpc rpc = c.nextRpc();
                if (first && !release.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the first reply");
                }
                first = false;
                c.reply(rpc, "<ok/>");
                if (rpc.operation().equals("close-session")) {
                    return;
                }
            }
        };
    }

    /** After the hellos, answers the first RPC with {@code raw} bytes exactly as given, then waits. */
    public static Script answerFirstRpcRaw(byte[] raw) {
        return c -> {
            c.hello();
            c.nextRpc();
            c.sendRaw(raw);
            c.stallUntilClientLeaves();
        };
    }

    /** After the hellos, answers the first RPC with {@code xml} in the negotiated framing, then waits. */
    public static Script answerFirstRpcWith(ReplyBody xml) {
        return c -> {
            c.hello();
            ClientRpc rpc = c.nextRpc();
            c.send(xml.forMessageId(rpc.messageId()));
            c.stallUntilClientLeaves();
        };
    }

    /** The reply text for a given message-id. */
    @FunctionalInterface
    public interface ReplyBody {
        String forMessageId(String messageId);
    }
}
