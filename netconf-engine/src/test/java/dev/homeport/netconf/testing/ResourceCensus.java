package dev.homeport.netconf.testing;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Counts what a session could leak, for before/after comparisons: live threads (platform and virtual) of the engine
 * and of the test devices, MINA's thread pools, and open sockets of this JVM (from /proc/self/fd, Linux).
 *
 * @param threads live threads per name prefix: the engine's workers and timer, device scripts
 * @param pools   live threads per MINA pool ({@code sshd-...-nio2-thread}); pools start threads lazily up to a fixed
 *                size, so a pool may grow up to that size without leaking, but no new pool may appear
 * @param sockets open socket file descriptors
 */
public record ResourceCensus(Map<String, Integer> threads, Map<String, Integer> pools, int sockets) {
    public static final List<String> PREFIXES = List.of("netconf-", ScriptedSshDevice.THREAD_PREFIX);
    /** MINA's default pool size (CoreModuleProperties.NIO_WORKERS): available processors + 1. */
    public static final int MINA_POOL_SIZE = Runtime.getRuntime().availableProcessors() + 1;
    private static final Pattern NAME = Pattern.compile("\"name\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static ResourceCensus take() {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> pools = new TreeMap<>();
        PREFIXES.forEach(p -> counts.put(p, 0));
        for (String name : liveThreadNames()) {
            if (name.startsWith("sshd-")) {
                pools.merge(name.replaceFirst("-\\d+$", ""), 1, Integer::sum);
            }
            for (String p : PREFIXES) {
                if (name.startsWith(p)) {
                    counts.merge(p, 1, Integer::sum);
                }
            }
        }
        return new ResourceCensus(counts, pools, openSockets());
    }

    /** What grew since {@code before}, in words; empty when nothing leaked. */
    public List<String> growthSince(ResourceCensus before) {
        List<String> growth = new ArrayList<>();
        threads.forEach((prefix, n) -> {
            if (n > before.threads.getOrDefault(prefix, 0)) {
                growth.add("threads " + prefix + "*: " + before.threads.get(prefix) + " -> " + n);
            }
        });
        pools.forEach((pool, n) -> {
            if (!before.pools.containsKey(pool)) {
                growth.add("new thread pool " + pool + " (" + n + " threads)");
            } else if (n > Math.max(before.pools.get(pool), MINA_POOL_SIZE)) {
                growth.add("pool " + pool + " beyond its size: " + n);
            }
        });
        if (sockets > before.sockets) {
            growth.add("sockets: " + before.sockets + " -> " + sockets);
        }
        return growth;
    }

    /**
     * Names of all live threads, virtual ones included: the engine parses on virtual threads, which
     * {@link Thread#getAllStackTraces()} does not list, so this reads the JDK's JSON thread dump.
     */
    public static List<String> liveThreadNames() {
        try {
            Path dir = Files.createTempDirectory("census");
            Path file = dir.resolve("threads.json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                String json = Files.readString(file);
                Matcher m = NAME.matcher(json);
                List<String> names = new ArrayList<>();
                while (m.find()) {
                    names.add(m.group(1));
                }
                return names;
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Open sockets of this process: TCP (client and in-process device), and any other. */
    public static int openSockets() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false; // closed while listing
                }
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
