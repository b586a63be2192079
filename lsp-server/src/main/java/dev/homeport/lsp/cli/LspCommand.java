package dev.homeport.lsp.cli;

import dev.homeport.lsp.YangLanguageServer;
import dev.homeport.lsp.transport.EditorPage;
import dev.homeport.lsp.transport.SocketTransport;
import dev.homeport.lsp.transport.StdioTransport;
import dev.homeport.lsp.transport.WebSocketTransport;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code homeport lsp [--stdio | --websocket [HOST:]PORT | --socket [HOST:]PORT | --serve-editor [HOST:]PORT]
 * [--address A]}: the YANG language server. stdio is the default (an editor starts the process); WebSocket serves
 * path /lsp and TCP the plain base protocol, one server per connection, bound to 127.0.0.1 unless an address is
 * given; --serve-editor is the WebSocket server plus a browser editor (Monaco) on / that talks to its /lsp.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the YANG language server (LSP) for an editor.",
                "stdio by default; --websocket PORT serves ws://ADDRESS:PORT/lsp, one server per connection;",
                "--serve-editor PORT adds a YANG editor in the browser on http://ADDRESS:PORT/."})
public final class LspCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Transport {
        @Option(names = "--stdio", description = "talk LSP over stdin/stdout (the default)")
        boolean stdio;

        @Option(names = "--websocket", paramLabel = "[HOST:]PORT",
                description = "serve LSP over WebSocket on this port (0: any free port, printed on stderr)")
        String websocket;

        @Option(names = "--socket", paramLabel = "[HOST:]PORT",
                description = "serve LSP over plain TCP on this port, one server per connection")
        String socket;

        @Option(names = "--serve-editor", paramLabel = "[HOST:]PORT",
                description = "serve a YANG editor in the browser (Monaco) on http://HOST:PORT/, talking LSP to "
                        + "ws://HOST:PORT/lsp, which other editors can use too")
        String serveEditor;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Transport transport = new Transport();

    @Option(names = "--address", paramLabel = "ADDRESS",
            description = "the address the WebSocket server binds to (default 127.0.0.1; 0.0.0.0 for every interface)")
    String address;

    @Option(names = "--request-timeout", paramLabel = "SECONDS",
            description = "answer every request within this many seconds, or cancel it (default 5)")
    double requestTimeoutSeconds = YangLanguageServer.Options.DEFAULT_REQUEST_TIMEOUT.toMillis() / 1000.0;

    @Option(names = "--max-message-bytes", paramLabel = "BYTES",
            description = "close a connection that sends a larger message (default 64 MiB)")
    int maxMessageBytes = YangLanguageServer.Options.DEFAULT_MAX_MESSAGE_BYTES;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!(requestTimeoutSeconds > 0) || maxMessageBytes <= 0) {
            throw new ParameterException(spec.commandLine(), "--request-timeout and --max-message-bytes must be positive");
        }
        YangLanguageServer.Options options = YangLanguageServer.Options.defaults()
                .withRequestTimeout(java.time.Duration.ofMillis(Math.max(1, Math.round(requestTimeoutSeconds * 1000))))
                .withMaxMessageBytes(maxMessageBytes);
        String listen = transport == null ? null
                : transport.websocket != null ? transport.websocket
                : transport.serveEditor != null ? transport.serveEditor : transport.socket;
        if (listen == null) {
            if (address != null) {
                throw new ParameterException(spec.commandLine(), "--address needs --websocket, --serve-editor or --socket");
            }
            return StdioTransport.serve(options);
        }
        String option = transport.websocket != null ? "--websocket"
                : transport.serveEditor != null ? "--serve-editor" : "--socket";
        String host = address != null ? address : WebSocketTransport.DEFAULT_ADDRESS;
        String portText = listen;
        int colon = portText.lastIndexOf(':');
        if (colon >= 0) {
            if (address != null) {
                throw new ParameterException(spec.commandLine(), "give the address either as " + option
                        + " HOST:PORT or with --address, not both");
            }
            host = portText.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            portText = portText.substring(colon + 1);
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), option + ": '" + listen + "' is not a port number");
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), option + ": port " + port + " is out of range");
        }
        if (transport.socket != null) {
            try (SocketTransport tcp = SocketTransport.start(host, port, () -> options)) {
                spec.commandLine().getErr().println("homeport: serving LSP on tcp://" + hostForUrl(host) + ":"
                        + tcp.port());
                spec.commandLine().getErr().flush();
                tcp.join();
            }
            return 0;
        }
        if (transport.serveEditor != null) {
            if (!EditorPage.available()) {
                spec.commandLine().getErr().println("homeport: this build has no editor page (lsp-server was built "
                        + "without lsp-server/editor-page); --websocket serves the language server alone");
                return 1;
            }
            try (WebSocketTransport ws = WebSocketTransport.start(host, port, () -> options, EditorPage::addTo)) {
                String base = "http://" + hostForUrl(host) + ":" + ws.port();
                spec.commandLine().getErr().println("homeport: serving the YANG editor on " + base + "/ (LSP on ws://"
                        + hostForUrl(host) + ":" + ws.port() + WebSocketTransport.PATH + ")");
                spec.commandLine().getErr().flush();
                ws.join();
            }
            return 0;
        }
        try (WebSocketTransport ws = WebSocketTransport.start(host, port, () -> options)) {
            spec.commandLine().getErr().println("homeport: serving LSP on ws://" + hostForUrl(host) + ":" + ws.port()
                    + WebSocketTransport.PATH);
            spec.commandLine().getErr().flush();
            ws.join();
        }
        return 0;
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
