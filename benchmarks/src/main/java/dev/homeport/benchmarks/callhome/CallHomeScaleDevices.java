package dev.homeport.benchmarks.callhome;

import dev.homeport.netconf.server.host.CallHome;
import dev.homeport.netconf.server.host.CallHomePolicy;
import dev.homeport.netconf.server.host.SshDeviceHost;
import dev.homeport.netconf.testing.MinimalEndpoint;
import dev.homeport.netconf.transport.ssh.HostKeys;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The device half of the call-home scale run: N simulated devices ({@link MinimalEndpoint}, each with its own
 * Ed25519 key) in one {@link SshDeviceHost}, each calling the manager home from its own 127.102.x.y. It prints
 * {@code DIALING <epoch ms>} when the first call starts, then, once every call home is Connected, a {@code RESULT}
 * line with its CPU time, its live heap (before the devices existed, with the devices created, and with all N
 * sessions held) and its threads, and holds the sessions until it is ended. Started by
 * {@code benchmarks/callhome-scale.sh}.
 *
 * <p>Arguments: {@code N managerPort [key=value...]} with keys {@code ioThreads}, {@code readBuffer} (bytes),
 * {@code kex} (comma-separated key exchanges), {@code connectTimeout} (seconds), {@code ramp} (calls started per
 * second; 0 starts all at once), {@code timeout} (seconds to wait for all).
 */
public final class CallHomeScaleDevices {
    private CallHomeScaleDevices() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        InetSocketAddress manager = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1]));
        SshDeviceHost.Settings settings = SshDeviceHost.Settings.defaults();
        Duration connectTimeout = Duration.ofMinutes(10);
        int ramp = 0;
        long timeoutSeconds = 1800;
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            switch (kv[0]) {
                case "ioThreads" -> settings = settings.withIoThreads(Integer.parseInt(kv[1]));
                case "readBuffer" -> settings = settings.withReadBufferSize(Integer.parseInt(kv[1]));
                case "kex" -> settings = settings.withKeyExchanges(List.of(kv[1].split(",")));
                case "connectTimeout" -> connectTimeout = Duration.ofSeconds(Long.parseLong(kv[1]));
                case "ramp" -> ramp = Integer.parseInt(kv[1]);
                case "timeout" -> timeoutSeconds = Long.parseLong(kv[1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }

        long heapEmpty = Measure.liveHeapBytes();
        long keysStart = System.nanoTime();
        List<MinimalEndpoint> devices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            devices.add(new MinimalEndpoint("scale-" + i, HostKeys.ed25519("scale/" + i), "admin", "admin", false));
        }
        long keysMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - keysStart);
        SshDeviceHost host = SshDeviceHost.start(settings);
        long heapWithDevices = Measure.liveHeapBytes();

        CallHomePolicy policy = CallHomePolicy.persistent().withConnectTimeout(connectTimeout);
        long cpuStart = Measure.processCpuMillis();
        long dialAt = System.currentTimeMillis();
        System.out.println("DIALING " + dialAt);
        System.out.flush();
        List<CallHome> calls = new ArrayList<>(n);
        long rampStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (ramp > 0) {
                long due = rampStart + i * 1_000_000_000L / ramp;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            InetAddress source = InetAddress.getByName("127.102." + (i / 250) + "." + (i % 250 + 1));
            calls.add(host.callHome(devices.get(i), manager, source, policy));
        }

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long lastReport = System.nanoTime();
        while (true) {
            long up = calls.stream().filter(c -> c.state() instanceof CallHome.Connected).count();
            if (up == n) {
                break;
            }
            if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(5)) {
                lastReport = System.nanoTime();
                long retrying = calls.stream().filter(c -> c.state() instanceof CallHome.WaitingToRetry).count();
                System.out.println("progress connected=" + up + " retrying=" + retrying + " load=" + Measure.load());
            }
            if (System.nanoTime() > deadline) {
                System.out.println("TIMEOUT after " + timeoutSeconds + " s");
                System.exit(2);
            }
            Thread.sleep(100);
        }
        long allAt = System.currentTimeMillis();
        long cpu = Measure.processCpuMillis() - cpuStart;
        Thread.sleep(2000); // let the last hellos finish before weighing
        long heapHeld = Measure.liveHeapBytes();
        long attempts = calls.stream().mapToLong(CallHome::attempts).sum();
        System.out.printf("RESULT devices n=%d dialMs=%d allConnectedMs=%d cpuMs=%d keysMs=%d heapEmptyBytes=%d "
                        + "heapWithDevicesBytes=%d heapHeldBytes=%d bytesPerDevice=%d bytesPerSession=%d attempts=%d "
                        + "threads=%d ioThreads=%d load=%s%n",
                n, dialAt, allAt, cpu, keysMs, heapEmpty, heapWithDevices, heapHeld, (heapHeld - heapEmpty) / n,
                (heapHeld - heapWithDevices) / n, attempts, Measure.threads(), settings.ioThreads(), Measure.load());
        System.out.flush();
        Measure.hold();
    }
}
