package dev.homeport.netconf.transport.ssh;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.transport.NetconfTransport;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoReadFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The "netconf" SSH subsystem (RFC 6242) on an authenticated MINA session, read asynchronously so that thousands of
 * sessions need no thread each. The transport owns the SSH session: closing one closes the other.
 */
public final class SshTransport implements NetconfTransport {
    private static final int READ_SIZE = 64 * 1024;
    private static final Duration CLOSE_DRAIN_GRACE = Duration.ofSeconds(2);

    private final ClientSession session;
    private final ChannelSubsystem channel;
    private final String peer;
    private final String identity;
    private final Duration writeTimeout;
    private final Object writeLock = new Object();
    private final AtomicBoolean closedNotified = new AtomicBoolean();
    private volatile Receiver receiver;

    private SshTransport(ClientSession session, ChannelSubsystem channel, String peer, Duration writeTimeout) {
        this.session = session;
        this.channel = channel;
        this.peer = peer;
        this.identity = session.getServerKey() == null ? "" : HostKeys.fingerprint(session.getServerKey());
        this.writeTimeout = writeTimeout;
    }

    /** Opens the netconf subsystem on an authenticated session. On failure the session is closed. */
    public static SshTransport open(ClientSession session, String peer, Duration timeout) throws NetconfException {
        try {
            ChannelSubsystem ch = session.createSubsystemChannel("netconf");
            ch.setStreaming(ClientChannel.Streaming.Async);
            ch.open().verify(timeout.toMillis());
            return new SshTransport(session, ch, peer, Duration.ofMinutes(5));
        } catch (IOException | RuntimeException e) {
            session.close(true);
            throw new NetconfException(peer + " did not open the 'netconf' SSH subsystem: " + e.getMessage(), e);
        }
    }

    @Override
    public void start(Receiver r) {
        this.receiver = r;
        // Bytes the peer sent just before it went stay readable after the close; the read loop hands them over and
        // then sees the end of the stream. Reporting the close from these listeners at once would overtake a reply
        // still in the buffer, so they only make sure the close is reported if the read loop never gets there.
        channel.addCloseFutureListener(f -> closeFallback());
        session.addCloseFutureListener(f -> closeFallback());
        readLoop();
    }

    private void readLoop() {
        IoInputStream in = channel.getAsyncOut();
        while (true) {
            Buffer buf = new ByteArrayBuffer(READ_SIZE, false);
            IoReadFuture f;
            try {
                f = in.read(buf);
            } catch (RuntimeException e) {
                notifyClosed(e);
                return;
            }
            if (!f.isDone()) {
                // completes later on an I/O thread; at most one extra frame of recursion if it raced to done
                f.addListener(done -> {
                    if (handle(done)) {
                        readLoop();
                    }
                });
                return;
            }
            if (!handle(f)) {
                return;
            }
        }
    }

    /** Delivers a completed read; false when the stream has ended. */
    private boolean handle(IoReadFuture f) {
        Throwable ex = f.getException();
        if (ex != null) {
            notifyClosed(ex instanceof EOFException || !channel.isOpen() ? null : ex);
            return false;
        }
        int n = f.getRead();
        if (n < 0) {
            notifyClosed(null);
            return false;
        }
        Buffer b = f.getBuffer();
        if (n > 0) {
            receiver.onBytes(ByteBuffer.wrap(b.array(), b.rpos(), n));
        }
        return true;
    }

    private void closeFallback() {
        if (!closedNotified.get()) {
            CompletableFuture.runAsync(() -> notifyClosed(null),
                    CompletableFuture.delayedExecutor(CLOSE_DRAIN_GRACE.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    private void notifyClosed(Throwable cause) {
        if (closedNotified.compareAndSet(false, true)) {
            close();
            Receiver r = receiver;
            if (r != null) {
                r.onClosed(cause);
            }
        }
    }

    @Override
    public void send(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            if (!channel.isOpen()) {
                throw new EOFException("SSH channel to " + peer + " is closed");
            }
            channel.getAsyncIn().writeBuffer(new ByteArrayBuffer(bytes)).verify(writeTimeout.toMillis());
        }
    }

    @Override
    public void close() {
        channel.close(true);
        session.close(true);
    }

    @Override
    public String peer() {
        return peer;
    }

    @Override
    public String peerIdentity() {
        return identity;
    }

    public ClientSession sshSession() {
        return session;
    }
}
