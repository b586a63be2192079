package dev.homeport.netconf.transport.ssh;

import dev.homeport.netconf.transport.NetconfTransport;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.sshd.common.io.IoInputStream;
import org.apache.sshd.common.io.IoOutputStream;
import org.apache.sshd.common.io.IoReadFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.AsyncCommand;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.subsystem.SubsystemFactory;

/**
 * The device side of the "netconf" SSH subsystem on a MINA server: an asynchronous command whose streams are the
 * NETCONF byte pipe. Created per channel by {@link #factory}, which hands each started transport to the server
 * application (typically to build a {@code ServerSession}).
 */
public final class SshSubsystemTransport implements AsyncCommand, NetconfTransport {
    /**
     * Bytes per read from the channel. A pending read holds its buffer for as long as the session is idle, which on a
     * host of thousands of simulated devices was half of each device's memory at 32 KiB; requests to a device are
     * small, and a large one just takes more reads.
     */
    private static final int READ_SIZE = 8 * 1024;

    private final Consumer<SshSubsystemTransport> onStart;
    private final AtomicBoolean closedNotified = new AtomicBoolean();
    private final Object writeLock = new Object();
    private IoInputStream in;
    private IoOutputStream out;
    private ExitCallback exit;
    private volatile ChannelSession channel;
    private volatile Receiver receiver;
    private String peer = "?";
    private String user = "";

    private SshSubsystemTransport(Consumer<SshSubsystemTransport> onStart) {
        this.onStart = onStart;
    }

    /** A subsystem factory named "netconf"; {@code onStart} receives each new session's transport. */
    public static SubsystemFactory factory(Consumer<SshSubsystemTransport> onStart) {
        return new SubsystemFactory() {
            @Override
            public String getName() {
                return "netconf";
            }

            @Override
            public Command createSubsystem(ChannelSession channel) {
                return new SshSubsystemTransport(onStart);
            }
        };
    }

    @Override
    public void setIoInputStream(IoInputStream in) {
        this.in = in;
    }

    @Override
    public void setIoOutputStream(IoOutputStream out) {
        this.out = out;
    }

    @Override
    public void setIoErrorStream(IoOutputStream err) {
        // NETCONF does not use stderr
    }

    @Override
    public void setInputStream(java.io.InputStream in) {
        // asynchronous streams are used instead
    }

    @Override
    public void setOutputStream(java.io.OutputStream out) {
    }

    @Override
    public void setErrorStream(java.io.OutputStream err) {
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession ch, Environment env) {
        this.channel = ch;
        SocketAddress remote = ch.getSession().getRemoteAddress();
        this.peer = remote instanceof InetSocketAddress isa
                ? isa.getAddress().getHostAddress() + ":" + isa.getPort() : String.valueOf(remote);
        this.user = ch.getSession().getUsername();
        onStart.accept(this);
    }

    @Override
    public void destroy(ChannelSession ch) {
        notifyClosed(null);
    }

    /** The authenticated SSH user: the NETCONF username of this session (RFC 6242 section 6). */
    public String username() {
        return user;
    }

    /** The SSH session this channel belongs to (set once the subsystem has started): which device it serves. */
    public ServerSession sshSession() {
        ChannelSession ch = channel;
        return ch == null ? null : ch.getSession();
    }

    @Override
    public void start(Receiver r) {
        this.receiver = r;
        readLoop();
    }

    private void readLoop() {
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

    private boolean handle(IoReadFuture f) {
        Throwable ex = f.getException();
        if (ex != null) {
            notifyClosed(ex instanceof EOFException ? null : ex);
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

    private void notifyClosed(Throwable cause) {
        if (closedNotified.compareAndSet(false, true)) {
            Receiver r = receiver;
            if (r != null) {
                r.onClosed(cause);
            }
            close();
        }
    }

    @Override
    public void send(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            if (out == null || out.isClosed() || out.isClosing()) {
                throw new EOFException("SSH channel to " + peer + " is closed");
            }
            out.writeBuffer(new ByteArrayBuffer(bytes)).verify(Duration.ofMinutes(5).toMillis());
        }
    }

    @Override
    public void close() {
        ExitCallback cb = exit;
        if (cb != null) {
            exit = null;
            cb.onExit(0);
        }
        ChannelSession ch = channel;
        if (ch != null) {
            ch.close(false);
        }
    }

    @Override
    public String peer() {
        return peer;
    }

    @Override
    public String peerIdentity() {
        return user;
    }
}
