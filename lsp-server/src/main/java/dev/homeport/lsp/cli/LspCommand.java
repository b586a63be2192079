package dev.homeport.lsp.cli;

import dev.homeport.lsp.YangLanguageServer;
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
 * {@code homeport lsp [--stdio | --websocket [HOST:]PORT [--address A]]}: the YANG language server. stdio is the
 * default (an editor starts the process); WebSocket serves path /lsp, one server per connection, bound to
 * 127.0.0.1 unless an address is given.
 */
@Command(name = "lsp", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the YANG language server (LSP) for an editor.",
                "stdio by default; --websocket PORT serves ws://ADDRESS:PORT/lsp, one server per connection."})
public final class LspCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Transport {
        @Option(names = "--stdio", description = "talk LSP over stdin/stdout (the default)")
        boolean stdio;

        @Option(names = "--websocket", paramLabel = "[HOST:]PORT",
                description = "serve LSP over WebSocket on this port (0: any free port, printed on stderr)")
        String websocket;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Transport transport = new Transport();

    @Option(names = "--address", paramLabel = "ADDRESS",
            description = "the address the WebSocket server binds to (default 127.0.0.1; 0.0.0.0 for every interface)")
    String address;

    @Override
    public Integer call() throws IOException, InterruptedException {
        YangLanguageServer.Options options = YangLanguageServer.Options.defaults();
        if (transport == null || transport.websocket == null) {
            if (address != null) {
                throw new ParameterException(spec.commandLine(), "--address needs --websocket");
            }
            return StdioTransport.serve(options);
        }
        String host = address != null ? address : WebSocketTransport.DEFAULT_ADDRESS;
        String portText = transport.websocket;
        int colon = portText.lastIndexOf(':');
        if (colon >= 0) {
            if (address != null) {
                throw new ParameterException(spec.commandLine(), "give the address either as --websocket HOST:PORT "
                        + "or with --address, not both");
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
            throw new ParameterException(spec.commandLine(), "--websocket: '" + transport.websocket
                    + "' is not a port number");
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--websocket: port " + port + " is out of range");
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
