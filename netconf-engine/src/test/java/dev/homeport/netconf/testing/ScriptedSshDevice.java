package dev.homeport.netconf.testing;

import dev.homeport.netconf.framing.FrameDecoder;
import dev.homeport.netconf.framing.FrameEncoder;
import dev.homeport.netconf.framing.Framing;
import dev.homeport.netconf.message.Capability;
import dev.homeport.netconf.message.Hello;
import dev.homeport.netconf.transport.ssh.HostKeyVerifier;
import dev.homeport.netconf.transport.ssh.HostKeys;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.SafeXml;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.ServerBuilder;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.subsystem.SubsystemFactory;
import org.w3c.dom.Element;

/**
 * A NETCONF device for tests whose every move is scripted: a real MINA SSH server on 127.0.0.1 (free port) with a
 * "netconf" subsystem. The SSH user name picks the script, so one device serves a well-behaved session and a
 * hostile one side by side. A script talks through a {@link Conversation}: send a hello, read the client's RPCs,
 * send well-framed replies or arbitrary raw bytes, stall, or drop the TCP connection without a goodbye.
 *
 * <p>Scripts run on their own platform threads named {@value #THREAD_PREFIX}N, ended when the channel closes.
 */
public final class ScriptedSshDevice implements AutoCloseable {
    public static final String THREAD_PREFIX = "scripted-device-";
    public static final String PASSWORD = "scripted-password";
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** What the device does on one connection. Returning (or throwing) closes the channel cleanly. */
    @FunctionalInterface
    public interface Script {
        void run(Conversation c) throws Exception;
    }

    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final List<Throwable> scriptFailures = new CopyOnWriteArrayList<>();
    private final AtomicLong sessionIds = new AtomicLong(100);
    private final AtomicInteger connections = new AtomicInteger();
    private final SshServer server;
    private final PublicKey hostKey;

    public ScriptedSshDevice() throws IOException {
        server = ServerBuilder.builder().build();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider();
        server.setKeyPairProvider(keys);
        server.setPasswordAuthenticator((user, password, session) -> scripts.containsKey(user)
                && PASSWORD.equals(password));
        server.setSubsystemFactories(List.of(new SubsystemFactory() {
            @Override
            public String getName() {
                return "netconf";
            }

            @Override
            public Command createSubsystem(ChannelSession channel) {
                return new ScriptCommand(scripts.get(channel.getSession().getUsername()));
            }
        }));
        server.start();
        KeyPair kp = keys.loadKeys(null).iterator().next();
        hostKey = kp.getPublic();
    }

    /** Registers the script run for SSH logins as {@code user}; returns this device. */
    public ScriptedSshDevice on(String user, Script script) {
        scripts.put(user, script);
        return this;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getPort();
    }

    public SshAuth auth(String user) {
        return SshAuth.password(user, PASSWORD);
    }

    /** Trusts exactly this device's host key. */
    public HostKeyVerifier verifier() {
        return (host, port, remote, key) -> HostKeys.same(key, hostKey) ? HostKeyVerifier.accept()
                : HostKeyVerifier.reject("not the scripted device's host key");
    }

    /** How many netconf subsystems were opened so far. */
    public int connections() {
        return connections.get();
    }

