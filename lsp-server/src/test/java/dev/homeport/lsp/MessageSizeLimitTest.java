package dev.homeport.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.lsp.transport.SocketTransport;
import dev.homeport.lsp.transport.StdioTransport;
import dev.homeport.lsp.transport.WebSocketTransport;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client announcing a huge message ({@code Content-Length: 2000000000}) must not make the server allocate it:
 * over the limit, stdio ends with a message on stderr, a TCP connection is closed (the listener serves the next
 * one), a WebSocket connection is closed with 1009. Messages under the limit work as before.
 */
class MessageSizeLimitTest {
    private static final int LIMIT = 64 * 1024;
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}}";

    @TempDir
    Path dir;

    private YangLanguageServer.Options options() {
        return YangLanguageServer.Options.defaults().withModuleCache(dir.resolve("cache")).withMaxMessageBytes(LIMIT);
    }

    private static byte[] framed(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    /** Reads from {@code in} until the text read so far contains {@code wanted}. */
    private static String readUntil(InputStream in, String wanted) throws Exception {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!seen.toString(StandardCharsets.UTF_8).contains(wanted)) {
            int n = in.read(buf);
            if (n < 0) {
                break;
            }
            seen.write(buf, 0, n);
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void stdioAnswersNormalMessagesAndExitsOnAHugeOneWithAMessage() throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream client = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> StdioTransport.serve(options(), serverIn, serverOut, errStream));
        // a message just under the limit is read: the initialize answer comes back
        client.write(framed(INITIALIZE.replace("\"capabilities\":{}", "\"capabilities\":{},\"padding\":\""
                + "x".repeat(LIMIT - INITIALIZE.length() - 20) + "\"")));
        client.flush();
        assertThat(readUntil(clientIn, "\"id\":1")).contains("\"capabilities\"");
        // then a client announces 2 GB and sends a little of it
        client.write("Content-Length: 2000000000\r\n\r\n{\"jsonrpc\":".getBytes(StandardCharsets.US_ASCII));
        client.flush();
        assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing an LSP message of 2000000000 bytes")
                .contains("the limit is " + LIMIT + " bytes");
    }

    @Test
    void aLengthBeyondAnIntegerIsRefusedToo() throws Exception {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedOutputStream client = new PipedOutputStream(serverIn);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> StdioTransport.serve(options(), serverIn, OutputStream.nullOutputStream(), errStream));
        client.write("Content-Length: 99999999999999\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        client.flush();
        assertThat(exit.get(60, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing an LSP message of 99999999999999 bytes");
    }

    @Test
    void tcpClosesTheConnectionAndServesTheNextOne() throws Exception {
        try (SocketTransport tcp = SocketTransport.start("127.0.0.1", 0, this::options)) {
            try (Socket hostile = new Socket("127.0.0.1", tcp.port())) {
                hostile.setSoTimeout(60_000);
                hostile.getOutputStream().write("Content-Length: 2000000000\r\n\r\n{".getBytes(StandardCharsets.US_ASCII));
                hostile.getOutputStream().flush();
                assertThat(hostile.getInputStream().read()).as("the server closes the connection").isEqualTo(-1);
            }
            try (Socket normal = new Socket("127.0.0.1", tcp.port())) {
                normal.setSoTimeout(60_000);
                normal.getOutputStream().write(framed(INITIALIZE));
                normal.getOutputStream().flush();
                assertThat(readUntil(normal.getInputStream(), "\"id\":1")).contains("\"capabilities\"");
            }
        }
    }

    @Test
    void webSocketClosesAConnectionWithATooBigMessage() throws Exception {
        try (WebSocketTransport ws = WebSocketTransport.start("127.0.0.1", 0, this::options)) {
            URI url = URI.create("ws://127.0.0.1:" + ws.port() + WebSocketTransport.PATH);
            WebSocketContainer container = ContainerProvider.getWebSocketContainer();
            container.setDefaultMaxTextMessageBufferSize(4 * LIMIT);
            try {
                // under the limit: answered
                Recorder normal = new Recorder();
                Session s = container.connectToServer(normal, ClientEndpointConfig.Builder.create().build(), url);
                s.getBasicRemote().sendText(INITIALIZE);
                assertThat(normal.firstText.get(60, TimeUnit.SECONDS)).contains("\"capabilities\"");
                s.close();
                // over it: closed with 1009
                Recorder hostile = new Recorder();
                Session h = container.connectToServer(hostile, ClientEndpointConfig.Builder.create().build(), url);
                try {
                    h.getBasicRemote().sendText(INITIALIZE.replace("\"capabilities\":{}",
                            "\"capabilities\":{},\"padding\":\"" + "x".repeat(2 * LIMIT) + "\""));
                } catch (java.io.IOException refusedWhileSending) {
                    // the server may close as soon as the frame passes the limit, while the rest is still being
                    // written: the write then fails, and the close frame it sent first still says why (checked with a
                    // 12.8 MB payload, where the write fails every time and 1009 still arrives)
                }
                CloseReason reason = hostile.closed.get(60, TimeUnit.SECONDS);
                assertThat(reason.getCloseCode().getCode()).isEqualTo(CloseReason.CloseCodes.TOO_BIG.getCode());
                assertThat(hostile.firstText).isNotDone();
            } finally {
                if (container instanceof org.eclipse.jetty.util.component.LifeCycle lc) {
                    lc.stop();
                }
            }
        }
    }

    public static final class Recorder extends Endpoint {
        final CompletableFuture<String> firstText = new CompletableFuture<>();
        final CompletableFuture<CloseReason> closed = new CompletableFuture<>();

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) firstText::complete);
        }

        @Override
        public void onClose(Session session, CloseReason closeReason) {
            closed.complete(closeReason);
        }
    }
}
