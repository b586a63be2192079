package dev.homeport.netconf.server.sim;

import dev.homeport.netconf.framing.FrameDecoder;
import dev.homeport.netconf.framing.FrameEncoder;
import dev.homeport.netconf.framing.FramingException;
import dev.homeport.netconf.framing.Framing;
import dev.homeport.netconf.transport.NetconfTransport;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.xml.SafeXml;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.w3c.dom.Element;

/**
 * A NETCONF client that sends whatever bytes a test wants (malformed XML, oversize messages), over the engine's SSH
 * transport: base:1.1 hello, then chunked messages.
 */
final class RawClient implements AutoCloseable {
    private final SshConnector connector = new SshConnector();
    private final NetconfTransport transport;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    RawClient(int port) throws Exception {
        transport = connector.connect("127.0.0.1", port, SshAuth.password("admin", "admin"),
                KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_ALL));
        // the first message is the server's hello: the sink switches to chunked framing right there, for the rest
        // of the same input (checking afterwards on the I/O thread raced with next() taking the hello)
        FrameDecoder[] decoder = new FrameDecoder[1];
        decoder[0] = new FrameDecoder(64 * 1024 * 1024, m -> {
            if (decoder[0].framing() != Framing.CHUNKED) {
                decoder[0].setFraming(Framing.CHUNKED);
            }
            received.add(new String(m, StandardCharsets.UTF_8));
        });
        transport.start(new NetconfTransport.Receiver() {
            @Override
            public void onBytes(ByteBuffer data) {
                try {
                    decoder[0].decode(data);
                } catch (FramingException e) {
                    received.add("FRAMING: " + e.getMessage());
                }
            }

            @Override
            public void onClosed(Throwable cause) {
                closed = true;
            }
        });
        next(); // the server's hello
        transport.send(FrameEncoder.endOfMessage(("<hello xmlns=\"urn:ietf:params:xml:ns:netconf:base:1.0\">"
                + "<capabilities><capability>urn:ietf:params:netconf:base:1.1</capability></capabilities></hello>")
                .getBytes(StandardCharsets.UTF_8)));
    }

    void send(String message) throws Exception {
        send(message.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] message) throws Exception {
        transport.send(FrameEncoder.chunked(message, FrameEncoder.DEFAULT_MAX_CHUNK));
    }

    String next() throws InterruptedException {
        String m = received.poll(15, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("no message from the device within 15 s");
        }
        return m;
    }

    Element nextReply() throws Exception {
        return SafeXml.parse(next()).getDocumentElement();
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        transport.close();
        connector.close();
    }
}
