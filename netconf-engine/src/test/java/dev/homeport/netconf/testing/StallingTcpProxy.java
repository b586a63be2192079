package dev.homeport.netconf.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 (free port) in front of one target that can go silent: {@link #stallExisting()} makes
 * the connections open so far swallow every byte in both directions while their sockets stay open, the way a dead
 * manager behind a stateful firewall looks. Connections made afterwards forward normally. Platform threads named
 * {@code stalling-proxy-N}, two per connection; few connections are expected.
 */
public final class StallingTcpProxy implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    private final class Link {
        final Socket in;
        final Socket out;
        volatile boolean stalled;

        Link(Socket in, Socket out) {
            this.in = in;
            this.out = out;
        }

        void pump(InputStream from, OutputStream to) {
            byte[] buf = new byte[16 * 1024];
            try {
                int n;
                while ((n = from.read(buf)) >= 0) {
                    if (!stalled) {
                        to.write(buf, 0, n);
                        to.flush();
                    }
                }
            } catch (IOException e) {
                // either side went away
            } finally {
                if (!stalled) {
                    closeQuietly();
                }
            }
        }

        void closeQuietly() {
            try {
                in.close();
            } catch (IOException ignored) {
                // closing
            }
            try {
                out.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    public StallingTcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread(this::acceptLoop);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket in = server.accept();
                Socket out;
                try {
                    out = new Socket(target.getAddress(), target.getPort());
                } catch (IOException e) {
                    in.close();
                    continue;
                }
                accepted.incrementAndGet();
                Link l = new Link(in, out);
                links.add(l);
                thread(() -> l.pump(in.getInputStream(), out.getOutputStream()));
                thread(() -> l.pump(out.getInputStream(), in.getOutputStream()));
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("proxy accept failed", e);
                }
            }
        }
    }

    private interface IoTask {
        void run() throws IOException;
    }

    private static void thread(IoTask task) {
        Thread t = new Thread(() -> {
            try {
                task.run();
            } catch (IOException | IllegalStateException e) {
                // the proxy is closing
            }
        }, "stalling-proxy-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.start();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    /** Connections accepted so far. */
    public int connections() {
        return accepted.get();
    }

    /** The connections open now swallow all bytes from here on, and stay open. */
    public void stallExisting() {
        links.forEach(l -> l.stalled = true);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        links.forEach(Link::closeQuietly);
    }
}
