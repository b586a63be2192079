package dev.homeport.netconf.session;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.ProtocolException;
import dev.homeport.netconf.RpcTimeoutException;
import dev.homeport.netconf.SessionClosedException;
import dev.homeport.netconf.framing.FrameDecoder;
import dev.homeport.netconf.framing.FrameEncoder;
import dev.homeport.netconf.framing.Framing;
import dev.homeport.netconf.framing.FramingException;
import dev.homeport.netconf.message.Capabilities;
import dev.homeport.netconf.message.Capability;
import dev.homeport.netconf.message.Hello;
import dev.homeport.netconf.message.Notification;
import dev.homeport.netconf.message.RpcReply;
import dev.homeport.netconf.transport.NetconfTransport;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.SafeXml;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A NETCONF client session (RFC 6241) over any {@link NetconfTransport}.
 *
 * <p>The client sends its hello at once and waits for the server's hello before anything else. Several RPCs may be
 * outstanding; replies are matched by message-id. Received bytes are framed on the transport's I/O thread and
 * parsed on a per-session serial worker, so one slow or hostile device never stalls another. A protocol violation
 * closes this session only, failing its outstanding RPCs with an error that says what was wrong.
 */
public final class NetconfSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetconfSession.class);

    private final NetconfTransport transport;
    private final SessionOptions options;
    private final FrameDecoder decoder;
    private final SerialExecutor inbound = new SerialExecutor(EngineThreads.workers());
    private final AtomicLong messageIds = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<Hello> serverHello = new CompletableFuture<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final List<Consumer<Notification>> notificationListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final boolean clientOffers11;
    private volatile Framing outFraming = Framing.END_OF_MESSAGE;
    /** Whether any byte arrived after the server's hello: a first RPC is then not stuck in the server's buffer. */
    private volatile boolean bytesAfterHello;

    private record Pending(String messageId, String operation, CompletableFuture<RpcReply> future, long sequence,
                           ScheduledFuture<?>[] timeout) {
    }

    private NetconfSession(NetconfTransport transport, SessionOptions options) {
        this.transport = transport;
        this.options = options;
        this.decoder = new FrameDecoder(options.maxMessageSize(), this::onMessage);
        this.clientOffers11 = options.capabilities().contains(Capability.BASE_1_1);
    }

    /**
     * Starts a session on a connected transport: exchanges hellos and negotiates framing. On failure the transport
     * is closed.
     */
    public static NetconfSession open(NetconfTransport transport, SessionOptions options) throws NetconfException {
        NetconfSession session = new NetconfSession(transport, options);
        session.start();
        return session;
    }

    private void start() throws NetconfException {
        transport.start(new NetconfTransport.Receiver() {
            @Override
            public void onBytes(ByteBuffer data) {
                receive(data);
            }

            @Override
            public void onClosed(Throwable cause) {
                inbound.execute(() -> transportClosed(cause));
            }
        });
        try {
            sendRaw(Hello.toXml(options.capabilities(), OptionalLong.empty()));
            Hello hello = serverHello.get(options.helloTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!hello.capabilities().has(Capability.BASE_1_0) && !hello.capabilities().has(Capability.BASE_1_1)) {
                throw new ProtocolException(transport.peer() + " advertises neither base:1.0 nor base:1.1");
            }
            if (hello.sessionId().isEmpty()) {
                throw new ProtocolException(transport.peer() + " sent a hello without session-id");
            }
            if (clientOffers11 && hello.capabilities().base11()) {
                outFraming = Framing.CHUNKED;
            }
            LOG.debug("session {} with {} open, framing {}", hello.sessionId().getAsLong(), transport.peer(), outFraming);
        } catch (TimeoutException e) {
            ProtocolException pe = new ProtocolException("no hello from " + transport.peer() + " within "
                    + seconds(options.helloTimeout()));
            fail(pe.getMessage(), pe);
            throw pe;
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof SessionClosedException && c.getCause() instanceof NetconfException why
                    && !(why instanceof SessionClosedException)) {
                c = why; // the transport said what went wrong (TLS: the server refused our certificate)
            }
            NetconfException ne = c instanceof NetconfException n ? n
                    : new ProtocolException("hello from " + transport.peer() + " failed: " + c.getMessage(), c);
            fail(ne.getMessage(), ne);
            throw ne;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for hello", null);
            throw new SessionClosedException("interrupted while waiting for the hello of " + transport.peer());
        } catch (NetconfException e) {
            fail(e.getMessage(), e);
            throw e;
        }
    }

    // ---------------------------------------------------------------- inbound

    private void receive(ByteBuffer data) {
        if (serverHello.isDone()) {
            bytesAfterHello = true;
        }
        try {
            decoder.decode(data);
        } catch (FramingException e) {
            ProtocolException pe = new ProtocolException("framing error from " + transport.peer() + ": "
                    + e.getMessage(), e);
            // Queue the reason before closing: closing queues "peer closed the connection", which must not win.
            inbound.execute(() -> fail(pe.getMessage(), pe));
            transport.close();
        }
    }

    /** Runs on the transport's I/O thread, inside the decoder. */
    private void onMessage(byte[] bytes) {
        if (!serverHello.isDone()) {
            // The hello is parsed right here: the framing of the very next byte depends on it.
            trace(MessageTrace.Direction.IN, bytes);
            try {
                Document doc = SafeXml.parse(bytes, options.xmlLimits());
                Hello hello = Hello.parse(doc.getDocumentElement());
                if (clientOffers11 && hello.capabilities().base11()) {
                    decoder.setFraming(Framing.CHUNKED);
                }
                serverHello.complete(hello);
            } catch (MalformedXmlException e) {
                serverHello.completeExceptionally(new ProtocolException("bad hello from " + transport.peer() + ": "
                        + e.getMessage(), e));
            } catch (ProtocolException e) {
                serverHello.completeExceptionally(e);
            }
            return;
        }
        bytesAfterHello = true;
        inbound.execute(() -> dispatch(bytes));
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
            ProtocolException pe = new ProtocolException(transport.peer() + " sent a message that was refused: "
                    + e.getMessage(), e);
            fail(pe.getMessage(), pe);
            return;
        }
        if (Dom.is(root, Namespaces.BASE, "rpc-reply")) {
            RpcReply reply = new RpcReply(root, bytes.length);
            // only a reply without message-id goes to the oldest RPC; a late reply to an RPC that timed out must
            // not be taken for the answer to another one
            Pending p = reply.messageId().isPresent() ? pending.remove(reply.messageId().get())
                    : removeOldestPending();
            if (p == null) {
                if (closing.get()) {
                    // the ok to close-session can race with the device closing the channel: nothing waits for it
                    LOG.debug("{}: reply with message-id {} while closing; dropped", transport.peer(),
                            reply.messageId().orElse("(none)"));
                } else {
                    LOG.warn("{}: reply with message-id {} matches no outstanding RPC; dropped", transport.peer(),
                            reply.messageId().orElse("(none)"));
                }
                return;
            }
            cancelTimer(p);
            p.future.complete(reply);
        } else if (Dom.is(root, Namespaces.NOTIFICATION, "notification")) {
            Notification n = Notification.parse(root);
            for (Consumer<Notification> l : notificationListeners) {
                try {
                    l.accept(n);
                } catch (RuntimeException e) {
                    LOG.warn("notification listener failed", e);
                }
            }
        } else if (Dom.is(root, Namespaces.BASE, "hello")) {
            ProtocolException pe = new ProtocolException(transport.peer() + " sent a second hello");
            fail(pe.getMessage(), pe);
        } else {
            LOG.warn("{}: ignoring unexpected message <{}> in {}", transport.peer(), root.getLocalName(),
                    root.getNamespaceURI());
        }
    }

    /** The timer may not be armed yet when a reply or the session's end settles an RPC that was just sent. */
    private static void cancelTimer(Pending p) {
        ScheduledFuture<?> t = p.timeout[0];
        if (t != null) {
            t.cancel(false);
        }
    }

    /** A reply without message-id (some servers do that for unparsable RPCs) answers the oldest outstanding RPC. */
    private Pending removeOldestPending() {
        Optional<Pending> oldest = pending.values().stream().min(Comparator.comparingLong(Pending::sequence));
        return oldest.map(p -> pending.remove(p.messageId)).orElse(null);
    }

    private void transportClosed(Throwable cause) {
        if (closed.isDone()) {
            return;
        }
        String what;
        if (closing.get() && cause == null) {
            what = "session closed";
        } else if (cause instanceof SessionClosedException diagnosed) {
            what = diagnosed.getMessage(); // the transport knows why: keep-alives unanswered, idle timeout...
        } else if (!decoder.isIdle()) {
            what = transport.peer() + " closed the connection in the middle of a message (" + decoder.bufferedBytes()
                    + " bytes of it received)";
        } else if (cause != null) {
            what = "connection to " + transport.peer() + " lost: " + cause.getMessage();
        } else {
            what = transport.peer() + " closed the connection";
        }
        if (!pending.isEmpty() && !(closing.get() && cause == null)) {
            what += " while " + pending.size() + (pending.size() == 1 ? " RPC was" : " RPCs were") + " outstanding";
        }
        fail(what, closing.get() && cause == null ? null : cause == null ? new SessionClosedException(what) : cause);
    }

    /** Ends the session: closes the transport, fails outstanding RPCs, tells listeners. Idempotent. */
    private void fail(String description, Throwable cause) {
        closing.set(true);
        transport.close();
        CloseReason reason = new CloseReason(description, Optional.ofNullable(cause));
        if (!closed.complete(reason)) {
            return;
        }
        if (cause != null) {
            LOG.debug("session with {} ended: {}", transport.peer(), description);
        }
        serverHello.completeExceptionally(new SessionClosedException(description, cause));
        for (Pending p : List.copyOf(pending.values())) {
            if (pending.remove(p.messageId, p)) {
                cancelTimer(p);
                p.future.completeExceptionally(new SessionClosedException("<" + p.operation + "> to "
                        + transport.peer() + " failed: " + description, cause));
            }
        }
    }

    // ---------------------------------------------------------------- outbound

    /**
     * Sends an RPC whose body is the given operation element (XML text, namespaces declared), and returns the reply
     * when it arrives. rpc-errors are in the reply, not thrown: see {@link RpcReply#hasErrors()}.
     */
    public CompletableFuture<RpcReply> rpcAsync(String operationXml, Duration timeout) {
        CompletableFuture<RpcReply> future = new CompletableFuture<>();
        if (closed.isDone()) {
            future.completeExceptionally(new SessionClosedException("session to " + transport.peer() + " is closed: "
                    + closed.join().description()));
            return future;
        }
        long seq = messageIds.incrementAndGet();
        String id = Long.toString(seq);
        String operation = operationName(operationXml);
        ScheduledFuture<?>[] timer = new ScheduledFuture<?>[1];
        Pending p = new Pending(id, operation, future, seq, timer);
        // Registered before the timer is armed: a timer that fired first would find nothing to time out, and the
        // RPC would then wait for ever.
        pending.put(id, p);
        timer[0] = EngineThreads.timer().schedule(() -> {
            if (pending.remove(id, p)) {
                future.completeExceptionally(new RpcTimeoutException("no complete reply to <" + operation
                        + "> (message-id " + id + ") from " + transport.peer() + " within " + seconds(timeout)
                        + (decoder.bufferedBytes() > 0 ? "; " + decoder.bufferedBytes()
                        + " bytes of a message arrived, then the device stalled" : "")));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (future.isDone()) {
            timer[0].cancel(false); // settled (session ended) before the timer was armed
        }
        if (closed.isDone() && pending.remove(id, p)) {
            // the session ended while this RPC was being registered, after fail() had failed the others
            timer[0].cancel(false);
            future.completeExceptionally(new SessionClosedException("session to " + transport.peer()
                    + " is closed: " + closed.join().description()));
            return future;
        }
        String message = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rpc xmlns=\"" + Namespaces.BASE
                + "\" message-id=\"" + id + "\">" + operationXml + "</rpc>";
        try {
            sendRaw(message);
        } catch (NetconfException e) {
            if (pending.remove(id, p)) {
                timer[0].cancel(false);
                future.completeExceptionally(e);
            }
        }
        if (seq == 1 && !options.stallProbe().isZero()) {
            EngineThreads.timer().schedule(this::probeIfStalled, options.stallProbe().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return future;
    }

    /** A get-config that selects nothing: harmless on every server, it only makes the server read its input. */
    static final String STALL_PROBE = "<get-config><source><running/></source><filter type=\"subtree\">"
            + "<homeport-stall-probe xmlns=\"urn:dev:homeport:stall-probe\"/></filter></get-config>";

    /**
     * The first RPC has had no reply bytes for a while. If the server read it in the same chunk as our hello it may
     * be waiting for more input (yuma123 does); one harmless RPC gives it that. Its reply is consumed like any other.
     */
    private void probeIfStalled() {
        if (closed.isDone() || closing.get() || bytesAfterHello || pending.isEmpty()) {
            return;
        }
        LOG.debug("{}: no reply to the first RPC after {}; sending a stall probe", transport.peer(),
                seconds(options.stallProbe()));
        rpcAsync(STALL_PROBE, options.rpcTimeout()).whenComplete((reply, failure) -> { });
    }

    /** Sends an RPC and waits for its reply, with the session's default timeout. */
    public RpcReply rpc(String operationXml) throws NetconfException {
        return rpc(operationXml, options.rpcTimeout());
    }

    public RpcReply rpc(String operationXml, Duration timeout) throws NetconfException {
        return await(rpcAsync(operationXml, timeout));
    }

    /** Waits for a reply future, turning its failure into the engine's exception types. */
    public static RpcReply await(CompletableFuture<RpcReply> future) throws NetconfException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof NetconfException ne) {
                throw ne;
            }
            throw new NetconfException(String.valueOf(c.getMessage()), c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new NetconfException("interrupted while waiting for a reply");
        }
    }

    private void sendRaw(String xml) throws NetconfException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        trace(MessageTrace.Direction.OUT, bytes);
        try {
            transport.send(FrameEncoder.encode(outFraming, bytes));
        } catch (NetconfException e) {
            throw e; // the transport's own diagnosis, as above
        } catch (IOException e) {
            throw new SessionClosedException("cannot send to " + transport.peer() + ": " + e.getMessage(), e);
        }
    }

    private void trace(MessageTrace.Direction dir, byte[] bytes) {
        MessageTrace t = options.trace();
        if (t != null) {
            try {
                t.message(transport.peer(), dir, MessageTrace.Redaction.redact(new String(bytes, StandardCharsets.UTF_8)));
            } catch (RuntimeException e) {
                LOG.warn("message trace failed", e);
            }
        }
    }

    // ---------------------------------------------------------------- lifecycle and accessors

    /** Sends close-session, waits briefly for ok, and closes the transport (RFC 6241 section 7.8). */
    public void closeSession() throws NetconfException {
        if (closed.isDone()) {
            return;
        }
        // Set before sending: the device drops the connection right after its <ok/>, and that drop may be handled
        // before this thread wakes up; it is the orderly end the user asked for, not a lost connection.
        closing.set(true);
        try {
            // At most 10 s; in milliseconds, so that a sub-second RPC timeout does not become zero.
            Duration wait = options.rpcTimeout().compareTo(Duration.ofSeconds(10)) < 0 ? options.rpcTimeout()
                    : Duration.ofSeconds(10);
            RpcReply reply = rpc("<close-session/>", wait);
            if (reply.hasErrors()) {
                throw new dev.homeport.netconf.RpcErrorException(reply);
            }
        } finally {
            closing.set(true);
            fail("session closed", null);
        }
    }

    /** Orderly close if possible, then the transport; never throws. */
    @Override
    public void close() {
        if (closed.isDone()) {
            return;
        }
        try {
            closeSession();
        } catch (NetconfException e) {
            LOG.debug("close-session to {} failed: {}", transport.peer(), e.getMessage());
        } finally {
            abort();
        }
    }

    /** Drops the connection at once, without close-session. */
    public void abort() {
        closing.set(true);
        fail("session closed", null);
    }

    public Capabilities serverCapabilities() {
        return serverHello.join().capabilities();
    }

    public long sessionId() {
        return serverHello.join().sessionId().orElseThrow();
    }

    public Framing framing() {
        return outFraming;
    }

    public String peer() {
        return transport.peer();
    }

    public String peerIdentity() {
        return transport.peerIdentity();
    }

    public SessionOptions options() {
        return options;
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    public int outstandingRpcs() {
        return pending.size();
    }

    /** Completes once, when the session ends, with the reason. */
    public CompletionStage<CloseReason> closeFuture() {
        return closed;
    }

    /** Registers a listener for notifications; returns the action that removes it. */
    public Runnable addNotificationListener(Consumer<Notification> listener) {
        notificationListeners.add(listener);
        return () -> notificationListeners.remove(listener);
    }

    @Override
    public String toString() {
        return "NetconfSession[" + transport.peer() + (serverHello.isDone() && !serverHello.isCompletedExceptionally()
                ? ", id " + serverHello.join().sessionId().orElse(0) : "") + (isOpen() ? "" : ", closed") + "]";
    }

    private static String operationName(String xml) {
        int lt = xml.indexOf('<');
        while (lt >= 0 && lt + 1 < xml.length() && (xml.charAt(lt + 1) == '?' || xml.charAt(lt + 1) == '!')) {
            lt = xml.indexOf('<', lt + 1);
        }
        if (lt < 0) {
            return "rpc";
        }
        int end = lt + 1;
        while (end < xml.length() && !Character.isWhitespace(xml.charAt(end)) && xml.charAt(end) != '>'
                && xml.charAt(end) != '/') {
            end++;
        }
        String name = xml.substring(lt + 1, end);
        int colon = name.indexOf(':');
        return colon >= 0 ? name.substring(colon + 1) : name;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
