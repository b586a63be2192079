package dev.homeport.lsp.transport;

import dev.homeport.lsp.YangLanguageServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LSP over plain TCP ({@code --socket PORT}), for editors that connect to a running server: every accepted
 * connection gets a language server of its own, speaking the same base protocol as stdio.
 */
public final class SocketTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SocketTransport.class);

    private final ServerSocket listener;
    private final Supplier<YangLanguageServer.Options> options;

    private SocketTransport(ServerSocket listener, Supplier<YangLanguageServer.Options> options) {
        this.listener = listener;
        this.options = options;
    }

    /** Listens on address:port (port 0: any free port; see {@link #port()}). */
    public static SocketTransport start(String address, int port, Supplier<YangLanguageServer.Options> options)
            throws IOException {
        ServerSocket s = new ServerSocket();
        try {
            s.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot serve LSP on " + address + ":" + port + ": " + e.getMessage(), e);
        }
        SocketTransport t = new SocketTransport(s, options);
        Thread.ofPlatform().daemon().name("homeport-lsp-accept").start(t::acceptLoop);
        return t;
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.warn("accepting an LSP connection failed: {}", e.toString());
                }
                continue;
            }
            Thread.ofVirtual().name("homeport-lsp-connection").start(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            YangLanguageServer server = new YangLanguageServer(options.get(), code -> {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
            });
            try {
                StdioTransport.launcher(server, socket.getInputStream(), socket.getOutputStream(),
                        r -> LOG.warn("LSP connection from {}: {}", socket.getRemoteSocketAddress(), r.message()))
                        .startListening().get();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
                // the connection ended
            } finally {
                server.close();
            }
        } catch (IOException e) {
            LOG.warn("LSP connection from {}: {}", socket.getRemoteSocketAddress(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until the listener is closed. */
    public void join() throws InterruptedException {
        while (!listener.isClosed()) {
            Thread.sleep(500);
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("closing the listener: {}", e.toString());
        }
    }
}
