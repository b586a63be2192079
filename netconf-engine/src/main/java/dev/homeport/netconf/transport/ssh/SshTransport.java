package dev.homeport.netconf.transport.ssh;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.SessionClosedException;
import dev.homeport.netconf.session.EngineThreads;
import dev.homeport.netconf.transport.NetconfTransport;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.channel.ClientChannel;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoReadFuture;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The "netconf" SSH subsystem (RFC 6242) on an authenticated MINA session, read asynchronously so that thousands of
 * sessions need no thread each. The transport owns the SSH session: closing one closes the other.
 *
 * <p>When the connection ends for a reason other than an orderly close, the session above is told why: keep-alives
 * went unanswered (a dead device or network path, {@link SshSettings#keepAliveMaxMissed()}), the idle timeout
 * passed, or the device disconnected with a reason. The idle timeout is kept here rather than by MINA, whose idle
 * clock also counts keep-alive replies (so a live device with keep-alives on would never be idle): here only NETCONF
 * bytes, in either direction, count as activity.
 */
public final class SshTransport implements NetconfTransport {
    private static final int READ_SIZE = 64 * 1024;
    private static final Duration CLOSE_DRAIN_GRACE = Duration.ofSeconds(2);

    private final ClientSession session;
    private final ChannelSubsystem channel;
    private final String peer;
    private final String identity;
    private final Duration writeTimeout;
    private final SshSettings settings;
    private final Object writeLock = new Object();
    private final AtomicBoolean closedNotified = new AtomicBoolean();
    /** Why the SSH session failed, as MINA reported it, for the session above; null for an orderly end. */
    private final AtomicReference<NetconfException> failure = new AtomicReference<>();
    private volatile Receiver receiver;
    /** System.nanoTime() of the last NETCONF byte sent or received. */
    private volatile long lastActivity = System.nanoTime();
    private volatile ScheduledFuture<?> idleCheck;

    private SshTransport(ClientSession session, ChannelSubsystem channel, String peer, SshSettings settings) {
        this.session = session;
        this.channel = channel;
        this.peer = peer;
        this.identity = session.getServerKey() == null ? "" : HostKeys.fingerprint(session.getServerKey());
        this.writeTimeout = Duration.ofMinutes(5);
        this.settings = settings;
    }

    /**
     * Opens the netconf subsystem on an authenticated session, within {@code settings.connectTimeout()}, with the
     * settings' idle timeout and the keep-alive figures for messages. On failure the session is closed.
     */
    public static SshTransport open(ClientSession session, String peer, SshSettings settings)
            throws NetconfException {
        try {
            ChannelSubsystem ch = session.createSubsystemChannel("netconf");
            ch.setStreaming(ClientChannel.Streaming.Async);
            ch.open().verify(settings.connectTimeout().toMillis());
            return new SshTransport(session, ch, peer, settings);
        } catch (IOException | RuntimeException e) {
            session.close(true);
            throw new NetconfException(peer + " did not open the 'netconf' SSH subsystem: " + e.getMessage(), e);
        }
    }

    @Override
    public void start(Receiver r) {
        this.receiver = r;
        session.addSessionListener(new SessionListener() {
            @Override
            public void sessionException(Session s, Throwable t) {
                failure.compareAndSet(null, explain(t));
            }

            @Override
            public void sessionDisconnect(Session s, int reason, String msg, String language, boolean initiator) {
                // the device's own reason for hanging up, unless it is the ordinary end of a session
                if (!initiator && reason != SshConstants.SSH2_DISCONNECT_BY_APPLICATION && msg != null
                        && !msg.isBlank()) {
                    failure.compareAndSet(null, new SessionClosedException(peer + " ended the SSH session: " + msg
                            + " (" + SshConstants.getDisconnectReasonName(reason) + ")"));
                }
            }
        });
        // Bytes the peer sent just before it went stay readable after the close; the read loop hands them over and
        // then sees the end of the stream. Reporting the close from these listeners at once would overtake a reply
        // still in the buffer, so they only make sure the close is reported if the read loop never gets there.
        channel.addCloseFutureListener(f -> closeFallback());
        session.addCloseFutureListener(f -> closeFallback());
        lastActivity = System.nanoTime();
        scheduleIdleCheck(settings.idleTimeout());
        readLoop();
    }

    /** MINA's session failures, in the terms of the settings that caused them. */
    private NetconfException explain(Throwable t) {
        String m = String.valueOf(t.getMessage());
        if (m.contains("heartbeat")) {
            // MINA counts keep-alives sent without any reply and gives up once there are more than keepAliveMaxMissed
            return new SessionClosedException("no reply from " + peer + " to " + settings.keepAliveMaxMissed()
                    + " SSH keep-alives sent " + every(settings.keepAliveInterval())
                    + ": the device or the network path to it is down; connection closed");
        }
        return new SessionClosedException("SSH session with " + peer + " failed: " + m, t);
    }

    private static String every(Duration d) {
        return d.toMillis() % 1000 == 0 ? "every " + d.toSeconds() + " s" : "every " + d.toMillis() + " ms";
    }

    private void scheduleIdleCheck(Duration delay) {
        Duration idle = settings.idleTimeout();
        if (idle.isZero() || idle.isNegative() || closedNotified.get()) {
            return;
        }
        idleCheck = EngineThreads.timer().schedule(this::checkIdle, Math.max(1, delay.toMillis()),
                TimeUnit.MILLISECONDS);
    }

    private void checkIdle() {
        Duration idle = settings.idleTimeout();
        Duration quiet = Duration.ofNanos(System.nanoTime() - lastActivity);
        if (quiet.compareTo(idle) >= 0) {
            notifyClosed(new SessionClosedException("session with " + peer + " closed: no NETCONF message in either "
                    + "direction for " + seconds(idle) + " (idle timeout)"));
        } else {
            scheduleIdleCheck(idle.minus(quiet));
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
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
            lastActivity = System.nanoTime();
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
            ScheduledFuture<?> check = idleCheck;
            if (check != null) {
                check.cancel(false);
            }
            close();
            Receiver r = receiver;
            if (r != null) {
                r.onClosed(cause != null ? cause : failure.get());
            }
        }
    }

    @Override
    public void send(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            if (!channel.isOpen()) {
                throw new EOFException("SSH channel to " + peer + " is closed");
            }
            lastActivity = System.nanoTime();
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
