package dev.homeport.lsp.transport;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Consumer;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * LSP4J's server launcher for byte streams (stdio, TCP) with a limit on the size of a message. LSP4J allocates a
 * buffer of whatever {@code Content-Length} a client announces; a broken or hostile client announcing 2 GB would
 * make the server allocate it and wait for it. Here a message over the limit is refused before anything is
 * allocated: the stream's listener stops (there is no way to skip the body safely, nor an id to answer to), so
 * the connection ends, and {@code refused} is told why.
 */
public final class BoundedStreamLauncher {
    private BoundedStreamLauncher() {
    }

    /** Why a connection was closed: the announced length and the limit. */
    public record Refusal(long announcedBytes, int maxBytes) {
        public String message() {
            return "refusing an LSP message of " + announcedBytes + " bytes (Content-Length); the limit is "
                    + maxBytes + " bytes; closing the connection";
        }
    }

    /** A server launcher over {@code in}/{@code out} that refuses messages larger than {@code maxBytes}. */
    public static Launcher<LanguageClient> serverLauncher(LanguageServer server, InputStream in, OutputStream out,
            int maxBytes, Consumer<Refusal> refused) {
        return new Builder(maxBytes, refused).setLocalService(server).setRemoteInterface(LanguageClient.class)
                .setInput(in).setOutput(out).create();
    }

    private static final class Builder extends LSPLauncher.Builder<LanguageClient> {
        private final int maxBytes;
        private final Consumer<Refusal> refused;
        private MessageJsonHandler jsonHandler;
        private RemoteEndpoint remoteEndpoint;

        Builder(int maxBytes, Consumer<Refusal> refused) {
            this.maxBytes = maxBytes;
            this.refused = refused;
        }

        @Override
        protected MessageJsonHandler createJsonHandler() {
            jsonHandler = super.createJsonHandler();
            return jsonHandler;
        }

        @Override
        protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler handler) {
            remoteEndpoint = super.createRemoteEndpoint(handler);
            return remoteEndpoint;
        }

        @Override
        protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer reader,
                MessageConsumer messageConsumer, LanguageClient remoteProxy) {
            // the same producer LSP4J makes, with the limit (create() makes its own before it calls this)
            return super.createMessageProcessor(new BoundedProducer(input, jsonHandler, remoteEndpoint, maxBytes,
                    refused), messageConsumer, remoteProxy);
        }
    }

    static final class BoundedProducer extends StreamMessageProducer {
        private static final String CONTENT_LENGTH = "Content-Length";
        private final int maxBytes;
        private final Consumer<Refusal> refused;
        private long announced;

        BoundedProducer(InputStream input, MessageJsonHandler jsonHandler, MessageIssueHandler issues, int maxBytes,
                Consumer<Refusal> refused) {
            super(input, jsonHandler, issues);
            this.maxBytes = maxBytes;
            this.refused = refused;
        }

        @Override
        protected void parseHeader(String line, Headers headers) {
            int sep = line.indexOf(':');
            if (sep > 0 && line.substring(0, sep).trim().equals(CONTENT_LENGTH)) {
                String value = line.substring(sep + 1).trim();
                if (!value.isEmpty() && value.length() <= 18 && value.chars().allMatch(Character::isDigit)) {
                    announced = Long.parseLong(value);
                    if (announced > Integer.MAX_VALUE) {
                        headers.contentLength = Integer.MAX_VALUE; // refused below rather than a parse error
                        return;
                    }
                } else if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
                    announced = Long.MAX_VALUE;
                    headers.contentLength = Integer.MAX_VALUE;
                    return;
                }
            }
            super.parseHeader(line, headers);
        }

        @Override
        protected boolean handleMessage(InputStream input, Headers headers) {
            if (headers.contentLength > maxBytes) {
                refused.accept(new Refusal(Math.max(announced, headers.contentLength), maxBytes));
                return false; // stops listening: the connection ends
            }
            return super.handleMessage(input, headers);
        }
    }
}
