package dev.homeport.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import dev.homeport.netconf.data.XmlDataCodec;
import dev.homeport.netconf.ops.DataReply;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.schema.DeviceSchema;
import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.netconf.schema.SchemaProgressListener;
import dev.homeport.netconf.schema.SchemaWarning;
import dev.homeport.netconf.xml.Dom;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.w3c.dom.Element;

/**
 * Homeport's side of the get-config benchmark (benchmarks/get-config-vs-ncclient.sh): get-config of running, parsed
 * into a yangtools NormalizedNode with the device's own schema, timed per iteration after warm-up.
 *
 * <p>The schema is loaded from the device once (discovery, get-schema into the given module cache, yangtools build)
 * before anything is timed, as an application keeps it per device. What one iteration times:
 * <ul>
 *   <li>{@code --session warm}: on one session kept open: the get-config RPC (send, SSH receive, framing, XML parse
 *       into DOM) and {@link DataReply#normalized} of its data into NormalizedNode (lenient, as applications call it);</li>
 *   <li>{@code --session fresh}: the same plus a new SSH connection, authentication and hello exchange first (the
 *       SSH client is shared, as in the engine's users); close-session after the iteration is not timed.</li>
 * </ul>
 * Each iteration also records the whole JVM's CPU time (all threads: SSH I/O, session worker, garbage collector, JIT),
 * which, unlike the wall time, does not count the device's work or other processes on a busy machine. Every parsed
 * tree is checked to hold {@code --expect-interfaces} interfaces, outside the timed part.
 *
 * <p>{@code --parse dom} stops at the reply's DOM (no NormalizedNode): the transport and XML share of the time.
 *
 * <p>Prints per-iteration lines and a final {@code RESULT} line (times in milliseconds, percentiles by nearest rank).
 */
public final class GetConfigTiming {
    private GetConfigTiming() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = DeviceConnection.parseArgs(argv);
        boolean fresh = switch (args.getOrDefault("session", "warm")) {
            case "warm" -> false;
            case "fresh" -> true;
            default -> throw new IllegalArgumentException("--session is warm or fresh");
        };
        boolean normalize = switch (args.getOrDefault("parse", "normalized")) {
            case "normalized" -> true;
            case "dom" -> false;
            default -> throw new IllegalArgumentException("--parse is normalized or dom");
        };
        int iterations = Integer.parseInt(args.getOrDefault("iterations", "10"));
        int warmup = Integer.parseInt(args.getOrDefault("warmup", "5"));
        int expected = Integer.parseInt(DeviceConnection.required(args, "expect-interfaces"));
        ModuleCache cache = new ModuleCache(Path.of(DeviceConnection.required(args, "module-cache")));
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        try (DeviceConnection device = new DeviceConnection(args, Duration.ofMinutes(5))) {
            NetconfClient client = device.open();
            DeviceSchema schema = DeviceSchema.load(client, cache, SchemaProgressListener.NONE);
            System.out.println("schema: " + schema.summary());
            for (SchemaWarning w : schema.warnings()) {
                System.out.println("schema warning: " + w);
            }
            XmlDataCodec codec = new XmlDataCodec(schema.context());

            // untimed: the reply's size, and the parse is complete (strict: every element known to the schema)
            DataReply whole = client.getConfig(Datastore.RUNNING);
            long bytes = whole.reply().sizeBytes();
            XmlDataCodec.Result first = whole.normalized(codec);
            if (!first.skipped().isEmpty() || interfaces(first.data()) != expected) {
                throw new IllegalStateException("the parsed get-config skipped " + first.skipped().size()
                        + " elements or misses interfaces: " + interfaces(first.data()) + " of " + expected);
            }
            System.out.printf(Locale.ROOT, "reply: %d bytes, %d interfaces; session: %s, parse: %s%n", bytes,
                    expected, fresh ? "fresh" : "warm", normalize ? "normalized" : "dom");

            long[] wall = new long[iterations];
            long[] cpu = new long[iterations];
            for (int i = -warmup; i < iterations; i++) {
                if (fresh) {
                    client.close();
                }
                long c0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                if (fresh) {
                    client = device.open();
                }
                long t1 = System.nanoTime();
                DataReply reply = client.getConfig(Datastore.RUNNING);
                ContainerNode data = normalize ? reply.normalized(codec).data() : null;
                long t2 = System.nanoTime();
                long c1 = os.getProcessCpuTime();
                int found = normalize ? interfaces(data) : interfaces(reply);
                if (found != expected) {
                    throw new IllegalStateException("the parsed get-config holds " + found + " interfaces, not "
                            + expected);
                }
                System.out.printf(Locale.ROOT, "%s %3d: %7.1f ms wall (connect %.1f, get-config and parse %.1f),"
                                + " %7.1f ms CPU%n", i < 0 ? "warm-up" : "iteration", i < 0 ? i + warmup : i,
                        ms(t2 - t0), ms(t1 - t0), ms(t2 - t1), ms(c1 - c0));
                if (i >= 0) {
                    wall[i] = t2 - t0;
                    cpu[i] = c1 - c0;
                }
            }
            client.close();
            System.out.printf(Locale.ROOT, "RESULT client=homeport session=%s parse=%s iterations=%d bytes=%d"
                            + " wall_median_ms=%.1f wall_p90_ms=%.1f cpu_median_ms=%.1f cpu_p90_ms=%.1f%n",
                    fresh ? "fresh" : "warm", normalize ? "normalized" : "dom", iterations, bytes, percentile(wall, 50), percentile(wall, 90),
                    percentile(cpu, 50), percentile(cpu, 90));
        }
    }

    /** Entries of the interface list in the DOM of a reply (for {@code --parse dom}). */
    private static int interfaces(DataReply reply) {
        int n = 0;
        for (Element top : reply.roots()) {
            if (Dom.is(top, InterfaceConfig.IF_NS, "interfaces")) {
                n += Dom.children(top).size();
            }
        }
        return n;
    }

    /** Entries of the interface list under /interfaces. */
    private static int interfaces(ContainerNode data) {
        for (DataContainerChild top : data.body()) {
            if (top.name().getNodeType().getNamespace().toString().equals(InterfaceConfig.IF_NS)
                    && top instanceof ContainerNode interfaces) {
                for (DataContainerChild c : interfaces.body()) {
                    if (c instanceof MapNode list) {
                        return list.size();
                    }
                }
            }
        }
        return 0;
    }

    /** Nearest-rank percentile, in milliseconds. */
    static double percentile(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return ms(s[Math.max(0, rank - 1)]);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
