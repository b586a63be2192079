package dev.homeport.netconf.server;

import dev.homeport.netconf.framing.FrameDecoder;
import dev.homeport.netconf.framing.FrameEncoder;
import dev.homeport.netconf.framing.Framing;
import dev.homeport.netconf.framing.FramingException;
import dev.homeport.netconf.message.Capabilities;
import dev.homeport.netconf.message.Capability;
import dev.homeport.netconf.message.Hello;
import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.session.EngineThreads;
import dev.homeport.netconf.session.MessageTrace;
import dev.homeport.netconf.session.SerialExecutor;
import dev.homeport.netconf.transport.NetconfTransport;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.SafeXml;
import dev.homeport.netconf.xml.XmlFragment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * The server side of a NETCONF session (RFC 6241), over any {@link NetconfTransport}: sends the hello with a
 * session-id, waits for the client's, negotiates framing, and hands each RPC to an {@link RpcHandler} in order.
 * Malformed RPCs get rpc-errors, never a crash; broken framing closes this session only.
 */
public final class ServerSession {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSession.class);

    private final NetconfTransport transport;
    private final long sessionId;
    private final List<String> capabilities;
    private final RpcHandler handler;
    private final ServerOptions options;
    private final FrameDecoder decoder;
    private final SerialExecutor inbound = new SerialExecutor(EngineThreads.workers());
    private final Object writeLock = new Object();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final AtomicBoolean helloReceived = new AtomicBoolean();
    private final boolean serverOffers11;
    private volatile Capabilities clientCapabilities;
    private volatile Framing outFraming = Framing.END_OF_MESSAGE;
    private volatile ScheduledFuture<?> helloTimer;
    private volatile Object attachment;

    public ServerSession(NetconfTransport transport, long sessionId, List<String> capabilities, RpcHandler handler,
                         ServerOptions options) {
        this.transport = transport;
        this.sessionId = sessionId;
        this.capabilities = List.copyOf(capabilities);
        this.handler = handler;
        this.options = options;
        this.decoder = new FrameDecoder(options.maxMessageSize(), this::onMessage);
        // an oversize request is read to its end and answered, not a reason to drop the session
        this.decoder.onOversize(prefix -> inbound.execute(() -> tooBig(prefix)));
        this.serverOffers11 = capabilities.contains(Capability.BASE_1_1);
    }

    /** Sends the hello and starts reading. Returns at once; the client's hello is awaited asynchronously. */
    public void start() {
        // The hello goes out before reading starts: a fast client hello must not switch framing under it.
        try {
            write(Hello.toXml(capabilities, OptionalLong.of(sessionId)));
        } catch (IOException e) {
            close("cannot send hello: " + e.getMessage());
            return;
        }
        helloTimer = EngineThreads.timer().schedule(() -> {
            if (!helloReceived.get()) {
                close("no hello from " + transport.peer() + " within " + options.helloTimeout().toSeconds() + " s");
            }
        }, options.helloTimeout().toMillis(), TimeUnit.MILLISECONDS);
        transport.start(new NetconfTransport.Receiver() {
            @Override
            public void onBytes(ByteBuffer data) {
                try {
                    decoder.decode(data);
                } catch (FramingException e) {
                    inbound.execute(() -> close("framing error from " + transport.peer() + ": " + e.getMessage()));
                }
            }

            @Override
            public void onClosed(Throwable cause) {
                inbound.execute(() -> close(cause == null ? "client closed the connection"
                        : "connection lost: " + cause.getMessage()));
            }
        });
    }

    /** Runs on the transport's I/O thread inside the decoder. */
    private void onMessage(byte[] bytes) {
        if (!helloReceived.get()) {
            trace(MessageTrace.Direction.IN, bytes);
            try {
                Hello hello = Hello.parse(SafeXml.parse(bytes, options.xmlLimits()).getDocumentElement());
                if (hello.sessionId().isPresent()) {
                    throw new dev.homeport.netconf.ProtocolException("a client hello must not contain a session-id");
                }
                clientCapabilities = hello.capabilities();
                if (serverOffers11 && hello.capabilities().base11()) {
                    decoder.setFraming(Framing.CHUNKED);
                    outFraming = Framing.CHUNKED;
                } else if (!hello.capabilities().has(Capability.BASE_1_0)) {
                    throw new dev.homeport.netconf.ProtocolException("no common base capability");
                }
                helloReceived.set(true);
                ScheduledFuture<?> t = helloTimer;
                if (t != null) {
                    t.cancel(false);
                }
                inbound.execute(this::started);
            } catch (MalformedXmlException | dev.homeport.netconf.ProtocolException e) {
                // RFC 6241 section 8.1: a session without a valid hello is closed
                inbound.execute(() -> close("bad hello from " + transport.peer() + ": " + e.getMessage()));
            }
            return;
        }
        inbound.execute(() -> dispatch(bytes));
    }

    private void started() {
        if (closed.isDone()) {
            return;
        }
        try {
            handler.sessionStarted(this);
        } catch (RuntimeException e) {
            LOG.warn("session start handling failed on session {}", sessionId, e);
        }
    }

    private static final java.util.regex.Pattern MESSAGE_ID =
            java.util.regex.Pattern.compile("<(?:\\w+:)?rpc\\b[^>]*?\\smessage-id\\s*=\\s*([\"'])([^\"'<>&]*)\\1");

    /** An RPC longer than the maximum was skipped; answer it, by its message-id when its start shows one. */
    private void tooBig(byte[] prefix) {
        if (closed.isDone()) {
            return;
        }
        trace(MessageTrace.Direction.IN, prefix);
        RpcError error = RpcError.of("rpc", "too-big", "the request is larger than the " + options.maxMessageSize()
                + " bytes this server accepts");
        var m = MESSAGE_ID.matcher(new String(prefix, StandardCharsets.UTF_8));
        if (m.find()) {
            reply(new RpcRequest(m.group(2), Map.of("message-id", m.group(2)), null), List.of(error));
        } else {
            send("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rpc-reply xmlns=\"" + Namespaces.BASE + "\">"
                    + error.toXml().toXml() + "</rpc-reply>");
        }
        notifyRejected(error);
    }

    private void notifyRejected(RpcError error) {
        try {
            handler.rejected(this, error);
        } catch (RuntimeException e) {
            LOG.warn("rejection handling failed on session {}", sessionId, e);
        }
    }

    private void dispatch(byte[] bytes) {
        if (closed.isDone()) {
            return;
        }
        trace(MessageTrace.Direction.IN, bytes);
        Element root;
        try {
            root = SafeXml.parse(bytes, options.xmlLimits()).getDocumentElement();
        } catch (MalformedXmlException e) {
            replyWithoutId(RpcError.of("rpc", "malformed-message", e.getMessage()));
            return;
        }
        if (!Dom.is(root, Namespaces.BASE, "rpc")) {
            replyWithoutId(RpcError.of("protocol", "unknown-element", "expected <rpc> in " + Namespaces.BASE
                    + ", got <" + root.getLocalName() + ">").withInfo("bad-element", root.getLocalName()));
            return;
        }
        Map<String, String> attrs = attributes(root);
        String id = root.getAttribute("message-id");
        if (id.isEmpty()) {
            replyWithoutId(RpcError.of("rpc", "missing-attribute", "rpc without message-id")
                    .withInfo("bad-attribute", "message-id").withInfo("bad-element", "rpc"));
            return;
        }
        List<Element> ops = Dom.children(root);
        if (ops.size() != 1) {
            RpcError error = RpcError.of("rpc", ops.isEmpty() ? "missing-element" : "unknown-element",
                    "an rpc must contain exactly one operation, found " + ops.size()).withInfo("bad-element", "rpc");
            reply(new RpcRequest(id, attrs, root), List.of(error));
            notifyRejected(error);
            return;
        }
        RpcRequest req = new RpcRequest(id, attrs, ops.get(0));
        try {
            handler.handle(this, req);
        } catch (RuntimeException e) {
            LOG.warn("RPC handler failed for <{}> on session {}", req.name(), sessionId, e);
            reply(req, List.of(RpcError.of("application", "operation-failed", "internal error: " + e)));
        }
    }

    private static Map<String, String> attributes(Element e) {
        Map<String, String> m = new LinkedHashMap<>();
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            m.put(a.getName(), a.getValue());
        }
        return m;
    }

    // ---------------------------------------------------------------- replies

    /** Replies with {@code <ok/>}. */
    public void replyOk(RpcRequest req) {
        reply(req, "<ok/>");
    }

    /** Replies with the given content of rpc-reply (data, output elements, or ok). */
    public void reply(RpcRequest req, String body) {
        StringBuilder sb = new StringBuilder(body.length() + 200);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rpc-reply");
        boolean hasNs = false;
        for (Map.Entry<String, String> a : req.attributes().entrySet()) {
            if (a.getKey().equals("xmlns")) {
                hasNs = true;
            }
            sb.append(' ').append(a.getKey()).append("=\"");
            XmlFragment.escape(sb, a.getValue(), true);
            sb.append('"');
        }
        if (!hasNs) {
            sb.append(" xmlns=\"").append(Namespaces.BASE).append('"');
        }
        sb.append('>').append(body).append("</rpc-reply>");
        send(sb.toString());
    }

    /** Replies with rpc-errors. */
    public void reply(RpcRequest req, List<RpcError> errors) {
        StringBuilder sb = new StringBuilder();
        for (RpcError e : errors) {
            sb.append(e.toXml().toXml());
        }
        reply(req, sb.toString());
    }

    private void replyWithoutId(RpcError error) {
        send("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rpc-reply xmlns=\"" + Namespaces.BASE + "\">"
                + error.toXml().toXml() + "</rpc-reply>");
        notifyRejected(error);
    }

    /** Sends a notification (RFC 5277): {@code eventTime} in RFC 3339, {@code contentXml} the event element. */
    public void notify(String eventTime, String contentXml) {
        send("<?xml version=\"1.0\" encoding=\"UTF-8\"?><notification xmlns=\"" + Namespaces.NOTIFICATION
                + "\"><eventTime>" + eventTime + "</eventTime>" + contentXml + "</notification>");
    }

    private void send(String xml) {
        if (closed.isDone()) {
            return;
        }
        try {
            write(xml);
        } catch (IOException e) {
            inbound.execute(() -> close("cannot write to " + transport.peer() + ": " + e.getMessage()));
        }
    }

    private void write(String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        trace(MessageTrace.Direction.OUT, bytes);
        synchronized (writeLock) {
            transport.send(FrameEncoder.encode(outFraming, bytes));
        }
    }

    private void trace(MessageTrace.Direction dir, byte[] bytes) {
        MessageTrace t = options.trace();
        if (t != null) {
            t.message(transport.peer(), dir, MessageTrace.Redaction.redact(new String(bytes, StandardCharsets.UTF_8)));
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /** Ends the session (close-session, kill-session, errors). Idempotent. */
    public void close(String why) {
        if (!closed.complete(why)) {
            return;
        }
        ScheduledFuture<?> t = helloTimer;
        if (t != null) {
            t.cancel(false);
        }
        transport.close();
        try {
            handler.sessionClosed(this);
        } catch (RuntimeException e) {
            LOG.warn("session cleanup failed", e);
        }
    }

    public long sessionId() {
        return sessionId;
    }

    public String peer() {
        return transport.peer();
    }

    /** The client's capabilities, once its hello has arrived. */
    public Optional<Capabilities> clientCapabilities() {
        return Optional.ofNullable(clientCapabilities);
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    public CompletionStage<String> closeFuture() {
        return closed;
    }

    /** Per-session state of the application (locks held, subscriptions, user name...). */
    public Object attachment() {
        return attachment;
    }

    public void attach(Object o) {
        this.attachment = o;
    }
}
