package dev.homeport.lsp.transport;

import dev.homeport.lsp.YangLanguageServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;

/** LSP over a pair of streams: the process's stdin/stdout, or pipes and sockets in tests. */
public final class StdioTransport {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StdioTransport.class);

    private StdioTransport() {
    }

    /**
     * A server connected to the client at the other end of the streams; call {@link Launcher#startListening()}.
     * A message larger than the server's {@link YangLanguageServer.Options#maxMessageBytes()} is refused, logged,
     * and ends the listening (see {@link BoundedStreamLauncher}).
     */
    public static Launcher<LanguageClient> launcher(YangLanguageServer server, InputStream in, OutputStream out) {
        return launcher(server, in, out, r -> LOG.error(r.message()));
    }

    static Launcher<LanguageClient> launcher(YangLanguageServer server, InputStream in, OutputStream out,
            Consumer<BoundedStreamLauncher.Refusal> refused) {
        Launcher<LanguageClient> launcher = BoundedStreamLauncher.serverLauncher(server, in, out,
                server.options().maxMessageBytes(), refused);
        server.connect(launcher.getRemoteProxy());
        return launcher;
    }

    /**
     * Serves the process's stdin/stdout until the client sends exit or closes stdin; returns the exit code (0 after
     * shutdown and exit, 1 otherwise, as the LSP specification asks). Anything else that writes to System.out would
     * corrupt the protocol, so System.out is pointed at stderr while serving.
     */
    public static int serve(YangLanguageServer.Options options) {
        InputStream in = System.in;
        OutputStream out = System.out;
        System.setOut(System.err);
        return serve(options, in, out, System.err);
    }

    /**
     * Serves one stream pair as {@link #serve(YangLanguageServer.Options)} serves stdin/stdout; a message over the
     * size limit ends it with exit code 1 and one line on {@code err}.
     */
    public static int serve(YangLanguageServer.Options options, InputStream in, OutputStream out, PrintStream err) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        YangLanguageServer server = new YangLanguageServer(options, exit::complete);
        Future<Void> listening = launcher(server, in, out, r -> {
            err.println("homeport lsp: " + r.message());
            err.flush();
        }).startListening();
        // stdin closing without exit (the editor died), or a refused message, ends the server too: exit code 1
        Thread.ofVirtual().name("homeport-lsp-stdin-watch").start(() -> {
            try {
                listening.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                // the stream broke: the client is gone
            }
            exit.complete(1);
        });
        try {
            return exit.join();
        } finally {
            server.close();
            listening.cancel(true);
        }
    }
}
