package dev.homeport.benchmarks;

import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.xml.XmlFragment;
import java.time.Duration;
import java.util.Map;

/**
 * Loads {@link InterfaceConfig} interfaces into a device with the engine's client: edit-config (merge) in chunks,
 * on running or on candidate followed by commit. Prints what each chunk cost.
 *
 * <p>{@code java -cp benchmarks.jar dev.homeport.benchmarks.LoadInterfaces --host H --port P --user U
 * --known-hosts FILE --interfaces 10000 --chunk 10000 --target running} (password in {@code NC_PASS})
 */
public final class LoadInterfaces {
    private LoadInterfaces() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = DeviceConnection.parseArgs(argv);
        int total = Integer.parseInt(args.getOrDefault("interfaces", "10000"));
        int chunk = Integer.parseInt(args.getOrDefault("chunk", Integer.toString(total)));
        Datastore target = Datastore.parse(args.getOrDefault("target", "running"));
        // yuma123 checks the whole list for every entry it merges: a 10,000-entry edit takes minutes on a busy machine
        try (DeviceConnection device = new DeviceConnection(args, Duration.ofMinutes(30));
             NetconfClient client = device.open()) {
            long start = System.nanoTime();
            for (int from = 0; from < total; from += chunk) {
                int n = Math.min(chunk, total - from);
                String config = InterfaceConfig.interfaces(from, n);
                long t0 = System.nanoTime();
                client.editConfig(EditConfig.to(target).config(XmlFragment.raw(config)));
                if (target == Datastore.CANDIDATE) {
                    client.commit();
                }
                System.out.printf("loaded interfaces %d-%d (%.1f MB of config) in %.1f s%n", from, from + n - 1,
                        config.length() / 1e6, (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf("loaded %d interfaces in %.1f s%n", total, (System.nanoTime() - start) / 1e9);
        }
    }
}
