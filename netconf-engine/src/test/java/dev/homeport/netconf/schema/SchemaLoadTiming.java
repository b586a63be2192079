package dev.homeport.netconf.schema;

import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.testing.YumaDevice;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A scripted measurement, not a test: times {@link DeviceSchema#load} (discovery, get-schema download, build)
 * against a fresh real yuma123 device. {@code SchemaLoadTiming CACHE_DIR RUNS}: the first run finds whatever
 * CACHE_DIR holds (empty: cold), later runs in the same JVM find it warm. Run by {@code tools/measure-schema-load.sh}.
 */
public final class SchemaLoadTiming {
    private SchemaLoadTiming() {
    }

    private static Duration cpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    public static void main(String[] args) throws Exception {
        ModuleCache cache = new ModuleCache(Path.of(args[0]));
        int runs = Integer.parseInt(args[1]);
        int before = cache.list().size();
        try (YumaDevice device = YumaDevice.start(); SshConnector ssh = new SshConnector()) {
            for (int i = 1; i <= runs; i++) {
                var t = ssh.connect(device.host(), device.port(), SshAuth.password(device.user(), device.password()),
                        KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_NEW));
                try (NetconfClient c = new NetconfClient(NetconfSession.open(t, SessionOptions.defaults()))) {
                    int files = i == 1 ? before : cache.list().size();
                    Duration cpu0 = cpu();
                    long start = System.nanoTime();
                    DeviceSchema s = DeviceSchema.load(c, cache, SchemaProgressListener.NONE);
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    long cpuMs = cpu().minus(cpu0).toMillis();
                    System.out.printf("load %d in this JVM, cache had %d files: %d ms wall, %d ms CPU (process); %s%n",
                            i, files, ms, cpuMs, s.summary());
                    if (!s.warnings().isEmpty()) {
                        s.warnings().forEach(w -> System.out.println("  warning: " + w));
                    }
                }
            }
        }
    }
}