    /** Exceptions that scripts threw other than the client going away: a test can assert there were none. */
    public List<Throwable> scriptFailures() {
        return List.copyOf(scriptFailures);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** The server's hello with base:1.0 and, if {@code base11}, base:1.1 (then chunked framing follows). */
    public static String helloXml(boolean base11, long sessionId) {
        List<String> caps = new ArrayList<>(List.of(Capability.BASE_1_0));
        if (base11) {
            caps.add(Capability.BASE_1_1);
        }
        return Hello.toXml(caps, OptionalLong.of(sessionId));
    }

    /** An rpc-reply to the given message-id with the given body (XML text). */
    public static String replyXml(String messageId, String body) {
        return "<rpc-reply xmlns=\"" + Namespaces.BASE + "\" message-id=\"" + messageId + "\">" + body
                + "</rpc-reply>";
    }

    /** An RPC the client sent. */
    public record ClientRpc(String messageId, String operation, Element root) {
    }

    /** One device-side conversation: the netconf subsystem channel of one SSH session. */
    public final class Conversation {
        private final ChannelSession channel;
        private final InputStream in;
        private final OutputStream out;
        private final ArrayDeque<byte[]> received = new ArrayDeque<>();
        private final FrameDecoder decoder;
        private Framing framing = Framing.END_OF_MESSAGE;
        private boolean offered11;
        private boolean helloReceived;

        Conversation(ChannelSession channel, InputStream in, OutputStream out) {
            this.channel = channel;
            this.in = in;
            this.out = out;
            this.decoder = new FrameDecoder(64 * 1024 * 1024, this::onMessage);
        }

        private void onMessage(byte[] message) {
            if (!helloReceived) {
                helloReceived = true;
                try {
                    Hello clientHello = Hello.parse(SafeXml.parse(message).getDocumentElement());
                    if (offered11 && clientHello.capabilities().base11()) {
                        framing = Framing.CHUNKED;
                        decoder.setFraming(Framing.CHUNKED);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("the client sent a bad hello: " + e.getMessage(), e);
                }
                return;
            }
            received.add(message);
        }

        /** Sends the server hello (base:1.0 and base:1.1) and reads the client's; framing is then negotiated. */
        public void hello() throws IOException {
            hello(true);
        }

        public void hello(boolean base11) throws IOException {
            hello(base11 ? List.of(Capability.BASE_1_0, Capability.BASE_1_1) : List.of(Capability.BASE_1_0));
        }

        /** Sends a server hello with exactly these capabilities (modules, YANG library...) and reads the client's. */
        public void hello(List<String> capabilities) throws IOException {
            offered11 = capabilities.contains(Capability.BASE_1_1);
            sendRaw(FrameEncoder.endOfMessage(Hello.toXml(capabilities, OptionalLong.of(sessionIds.incrementAndGet()))
                    .getBytes(StandardCharsets.UTF_8)));
            while (!helloReceived) {
                readSome();
            }
        }

        /** The framing both sides use after the hellos. */
        public Framing framing() {
            return framing;
        }

        /** The next complete message from the client; throws EOFException when the client has gone. */
        public byte[] nextMessage() throws IOException {
            while (received.isEmpty()) {
                readSome();
            }
            return received.poll();
        }

        /** The next message, which must be an RPC. */
        public ClientRpc nextRpc() throws IOException {
            byte[] bytes = nextMessage();
            Element root = SafeXml.parse(bytes).getDocumentElement();
            if (!Dom.is(root, Namespaces.BASE, "rpc")) {
                throw new IOException("expected an <rpc> from the client, got <" + root.getLocalName() + ">");
            }
            Element op = Dom.children(root).stream().findFirst()
                    .orElseThrow(() -> new IOException("an <rpc> without an operation"));
            return new ClientRpc(root.getAttribute("message-id"), op.getLocalName(), root);
        }

        private void readSome() throws IOException {
            byte[] buf = new byte[8192];
            int n = in.read(buf);
            if (n < 0) {
                throw new EOFException("the client closed the channel");
            }
            decoder.decode(ByteBuffer.wrap(buf, 0, n));
        }

        /** Sends one message with the negotiated framing; threads of a script may send at the same time. */
        public void send(String xml) throws IOException {
            sendRaw(FrameEncoder.encode(framing, xml.getBytes(StandardCharsets.UTF_8)));
        }

        public void reply(ClientRpc rpc, String body) throws IOException {
            send(replyXml(rpc.messageId(), body));
        }

        /** Sends bytes exactly as given: broken framing, partial messages, garbage. */
        public synchronized void sendRaw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        public void sendRaw(String text) throws IOException {
            sendRaw(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Says nothing more and waits until the client goes away (or the device is stopped). */
        public void stallUntilClientLeaves() throws IOException {
            try {
                while (true) {
                    readSome();
                }
            } catch (EOFException | InterruptedIOException e) {
                // the client left: the stall is over
            }
        }

        /** Drops the TCP connection at once: no SSH channel close, no disconnect message. */
        public void dropConnection() throws IOException {
            // The TCP connection ends without an SSH disconnect, but only after what was written has left: an
            // immediate close would discard the queued writes, and the test would see a drop before the bytes.
            channel.getSession().getIoSession().close(false);
        }
    }

    /** Runs one script on its own thread for one netconf channel. */
    private final class ScriptCommand implements Command {
        private final Script script;
        private InputStream in;
        private OutputStream out;
        private ExitCallback exit;
        private Thread thread;

        ScriptCommand(Script script) {
            this.script = script;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            connections.incrementAndGet();
            Conversation c = new Conversation(channel, in, out);
            thread = new Thread(() -> {
                try {
                    script.run(c);
                    exit.onExit(0);
                } catch (EOFException | InterruptedIOException e) {
                    exit.onExit(0);
                } catch (Exception | Error e) {
                    if (channel.isOpen() && !Thread.currentThread().isInterrupted()) {
                        scriptFailures.add(e);
                    }
                    exit.onExit(1, String.valueOf(e.getMessage()));
                }
            }, THREAD_PREFIX + THREADS.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
