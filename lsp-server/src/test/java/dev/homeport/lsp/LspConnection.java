package dev.homeport.lsp;

import dev.homeport.lsp.transport.SocketTransport;
import dev.homeport.lsp.transport.StdioTransport;
import dev.homeport.lsp.transport.WebSocketTransport;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.websocket.jakarta.WebSocketEndpoint;

/**
 * A real LSP4J client connected to a real server, over piped streams (the stdio transport's code) or over a
 * WebSocket to the Jetty transport (Jetty's jakarta client). Tests talk to {@link #server()} as an editor does.
 */
public final class LspConnection implements AutoCloseable {
    public enum Transport { PIPES, WEBSOCKET, SOCKET }

    private final LanguageServer server;
    private final RecordingClient client;
    private final AutoCloseable resources;

    private LspConnection(LanguageServer server, RecordingClient client, AutoCloseable resources) {
        this.server = server;
        this.client = client;
        this.resources = resources;
    }

    public LanguageServer server() {
        return server;
    }

    public RecordingClient client() {
        return client;
    }

    public static LspConnection open(Transport transport, YangLanguageServer.Options options) throws Exception {
        return switch (transport) {
            case PIPES -> pipes(options);
            case WEBSOCKET -> websocket(options);
            case SOCKET -> socket(options);
        };
    }

    static LspConnection pipes(YangLanguageServer.Options options) throws IOException {
        PipedInputStream serverIn = new PipedInputStream(1 << 20);
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        YangLanguageServer yang = new YangLanguageServer(options, code -> closeQuietly(serverOut));
        Launcher<LanguageClient> serverLauncher = StdioTransport.launcher(yang, serverIn, serverOut);
        var serverListening = serverLauncher.startListening();
        RecordingClient client = new RecordingClient();
        Launcher<LanguageServer> clientLauncher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
        var clientListening = clientLauncher.startListening();
        return new LspConnection(clientLauncher.getRemoteProxy(), client, () -> {
            yang.close();
            closeQuietly(clientOut);
            closeQuietly(serverOut);
            serverListening.cancel(true);
            clientListening.cancel(true);
        });
    }

    static LspConnection socket(YangLanguageServer.Options options) throws Exception {
        SocketTransport tcp = SocketTransport.start("127.0.0.1", 0, () -> options);
        java.net.Socket socket = new java.net.Socket("127.0.0.1", tcp.port());
        RecordingClient client = new RecordingClient();
        Launcher<LanguageServer> clientLauncher = LSPLauncher.createClientLauncher(client, socket.getInputStream(),
                socket.getOutputStream());
        var listening = clientLauncher.startListening();
        return new LspConnection(clientLauncher.getRemoteProxy(), client, () -> {
            socket.close();
            tcp.close();
            listening.cancel(true);
        });
    }

    static LspConnection websocket(YangLanguageServer.Options options) throws Exception {
        WebSocketTransport ws = WebSocketTransport.start("127.0.0.1", 0, () -> options);
        LspConnection c = websocket(URI.create("ws://127.0.0.1:" + ws.port() + WebSocketTransport.PATH));
        AutoCloseable connection = c.resources;
        return new LspConnection(c.server, c.client, () -> {
            connection.close();
            ws.close();
        });
    }

    /** A client connected to a WebSocket LSP server at {@code url} (in this process or another). */
    public static LspConnection websocket(URI url) throws Exception {
        RecordingClient client = new RecordingClient();
        CompletableFuture<LanguageServer> remote = new CompletableFuture<>();
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(WebSocketTransport.MAX_MESSAGE_BYTES);
        WebSocketEndpoint<LanguageServer> endpoint = new WebSocketEndpoint<>() {
            @Override
            protected void configure(Launcher.Builder<LanguageServer> builder) {
                builder.setLocalService(client).setRemoteInterface(LanguageServer.class);
            }

            @Override
            protected void connect(Collection<Object> localServices, LanguageServer remoteProxy) {
                remote.complete(remoteProxy);
            }
        };
        // Jetty's client gives a connection 5 s; a server process that has just started may still be loading the
        // classes its first connection needs, so a timed-out first attempt is tried again
        Session session = null;
        for (int attempt = 1; session == null; attempt++) {
            try {
                session = container.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(), url);
            } catch (IOException e) {
                if (attempt == 4) {
                    throw e;
                }
            }
        }
        session.setMaxTextMessageBufferSize(WebSocketTransport.MAX_MESSAGE_BYTES);
        Session open = session;
        LanguageServer server = remote.get(10, TimeUnit.SECONDS);
        return new LspConnection(server, client, () -> {
            if (open.isOpen()) {
                open.close();
            }
            if (container instanceof org.eclipse.jetty.util.component.LifeCycle lc) {
                lc.stop();
            }
        });
    }

    /** initialize + initialized with one workspace folder (or none) and the given initialization options. */
    public InitializeResult initialize(Path folder, Object initializationOptions) throws Exception {
        InitializeParams p = new InitializeParams();
        p.setProcessId((int) ProcessHandle.current().pid());
        if (folder != null) {
            p.setWorkspaceFolders(List.of(new WorkspaceFolder(folder.toUri().toString(), "ws")));
        }
        p.setInitializationOptions(initializationOptions);
        ClientCapabilities caps = new ClientCapabilities();
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        caps.setWorkspace(ws);
        p.setCapabilities(caps);
        InitializeResult r = server.initialize(p).get(30, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return r;
    }

    @Override
    public void close() throws Exception {
        try {
            server.shutdown().get(10, TimeUnit.SECONDS);
            server.exit();
        } catch (Exception e) {
            // closing anyway
        }
        resources.close();
    }

    public static Duration timeout() {
        return Duration.ofSeconds(60);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
