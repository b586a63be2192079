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
import java.util.concurrent.CountDownLatch;

/**
 * A TCP relay on 127.0.0.1 (free port) in front of a device, that can turn into a black hole: after {@link #freeze()}
 * it forwards nothing more in either direction but keeps every connection open, as a dead device or a broken network
 * path does (no FIN, no RST). Only keep-alives can tell such a peer from a quiet one.
 */
public final class BlackHoleProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final CountDownLatch never = new CountDownLatch(1);
    private volatile boolean frozen;
    private volatile boolean closed;

    public BlackHoleProxy(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("black-hole-accept").start(this::acceptLoop);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on every byte that arrives, from either side, is swallowed; connections stay open. */
    public void freeze() {
        frozen = true;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket();
                upstream.connect(target, 5000);
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofPlatform().daemon().name("black-hole-up").start(() -> relay(client, upstream));
                Thread.ofPlatform().daemon().name("black-hole-down").start(() -> relay(upstream, client));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void relay(Socket from, Socket to) {
        byte[] buf = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (frozen) {
                    never.await(); // hold what arrived and read no more: the peer's data goes nowhere
                }
                out.write(buf, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException | InterruptedException e) {
            // a side closed, or the proxy was closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        never.countDown();
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
