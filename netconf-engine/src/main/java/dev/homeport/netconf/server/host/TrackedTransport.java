package dev.homeport.netconf.server.host;

import dev.homeport.netconf.transport.NetconfTransport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A transport as a device host watches it: marks activity whenever NETCONF bytes pass (for the periodic call home's
 * idle timeout), and reports once that the connection ended, whoever ended it.
 */
final class TrackedTransport implements NetconfTransport {
    private final NetconfTransport delegate;
    private final Runnable activity;
    private final Ended ended;
    private final AtomicBoolean endReported = new AtomicBoolean();

    /**
     * @param activity runs on every read and write
     * @param ended    told once, the first time the connection is seen to end
     */
    TrackedTransport(NetconfTransport delegate, Runnable activity, Ended ended) {
        this.delegate = delegate;
        this.activity = activity;
        this.ended = ended;
    }

    @Override
    public void start(Receiver receiver) {
        delegate.start(new Receiver() {
            @Override
            public void onBytes(ByteBuffer data) {
                activity.run();
                receiver.onBytes(data);
            }

            @Override
            public void onClosed(Throwable cause) {
                end(false, cause);
                receiver.onClosed(cause);
            }
        });
    }

    @Override
    public void send(byte[] bytes) throws IOException {
        activity.run();
        delegate.send(bytes);
    }

    @Override
    public void close() {
        end(true, null);
        delegate.close();
    }

    private void end(boolean locally, Throwable cause) {
        if (endReported.compareAndSet(false, true)) {
            ended.ended(locally, cause);
        }
    }

    /** How a connection ended. */
    @FunctionalInterface
    interface Ended {
        /**
         * @param locally whether this side closed it (the session ended, the host or call home dropped it)
         * @param cause   why the connection failed; null for an orderly close
         */
        void ended(boolean locally, Throwable cause);
    }

    @Override
    public String peer() {
        return delegate.peer();
    }

    @Override
    public String peerIdentity() {
        return delegate.peerIdentity();
    }
}
