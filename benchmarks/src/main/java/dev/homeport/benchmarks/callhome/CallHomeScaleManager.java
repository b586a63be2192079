package dev.homeport.benchmarks.callhome;

import dev.homeport.netconf.callhome.CallHomeEvent;
import dev.homeport.netconf.callhome.CallHomeServer;
import dev.homeport.netconf.callhome.CallHomeSettings;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.callhome.CredentialsProvider;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The manager half of the call-home scale run: the engine's {@link CallHomeServer} on 127.0.0.1 (free port), trusting
 * every device, logging in to each. It prints {@code READY <port>}, then, once N devices are Connected (TCP accept,
 * SSH, login, netconf subsystem, hello exchange), a {@code RESULT} line with the time, its CPU time and its live heap
 * with the N sessions held, and holds them until it is ended. Started by {@code benchmarks/callhome-scale.sh}.
 *
 * <p>Arguments: {@code N [timeoutSeconds]}.
 */
public final class CallHomeScaleManager {
    private CallHomeScaleManager() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        long timeoutSeconds = args.length > 1 ? Long.parseLong(args[1]) : 1800;
        CallHomeServer server = new CallHomeServer(CallHomeSettings.defaults()
                .withSsh(new InetSocketAddress("127.0.0.1", 0)).withMaxSessions(n + 100),
                new CallHomeTrust(KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_ALL)),
                CredentialsProvider.same(SshAuth.password("admin", "admin")));
        CountDownLatch all = new CountDownLatch(n);
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger disconnected = new AtomicInteger();
        AtomicLong firstAt = new AtomicLong();
        server.addListener(e -> {
            switch (e) {
                case CallHomeEvent.Connected c -> {
                    firstAt.compareAndSet(0, System.currentTimeMillis());
                    connected.incrementAndGet();
                    all.countDown();
                }
                case CallHomeEvent.Refused r -> {
                    if (refused.incrementAndGet() <= 5) {
                        System.out.println("refused: " + r.reason());
                    }
                }
                case CallHomeEvent.Disconnected d -> disconnected.incrementAndGet();
                default -> {
                }
            }
        });
        server.start();
        long heapIdle = Measure.liveHeapBytes();
        long cpuStart = Measure.processCpuMillis();
        System.out.println("READY " + server.sshAddress().getPort());
        System.out.flush();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!all.await(5, TimeUnit.SECONDS)) {
            System.out.println("progress connected=" + connected.get() + " refused=" + refused.get()
                    + " disconnected=" + disconnected.get() + " load=" + Measure.load());
            if (System.nanoTime() > deadline) {
                System.out.println("TIMEOUT after " + timeoutSeconds + " s");
                System.exit(2);
            }
        }
        long allAt = System.currentTimeMillis();
        long cpu = Measure.processCpuMillis() - cpuStart;
        long heapHeld = Measure.liveHeapBytes();
        System.out.printf("RESULT manager n=%d firstConnectedMs=%d allConnectedMs=%d cpuMs=%d heapIdleBytes=%d "
                        + "heapHeldBytes=%d bytesPerSession=%d refused=%d disconnected=%d threads=%d load=%s%n",
                n, firstAt.get(), allAt, cpu, heapIdle, heapHeld, (heapHeld - heapIdle) / n, refused.get(),
                disconnected.get(), Measure.threads(), Measure.load());
        System.out.flush();
        Measure.hold();
    }
}
