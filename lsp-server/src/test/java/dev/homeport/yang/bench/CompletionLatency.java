package dev.homeport.yang.bench;

import dev.homeport.yang.YangLanguageService;
import dev.homeport.yang.corpus.Corpus;
import dev.homeport.yang.ide.CompletionItem;
import dev.homeport.yang.index.PathExpander;
import dev.homeport.yang.text.Document;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Completion latency in openconfig-network-instance.yang (the largest OpenConfig module, about 100 sources in its
 * import closure) with the whole corpus as the workspace, one request at a time as an editor sends them. For each
 * context (keywords in a block, a type, a prefixed grouping, leafref path steps relative and absolute, module
 * names in an import) prints the number of proposals and p50/p90/max of wall and calling-thread CPU time, after
 * warm-up. Each request builds its own model view (no cache between requests), so this is the cold-per-request cost.
 * A scripted run, not a test: {@code lsp-server/bench/completion-latency.sh [ITERATIONS]}.
 */
public final class CompletionLatency {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CompletionLatency() {
    }

    private record Context(String name, String marker, int shift) {
    }

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path root = Corpus.root();
        Path file = root.resolve("openconfig/release/models/network-instance/openconfig-network-instance.yang");
        String text = Corpus.read(file);
        YangLanguageService service = new YangLanguageService();
        long t0 = System.nanoTime();
        service.configure(List.of(root), List.of(), PathExpander.of(Map.of(), root, root));
        URI uri = file.toUri();
        service.open(new Document(uri, 1, text));
        System.out.printf(Locale.ROOT, "workspace: %d sources indexed in %d ms%n", service.index().sources().size(),
                (System.nanoTime() - t0) / 1_000_000);
        List<Context> contexts = List.of(
                new Context("keywords in container block", "container config {\n", 0),
                new Context("type argument", "type leafref {\n            path \"../config/name\"", 5),
                new Context("prefixed grouping (uses oc-evpn:)", "uses oc-evpn:evpn-config-top", 13),
                new Context("relative leafref path step", "path \"../config/name\"", 16),
                new Context("absolute leafref path step", "path \"/oc-netinst:network-instances/", 35),
                new Context("module names in import", "import openconfig-yang-types", 7));
        System.out.printf(Locale.ROOT, "%-36s %6s %10s %10s %10s %10s %10s%n", "context", "items", "wall p50", "wall p90",
                "wall max", "cpu p50", "cpu p90");
        for (Context c : contexts) {
            int at = text.indexOf(c.marker);
            if (at < 0) {
                throw new IllegalStateException("marker not found: " + c.marker);
            }
            int offset = at + (c.shift == 0 ? c.marker.length() : c.shift);
            int items = 0;
            for (int i = 0; i < Math.max(20, iterations / 4); i++) {
                items = service.completion(uri, offset).size();
            }
            long[] wall = new long[iterations];
            long[] cpu = new long[iterations];
            for (int i = 0; i < iterations; i++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                List<CompletionItem> result = service.completion(uri, offset);
                wall[i] = System.nanoTime() - w0;
                cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
                items = result.size();
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "%-36s %6d %10s %10s %10s %10s %10s%n", c.name, items, ms(wall, 0.5),
                    ms(wall, 0.9), ms(wall, 1.0), ms(cpu, 0.5), ms(cpu, 0.9));
        }
    }

    private static String ms(long[] sorted, double q) {
        int i = Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1);
        return String.format(Locale.ROOT, "%.2f ms", sorted[Math.max(0, i)] / 1e6);
    }
}
