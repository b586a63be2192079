package dev.homeport.lsp.transport;

import dev.homeport.lsp.YangLanguageServer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.websocket.jakarta.WebSocketEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LSP over WebSocket: Jetty 12 serves path {@value #PATH}, one JSON-RPC message per text frame, and every
 * connection gets a language server of its own (closing the connection, or {@code exit}, ends only that one).
 * Binds to the address the user chose; {@code 127.0.0.1} unless told otherwise, since the server reads files.
 */
public final class WebSocketTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketTransport.class);
    public static final String PATH = "/lsp";
    public static final String DEFAULT_ADDRESS = "127.0.0.1";
    /**
     * Whole documents travel in one frame (didOpen of a large module), so Jetty's default of 64 KiB is far too
     * small; the limit is the server's {@link YangLanguageServer.Options#maxMessageBytes()}, by default this. A larger
     * message closes the connection with 1009 (message too big).
     */
    public static final int MAX_MESSAGE_BYTES = YangLanguageServer.Options.DEFAULT_MAX_MESSAGE_BYTES;

    private final Server jetty;
    private final ServerConnector connector;

    private WebSocketTransport(Server jetty, ServerConnector connector) {
        this.jetty = jetty;
        this.connector = connector;
    }

    /** Starts serving on address:port (port 0: any free port; see {@link #port()}). */
    public static WebSocketTransport start(String address, int port, Supplier<YangLanguageServer.Options> options)
            throws IOException {
        return start(address, port, options, context -> { });
    }

    /**
     * As {@link #start(String, int, Supplier)}, and lets the caller add more content to the same server beside
     * {@value #PATH} (the browser editor's page and assets, {@link EditorPage}) before it starts.
     */
    public static WebSocketTransport start(String address, int port, Supplier<YangLanguageServer.Options> options,
            Consumer<ServletContextHandler> moreContent) throws IOException {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(address);
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        jetty.setHandler(context);
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            container.setDefaultMaxTextMessageBufferSize(options.get().maxMessageBytes());
            container.setDefaultMaxSessionIdleTimeout(0);
            container.addEndpoint(ServerEndpointConfig.Builder.create(LspEndpoint.class, PATH)
                    .configurator(new ServerEndpointConfig.Configurator() {
                        @Override
                        public <T> T getEndpointInstance(Class<T> endpointClass) {
                            return endpointClass.cast(new LspEndpoint(options.get()));
                        }
                    }).build());
        });
        moreContent.accept(context);
        try {
            jetty.start();
        } catch (Exception e) {
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // already failing
            }
            throw new IOException("cannot serve LSP over WebSocket on " + address + ":" + port + ": "
                    + e.getMessage(), e);
        }
        return new WebSocketTransport(jetty, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("stopping the WebSocket server: {}", e.toString());
        }
    }

    /** One connection: its own language server, ended with the connection. */
    public static final class LspEndpoint extends WebSocketEndpoint<LanguageClient> {
        private final YangLanguageServer server;
        private final int maxMessageBytes;
        private volatile Session session;

        public LspEndpoint(YangLanguageServer.Options options) {
            this.server = new YangLanguageServer(options, code -> closeQuietly());
            this.maxMessageBytes = options.maxMessageBytes();
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            this.session = session;
            session.setMaxTextMessageBufferSize(maxMessageBytes);
            super.onOpen(session, config);
        }

        @Override
        protected void configure(Launcher.Builder<LanguageClient> builder) {
            builder.setLocalService(server).setRemoteInterface(LanguageClient.class);
        }

        @Override
        protected void connect(Collection<Object> localServices, LanguageClient remoteProxy) {
            server.connect(remoteProxy);
        }

        @Override
        public void onClose(Session session, CloseReason closeReason) {
            if (closeReason.getCloseCode() == CloseReason.CloseCodes.TOO_BIG) {
                LOG.warn("closing a WebSocket LSP connection: a message exceeded the limit of {} bytes ({})",
                        maxMessageBytes, closeReason.getReasonPhrase());
            }
            server.close();
        }

        @Override
        public void onError(Session session, Throwable error) {
            LOG.warn("WebSocket connection error: {}", error.toString());
        }

        private void closeQuietly() {
            server.close();
            Session s = session;
            if (s != null && s.isOpen()) {
                try {
                    s.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "exit"));
                } catch (IOException e) {
                    LOG.debug("closing after exit: {}", e.toString());
                }
            }
        }
    }
}
