package dev.homeport.netconf.transport;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A connected, authenticated byte pipe to a NETCONF peer: an SSH "netconf" subsystem channel or a TLS socket.
 * The session layer above frames and parses; this layer only moves bytes.
 */
public interface NetconfTransport extends AutoCloseable {

    /** Starts delivering received bytes to the receiver. Called once; deliveries are sequential. */
    void start(Receiver receiver);

    /**
     * Writes bytes, blocking until they are handed to the network (or flow control allows). Thread-safe. A transport
     * that knows why the connection failed throws a {@code NetconfException} saying so (as it passes one to
     * {@link Receiver#onClosed}), e.g. an {@code AuthenticationException} when a TLS server refused the client
     * certificate; the session reports it as it is.
     */
    void send(byte[] bytes) throws IOException;

    /** Closes the connection; the receiver then gets {@link Receiver#onClosed}. Idempotent. */
    @Override
    void close();

    /** Where the peer is, for messages: {@code 127.0.0.1:830}. */
    String peer();

    /** Who the peer is: its SSH host key or certificate fingerprint, {@code SHA256:base64} either way. */
    String peerIdentity();

    interface Receiver {
        /** Bytes arrived; the buffer is only valid during the call. */
        void onBytes(ByteBuffer data);

        /** The connection ended; {@code cause} is null for an orderly close. */
        void onClosed(Throwable cause);
    }
}
