package dev.homeport.netconf.transport.tls;

import dev.homeport.netconf.session.EngineThreads;
import dev.homeport.netconf.transport.NetconfTransport;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/**
 * NETCONF over TLS (RFC 7589): the message stream is the TLS application data, framed like SSH's (RFC 6242).
 *
 * <p>JSSE's blocking {@link SSLSocket}, read by one virtual thread per connection: JSSE runs the TLS state machine
 * (handshake, TLS 1.3 post-handshake messages, close_notify), and a blocked virtual thread costs a few kilobytes,
 * not an OS thread, so thousands of sessions stay cheap. An {@code SSLEngine} would save those few kilobytes at the
 * price of a hand-written wrap/unwrap loop, which is where TLS bugs live. Writes happen on the caller's thread;
 * a write that the peer does not take within five minutes drops the connection, since sockets have no write timeout.
 */
public final class TlsTransport implements NetconfTransport {
    private static final int READ_SIZE = 64 * 1024;
    private static final Duration WRITE_TIMEOUT = Duration.ofMinutes(5);
    private static final Receiver DISCARD = new Receiver() {
        @Override
        public void onBytes(ByteBuffer data) {
        }

        @Override
        public void onClosed(Throwable cause) {
        }
    };

    private final SSLSocket socket;
    private final Socket tcp;
    private final String peer;
    private final List<X509Certificate> peerChain;
    private final String identity;
    private final String protocol;
    private final String cipherSuite;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean closedNotified = new AtomicBoolean();
    private final CompletableFuture<Receiver> receiver = new CompletableFuture<>();
    /** Explains a failure that happens before the server has sent anything (see {@link TlsConnector}). */
    private final UnaryOperator<IOException> earlyFailure;
    private volatile boolean received;
    private volatile boolean writeTimedOut;
    private volatile Throwable closeCause;
    private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

    /** Wraps a socket whose handshake has completed, and starts reading at once (bytes wait for {@link #start}). */
    TlsTransport(SSLSocket socket, Socket tcp, String peer, UnaryOperator<IOException> earlyFailure)
            throws SSLPeerUnverifiedException {
        this.socket = socket;
        this.tcp = tcp;
        this.peer = peer;
        this.earlyFailure = earlyFailure;
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : socket.getSession().getPeerCertificates()) {
            chain.add((X509Certificate) c);
        }
        this.peerChain = List.copyOf(chain);
        this.identity = Certificates.fingerprint(peerChain.get(0));
        this.protocol = socket.getSession().getProtocol();
        this.cipherSuite = socket.getSession().getCipherSuite();
        Thread.ofVirtual().name("netconf-tls-" + peer).start(this::readLoop);
    }

    private void readLoop() {
        byte[] buf = new byte[READ_SIZE];
        Throwable failure = null;
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                received = true;
                if (n > 0) {
                    receiver.join().onBytes(ByteBuffer.wrap(buf, 0, n));
                }
            }
        } catch (IOException e) {
            failure = closing.get() && !writeTimedOut ? null : explain(e);
        } catch (RuntimeException e) {
            failure = e;
        }
        notifyClosed(failure);
    }

    private void awaitReader() {
        try {
            ended.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    /** Why the connection ended, if the reader found out (e.g. our certificate was refused); else {@code e}. */
    private IOException closedError(IOException e) {
        return closeCause instanceof dev.homeport.netconf.NetconfException known ? known : e;
    }

    private IOException explain(IOException e) {
        return received ? e : earlyFailure.apply(e);
    }

    private void notifyClosed(Throwable cause) {
        if (closedNotified.compareAndSet(false, true)) {
            closeCause = cause;
            ended.countDown();
            close();
            receiver.thenAccept(r -> r.onClosed(cause));
        }
    }

    @Override
    public void start(Receiver r) {
        if (!receiver.complete(r)) {
            r.onClosed(closeCause); // the connection ended before the session started
        }
    }

    @Override
    public void send(byte[] bytes) throws IOException {
        if (closing.get()) {
            throw closedError(new EOFException("TLS connection to " + peer + " is closed"));
        }
        writeLock.lock();
        ScheduledFuture<?> watchdog = EngineThreads.timer().schedule(() -> {
            writeTimedOut = true;
            closeTcp();
        }, WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            if (writeTimedOut) {
                throw new IOException(peer + " did not take data for " + WRITE_TIMEOUT.toMinutes()
                        + " minutes; connection dropped", e);
            }
            if (!received) {
                awaitReader(); // a server that refuses us sends an alert and closes: the reader reports which
            }
            throw closedError(explain(e));
        } finally {
            watchdog.cancel(false);
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (writeLock.isLocked()) {
            closeTcp(); // a writer is blocked: closing TLS politely would wait behind it
        }
        try {
            socket.close(); // sends close_notify, then closes the TCP socket
        } catch (IOException | RuntimeException ignored) {
            // closing is best effort
        }
        closeTcp();
        receiver.complete(DISCARD);
    }

    private void closeTcp() {
        try {
            tcp.close();
        } catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public String peer() {
        return peer;
    }

    /** {@code SHA256:base64} of the server's certificate (see {@link Certificates}). */
    @Override
    public String peerIdentity() {
        return identity;
    }

    /** The server's certificate chain as presented, its own certificate first. */
    public List<X509Certificate> peerCertificates() {
        return peerChain;
    }

    /** The negotiated version: {@code TLSv1.3} or {@code TLSv1.2}. */
    public String protocol() {
        return protocol;
    }

    public String cipherSuite() {
        return cipherSuite;
    }

    public boolean isOpen() {
        return !closing.get();
    }
}
