package dev.homeport.netconf.testing;

import dev.homeport.netconf.testing.ScriptedSshDevice.ClientRpc;
import dev.homeport.netconf.testing.ScriptedSshDevice.Conversation;
import dev.homeport.netconf.xml.Dom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * A {@link ScriptedSshDevice} script for a device that works: a hello with the given capabilities, then every RPC
 * answered with what {@code handler} returns for its operation element (a reply body such as {@code <data>...</data>}
 * or {@link #rpcError}). Each reply goes out on its own thread after {@code replyDelay}, so several RPCs can be
 * outstanding at once; the script records what it received and the most RPCs it held at the same time.
 */
public final class AnsweringScript implements ScriptedSshDevice.Script {
    private final List<String> capabilities;
    private final Duration replyDelay;
    private final Function<Element, String> handler;
    private final List<Element> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicInteger maxOutstanding = new AtomicInteger();

    public AnsweringScript(List<String> capabilities, Duration replyDelay, Function<Element, String> handler) {
        this.capabilities = List.copyOf(capabilities);
        this.replyDelay = replyDelay;
        this.handler = handler;
    }

    /** An rpc-error reply body. */
    public static String rpcError(String tag, String message) {
        return "<rpc-error><error-type>application</error-type><error-tag>" + tag + "</error-tag>"
                + "<error-severity>error</error-severity><error-message>" + message + "</error-message></rpc-error>";
    }

    /** Every operation element received, in order (close-session excluded). */
    public List<Element> received() {
        return received;
    }

    public List<String> receivedOperations() {
        return received.stream().map(Element::getLocalName).toList();
    }

    /** The most RPCs that waited for their reply at the same time. */
    public int maxOutstanding() {
        return maxOutstanding.get();
    }

    @Override
    public void run(Conversation c) throws Exception {
        c.hello(capabilities);
        while (true) {
            ClientRpc rpc = c.nextRpc();
            if (rpc.operation().equals("close-session")) {
                c.reply(rpc, "<ok/>");
                return;
            }
            Element op = Dom.children(rpc.root()).get(0);
            received.add(op);
            maxOutstanding.accumulateAndGet(outstanding.incrementAndGet(), Math::max);
            Thread.ofVirtual().start(() -> {
                String body;
                try {
                    Thread.sleep(replyDelay);
                    body = handler.apply(op);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    body = rpcError("operation-failed", "scripted handler failed: " + e);
                }
                outstanding.decrementAndGet();
                try {
                    c.reply(rpc, body);
                } catch (java.io.IOException e) {
                    // the client has gone; nothing to answer
                }
            });
        }
    }
}
